/**
 * How the victim or a child may be reached safely, as data: whether calling
 * is safe, at which times, through whom, the code word, the safe ways, a
 * note. Shown to the team's full-access members only, one person at a time,
 * after they say why (the API's audited personal read, a POST: the purpose
 * stays out of the URL); kept in memory only while shown, never in the
 * browser's storage. Recording a new version checks it with the case
 * package's schema first and names the case version (`If-Match`): a change
 * to the case meanwhile is found stale and offered a reload.
 */
import { SafeContact } from "@bashke/case"
import { BashkeProblem } from "@bashke/client"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useEffect, useState } from "react"
import { useCaseCommand } from "../../CaseCommand"
import { FieldError, FormError, fromDecode, inputId } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { type CaseData, survivorsOf, useAccess } from "./CaseRecordsPage"
import { CodeChoices } from "./CodeChoices"
import { type CasePurpose, PurposeChoice } from "./PurposeChoice"
import { TextArea } from "./TextArea"

const scope = "safe-contact"
const checkInstructions = Schema.decodeUnknownEither(SafeContact.Instructions)
const safeContactKey = (caseId: string) => ["safe-contact", caseId]

const Shown = ({ contact }: { readonly contact: SafeContact.Instructions & Record<string, unknown> }) => {
  const { t, label } = useText()
  return (
    <dl className="facts" data-testid="safe-contact">
      <div className="fact">
        <dt>{t("web.survivor.safe-to-call")}</dt>
        <dd>{contact.safeToCall ? t("web.survivor.call.safe") : t("web.survivor.call.not-safe")}</dd>
      </div>
      <div className="fact">
        <dt>{t("web.survivor.safe-times")}</dt>
        <dd>
          {contact.safeTimes.length === 0
            ? t("web.survivor.safe-times.any")
            : contact.safeTimes.map((time) => `${time.from}–${time.to}`).join(", ")}
        </dd>
      </div>
      {contact.through !== undefined && (
        <div className="fact">
          <dt>{t("web.survivor.through")}</dt>
          <dd translate="no">{contact.through}</dd>
        </div>
      )}
      {contact.codeWord !== undefined && (
        <div className="fact">
          <dt>{t("web.survivor.code-word")}</dt>
          <dd translate="no">{contact.codeWord}</dd>
        </div>
      )}
      <div className="fact">
        <dt>{t("web.survivor.channels")}</dt>
        <dd>{contact.channels.map((channel) => label(`web.survivor.channel.${channel}`)).join(", ")}</dd>
      </div>
      {contact.note !== undefined && (
        <div className="fact">
          <dt>{t("web.survivor.note")}</dt>
          <dd translate="no">{contact.note}</dd>
        </div>
      )}
    </dl>
  )
}

/** One survivor's safe contact: hidden until asked for with a purpose. */
const SafeContactOf = ({ caseId, personId, name }: { caseId: string; personId: string; name: string }) => {
  const { t, dateTime, locale } = useText()
  const api = useApi()
  const queryClient = useQueryClient()
  const names = namesOf(useInstitutions().data)
  const [asking, setAsking] = useState(false)
  const [purpose, setPurpose] = useState<CasePurpose | undefined>(undefined)
  const key = [...safeContactKey(caseId), personId]
  const contact = useQuery({
    queryKey: key,
    enabled: purpose !== undefined,
    gcTime: 0,
    retry: false,
    queryFn: async () =>
      (
        await api.POST("/v1/cases/{caseId}/persons/{personId}/safe-contact/read", {
          params: { path: { caseId, personId } },
          body: { purpose: purpose as CasePurpose },
        })
      ).data,
  })
  // Leaving the page hides it too.
  useEffect(
    () => () => queryClient.removeQueries({ queryKey: [...safeContactKey(caseId), personId] }),
    [queryClient, caseId, personId],
  )
  const hide = () => {
    setPurpose(undefined)
    setAsking(false)
    queryClient.removeQueries({ queryKey: key })
  }
  const body = (() => {
    if (purpose === undefined)
      return asking ? (
        <PurposeChoice confirm={t("web.details.confirm")} hint={t("web.details.audited")} onChoose={setPurpose} />
      ) : (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t("web.survivor.safe-contact.show")}
        </button>
      )
    if (contact.isPending) return <p role="status">{t("web.loading")}</p>
    return (
      <>
        {contact.isError ? (
          <p role={BashkeProblem.is(contact.error) && contact.error.status === 404 ? "status" : "alert"}>
            {BashkeProblem.is(contact.error) && contact.error.status === 404
              ? t("web.survivor.safe-contact.none")
              : BashkeProblem.is(contact.error)
                ? (contact.error.detail ?? contact.error.title)
                : t("web.error.title")}
          </p>
        ) : (
          <>
            <Shown contact={contact.data} />
            <p className="meta">
              {t("web.survivor.safe-contact.version", {
                version: contact.data.version,
                when: dateTime(contact.data.writtenAt),
                institution: nameOf(names, contact.data.institution, locale),
              })}
            </p>
          </>
        )}
        <button type="button" className="button" onClick={hide}>
          {t("web.survivor.safe-contact.hide")}
        </button>
      </>
    )
  })()
  return (
    <li className="item">
      <strong>{name}</strong>
      {body}
    </li>
  )
}

const emptyTime = { from: "", to: "" }

const RecordSafeContact = ({ data }: { readonly data: CaseData }) => {
  const text = useText()
  const { t, label } = text
  const queryClient = useQueryClient()
  const survivors = survivorsOf(data, label)
  const [personId, setPersonId] = useState(survivors[0]?.[0] ?? "")
  const [safeToCall, setSafeToCall] = useState(false)
  const [safeTimes, setSafeTimes] = useState<ReadonlyArray<{ from: string; to: string }>>([])
  const [through, setThrough] = useState("")
  const [codeWord, setCodeWord] = useState("")
  const [channels, setChannels] = useState<ReadonlyArray<SafeContact.Channel>>([])
  const [note, setNote] = useState("")
  const [saved, setSaved] = useState(false)
  const record = useCaseCommand(
    data.id,
    data.version,
    (api, path, header, body: SafeContact.Instructions) =>
      api.POST("/v1/cases/{caseId}/persons/{personId}/safe-contact", {
        params: { path: { ...path, personId }, header },
        body: body as never,
      }),
    () => {
      setSaved(true)
      setThrough("")
      setCodeWord("")
      setNote("")
      setSafeTimes([])
      setChannels([])
      void queryClient.invalidateQueries({ queryKey: safeContactKey(data.id) })
    },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    const optional = (name: string, value: string) => (value.trim() === "" ? {} : { [name]: value })
    const body = {
      safeToCall,
      safeTimes,
      channels,
      ...optional("through", through),
      ...optional("codeWord", codeWord),
      ...optional("note", note),
    }
    const checked = checkInstructions(body)
    if (Either.isLeft(checked)) return record.setProblem(fromDecode(checked.left, text))
    record.run(checked.right)
  }
  const setTime = (index: number, part: "from" | "to", value: string) =>
    setSafeTimes(safeTimes.map((time, at) => (at === index ? { ...time, [part]: value } : time)))
  return (
    <details>
      <summary>{t("web.survivor.safe-contact.record")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.survivor.safe-contact.record")}>
        {record.stale && <Stale reload={record.reload} />}
        <FormError
          problem={record.problem}
          shown={(field) =>
            ["personId", "safeToCall", "safeTimes", "through", "codeWord", "channels", "note"].some(
              (name) => field === name || field.startsWith(`${name}.`),
            )
          }
        />
        <Select
          scope={scope}
          field="personId"
          label={t("web.survivor.person")}
          value={personId}
          options={survivors}
          onChange={setPersonId}
          problem={record.problem}
        />
        <div className="field">
          <label className="choice" htmlFor={inputId("safeToCall", scope)}>
            <input
              id={inputId("safeToCall", scope)}
              type="checkbox"
              checked={safeToCall}
              onChange={(event) => setSafeToCall(event.currentTarget.checked)}
            />
            <span>{t("web.survivor.safe-to-call")}</span>
          </label>
        </div>
        <fieldset className="field">
          <legend>{t("web.survivor.safe-times")}</legend>
          {safeTimes.length === 0 && <p className="hint">{t("web.survivor.safe-times.any")}</p>}
          {safeTimes.map((time, index) => (
            <fieldset
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the list's positions, as the API names them
              key={index}
              className="field inline"
            >
              <legend>{t("web.survivor.safe-time", { number: index + 1 })}</legend>
              <TextInput
                scope={scope}
                field={`safeTimes.${index}.from`}
                type="time"
                label={t("web.survivor.safe-time.from")}
                value={time.from}
                onChange={(value) => setTime(index, "from", value)}
                problem={record.problem}
              />
              <TextInput
                scope={scope}
                field={`safeTimes.${index}.to`}
                type="time"
                label={t("web.survivor.safe-time.to")}
                value={time.to}
                onChange={(value) => setTime(index, "to", value)}
                problem={record.problem}
              />
              <button
                type="button"
                className="button quiet"
                onClick={() => setSafeTimes(safeTimes.filter((_, at) => at !== index))}
              >
                {t("web.survivor.safe-time.remove")}
              </button>
              <FieldError problem={record.problem} field={`safeTimes.${index}`} scope={scope} />
            </fieldset>
          ))}
          {safeTimes.length < 7 && (
            <button type="button" className="button" onClick={() => setSafeTimes([...safeTimes, emptyTime])}>
              {t("web.survivor.safe-time.add")}
            </button>
          )}
        </fieldset>
        <TextInput
          scope={scope}
          field="through"
          label={t("web.survivor.through")}
          value={through}
          onChange={setThrough}
          problem={record.problem}
        />
        <TextInput
          scope={scope}
          field="codeWord"
          label={t("web.survivor.code-word")}
          value={codeWord}
          onChange={setCodeWord}
          problem={record.problem}
        />
        <CodeChoices
          field="channels"
          scope={scope}
          legend={t("web.survivor.channels")}
          codes={SafeContact.Channel.literals}
          labelOf={(channel) => label(`web.survivor.channel.${channel}`)}
          value={channels}
          onChange={setChannels}
          problem={record.problem}
        />
        <TextArea
          field="note"
          scope={scope}
          label={t("web.survivor.note")}
          value={note}
          onChange={setNote}
          problem={record.problem}
          rows={2}
        />
        {saved && <p role="status">{t("web.records.saved")}</p>}
        <button type="submit" className="button primary" disabled={record.pending}>
          {t("web.survivor.save")}
        </button>
      </form>
    </details>
  )
}

export const SafeContactSection = ({ data }: { readonly data: CaseData }) => {
  const { t, label } = useText()
  const full = useAccess(data) === "full"
  return (
    <section aria-labelledby="safe-contact" className="card">
      <h2 id="safe-contact">{t("web.survivor.safe-contact")}</h2>
      <p className="hint">{t("web.survivor.safe-contact.hint")}</p>
      {full ? (
        <ul className="worklist">
          {survivorsOf(data, label).map(([personId, name]) => (
            <SafeContactOf key={personId} caseId={data.id} personId={personId} name={name} />
          ))}
        </ul>
      ) : (
        <p>{t("web.records.full-access-only")}</p>
      )}
      <RecordSafeContact data={data} />
    </section>
  )
}
