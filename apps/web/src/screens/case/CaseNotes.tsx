/**
 * A case's notes: those the reader may see, each at its latest version with
 * who may read it, its history and its correction (`NoteItem`); and writing a
 * note, choosing who may read it — the author's institution unless the author
 * widens it (need to know by default). The text is checked with the case
 * package's schema before it goes; the API's refusal shows by the field it
 * names. The notes stay in memory only while the page shows them.
 */
import { CaseNote } from "@bashke/case"
import { useQuery } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { FormError, fromDecode } from "../../FieldProblem"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { useText } from "../../Text"
import { useAdminCommand } from "../admin/AdminCommand"
import { CaseRecordsPage } from "./CaseRecordsPage"
import { NoteItem, notesKey } from "./NoteItem"
import { TextArea } from "./TextArea"
import { VisibilityChoice } from "./VisibilityChoice"

const checkNote = Schema.decodeUnknownEither(Schema.Struct({ text: CaseNote.Text, visibility: CaseNote.Visibility }))

const WriteNote = ({ caseId }: { readonly caseId: string }) => {
  const text = useText()
  const { t } = text
  const api = useApi()
  const [words, setWords] = useState("")
  const [visibility, setVisibility] = useState<CaseNote.Visibility>("institution")
  const write = useAdminCommand(
    async (body: { text: string; visibility: CaseNote.Visibility }) =>
      (await api.POST("/v1/cases/{caseId}/notes", { params: { path: { caseId } }, body })).data,
    {
      refresh: [notesKey(caseId)],
      // The next note starts at the narrowest visibility again.
      done: () => {
        setWords("")
        setVisibility("institution")
      },
    },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { text: words, visibility }
    const checked = checkNote(body)
    if (Either.isLeft(checked)) return write.setProblem(fromDecode(checked.left, text))
    write.run(body)
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="write-note" className="card">
      <h2 id="write-note">{t("web.notes.write")}</h2>
      <FormError problem={write.problem} shown={(field) => field === "text" || field === "visibility"} />
      <TextArea
        field="text"
        scope="note"
        label={t("web.notes.text")}
        value={words}
        onChange={setWords}
        problem={write.problem}
        rows={6}
      />
      <VisibilityChoice scope="note" value={visibility} onChange={setVisibility} problem={write.problem} />
      {write.succeeded && words === "" && <p role="status">{t("web.records.saved")}</p>}
      <button type="submit" className="button primary" disabled={write.pending}>
        {t("web.notes.save")}
      </button>
    </form>
  )
}

export const CaseNotesPage = ({ caseId }: { readonly caseId: string }) => {
  const { t } = useText()
  const api = useApi()
  const notes = useQuery({
    queryKey: notesKey(caseId),
    // Notes are personal data: kept only while this page shows them.
    gcTime: 0,
    queryFn: async () =>
      (await api.GET("/v1/cases/{caseId}/notes", { params: { path: { caseId }, query: { limit: 100 } } })).data,
  })
  return (
    <CaseRecordsPage caseId={caseId} title="web.notes.title">
      {() => (
        <>
          <p className="hint">{t("web.records.audited")}</p>
          <section aria-labelledby="notes">
            <h2 id="notes" className="visually-hidden">
              {t("web.notes.title")}
            </h2>
            <Loaded query={notes}>
              {(page) =>
                page.items.length === 0 ? (
                  <p>{t("web.notes.none")}</p>
                ) : (
                  <ul className="worklist notes">
                    {page.items.map((note) => (
                      <NoteItem key={note.id} note={note} />
                    ))}
                  </ul>
                )
              }
            </Loaded>
          </section>
          <WriteNote caseId={caseId} />
        </>
      )}
    </CaseRecordsPage>
  )
}
