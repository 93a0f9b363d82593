/**
 * One note at its latest version: its text, who may read it, its institution
 * and when; its history (every version, the earlier ones marked superseded,
 * each correction with its reason), read only when opened; and, for the
 * note's own institution, its correction — a new version with a reason, sent
 * with the version shown (`If-Match`), so a correction made meanwhile by
 * someone else is found stale (412) and offered a reload, keeping what was
 * typed.
 */
import { CaseNote } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { useQuery } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { FormError, fromDecode } from "../../FieldProblem"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi, useSession } from "../../Session"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"
import { TextArea } from "./TextArea"
import { VisibilityChoice } from "./VisibilityChoice"

type Note = Schemas["CaseNote"]

/** The query of a case's notes. */
export const notesKey = (caseId: string) => ["case-notes", caseId]
const historyKey = (note: Pick<Note, "caseId" | "id">) => ["case-note-history", note.caseId, note.id]

const checkCorrection = Schema.decodeUnknownEither(
  Schema.Struct({ text: CaseNote.Text, visibility: CaseNote.Visibility, reason: CaseNote.CorrectionReason }),
)

const History = ({ note }: { readonly note: Note }) => {
  const { t, dateTime } = useText()
  const api = useApi()
  const versions = useQuery({
    queryKey: historyKey(note),
    gcTime: 0,
    queryFn: async () =>
      (
        await api.GET("/v1/cases/{caseId}/notes/{noteId}/versions", {
          params: { path: { caseId: note.caseId, noteId: note.id } },
        })
      ).data,
  })
  return (
    <Loaded query={versions}>
      {(all) => (
        <ol className="timeline" data-testid="note-history">
          {all.map((version) => (
            <li key={version.version} data-version={version.version}>
              <time dateTime={version.writtenAt}>
                {t("web.notes.version", { version: version.version, when: dateTime(version.writtenAt) })}
              </time>
              <span className={`tag ${version.version === note.version ? "" : "warning"}`}>
                {version.version === note.version ? t("web.notes.current") : t("web.notes.superseded")}
              </span>
              <p className="note-text" translate="no">
                {version.text}
              </p>
              {version.reason !== undefined && (
                <p>
                  <strong>{t("web.notes.reason-given")}:</strong> <span translate="no">{version.reason}</span>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Loaded>
  )
}

const Correction = ({ note }: { readonly note: Note }) => {
  const text = useText()
  const { t } = text
  const scope = `correct-${note.id}`
  const [words, setWords] = useState(note.text)
  const [visibility, setVisibility] = useState<CaseNote.Visibility>(note.visibility)
  const [reason, setReason] = useState("")
  const correct = useVersionedCommand({
    invalidates: [["case-notes", note.caseId], historyKey(note)],
    version: note.version,
    send: (api, header, body: { text: string; visibility: CaseNote.Visibility; reason: string }) =>
      api.POST("/v1/cases/{caseId}/notes/{noteId}/corrections", {
        params: { path: { caseId: note.caseId, noteId: note.id }, header: header as never },
        body,
      }),
    done: () => setReason(""),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { text: words, visibility, reason }
    const checked = checkCorrection(body)
    if (Either.isLeft(checked)) return correct.setProblem(fromDecode(checked.left, text))
    correct.run(body)
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t("web.notes.correct")}>
      {correct.stale && <Stale reload={correct.reload} />}
      <FormError problem={correct.problem} shown={(field) => ["text", "visibility", "reason"].includes(field)} />
      <TextArea
        field="text"
        scope={scope}
        label={t("web.notes.text")}
        value={words}
        onChange={setWords}
        problem={correct.problem}
        rows={6}
      />
      <VisibilityChoice scope={scope} value={visibility} onChange={setVisibility} problem={correct.problem} />
      <TextArea
        field="reason"
        scope={scope}
        label={t("web.notes.reason")}
        value={reason}
        onChange={setReason}
        problem={correct.problem}
        rows={2}
      />
      <button type="submit" className="button primary" disabled={correct.pending}>
        {t("web.notes.save-correction")}
      </button>
    </form>
  )
}

export const NoteItem = ({ note }: { readonly note: Note }) => {
  const { t, dateTime, locale } = useText()
  const names = namesOf(useInstitutions().data)
  const own = useSession().me?.institution === note.institution
  const [historyOpen, setHistoryOpen] = useState(false)
  return (
    <li className="item note" data-testid="note">
      <span>
        <span className="tag" data-testid="note-visibility">
          {t(`web.notes.visibility.${note.visibility}`)}
        </span>{" "}
        {note.version > 1 && <span className="tag">{t("web.notes.corrected", { version: note.version })}</span>}
      </span>
      <p className="note-text" translate="no" data-testid="note-text">
        {note.text}
      </p>
      <span className="meta">
        {t("web.notes.written", {
          institution: nameOf(names, note.institution, locale),
          when: dateTime(note.writtenAt),
        })}
      </span>
      <details onToggle={(event) => setHistoryOpen(event.currentTarget.open)}>
        <summary>{t("web.notes.history")}</summary>
        {historyOpen && <History note={note} />}
      </details>
      {own && (
        <details>
          <summary>{t("web.notes.correct")}</summary>
          <Correction note={note} />
        </details>
      )}
    </li>
  )
}
