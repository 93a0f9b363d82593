/**
 * The minutes of a held meeting: the coordinator writes the draft (each save a
 * revision, the first one circulating them to every member), approves it
 * (quorum needed), and from then on the minutes are locked — changed only by
 * appended amendments with their reason. A save that arrives after the lock
 * (from a page opened before it) is refused by the API, and its problem shows
 * beside the text, which stays as typed so it can become an amendment.
 */
import { Meeting as MeetingModel } from "@bashke/meeting"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, fromApi, fromDecode, inputId, invalidProps, type Problem } from "../../FieldProblem"
import { Loaded } from "../../Loading"
import { type Meeting, meetingKeys, useMinutes } from "../../MeetingData"
import { Stale } from "../../Stale"
import { type Text, useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"

type Minutes = NonNullable<ReturnType<typeof useMinutes>["data"]>

/** A refusal about no field (the minutes are locked) is about the text the person typed. */
const aboutBody = (error: unknown, text: Text): Problem => {
  const problem = fromApi(error, text)
  return problem.field === undefined ? { ...problem, field: "body" } : problem
}

const checkBody = Schema.decodeUnknownEither(Schema.Struct({ body: MeetingModel.MinutesText }))
const checkAmendment = Schema.decodeUnknownEither(
  Schema.Struct({ reason: MeetingModel.Reason, text: MeetingModel.MinutesText }),
)

const Editor = ({
  meeting,
  minutes,
  body,
  setBody,
}: {
  readonly meeting: Meeting
  readonly minutes: Minutes | null
  readonly body: string
  readonly setBody: (body: string | undefined) => void
}) => {
  const text = useText()
  const { t } = text
  const [savedRevision, setSavedRevision] = useState<number | undefined>(undefined)
  const save = useVersionedCommand<{ body: string }>({
    invalidates: meetingKeys(meeting.id),
    version: meeting.version,
    send: (api, header, command) =>
      api.PUT("/v1/meetings/{meetingId}/minutes", {
        params: { path: { meetingId: meeting.id }, header },
        body: command,
      }),
    done: () => {
      setSavedRevision((minutes?.revision ?? 0) + 1)
      setBody(undefined)
    },
    problemOf: aboutBody,
  })
  const approve = useVersionedCommand<void>({
    invalidates: meetingKeys(meeting.id),
    version: meeting.version,
    send: (api, header) =>
      api.POST("/v1/meetings/{meetingId}/minutes/approval", {
        params: { path: { meetingId: meeting.id }, header },
      }),
  })
  const dirty = body !== (minutes?.body ?? "")
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSavedRevision(undefined)
    const checked = checkBody({ body })
    if (Either.isLeft(checked)) return save.setProblem(fromDecode(checked.left, text))
    save.run({ body })
  }
  return (
    <form onSubmit={submit} noValidate>
      {(save.stale || approve.stale) && (
        <Stale
          reload={() => {
            save.reload()
            approve.reload()
          }}
        />
      )}
      <FormError problem={save.problem} shown={(field) => field === "body"} />
      <FormError problem={approve.problem} shown={() => false} />
      <div className="field">
        <label htmlFor={inputId("body", "minutes")}>{t("web.minutes.body")}</label>
        <p className="hint" id="minutes-hint">
          {t("web.minutes.hint")}
        </p>
        <textarea
          id={inputId("body", "minutes")}
          rows={10}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          {...invalidProps(save.problem, "body", "minutes-hint", "minutes")}
        />
        <FieldError problem={save.problem} field="body" scope="minutes" />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={save.pending}>
          {t("web.minutes.save")}
        </button>
        {minutes !== null && !dirty && meeting.status === "minutes-drafted" && (
          <button type="button" className="button secondary" disabled={approve.pending} onClick={() => approve.run()}>
            {t("web.minutes.approve")}
          </button>
        )}
      </div>
      {savedRevision !== undefined && !dirty && (
        <p role="status">{t("web.minutes.saved", { revision: savedRevision })}</p>
      )}
    </form>
  )
}

const Amend = ({ meeting }: { readonly meeting: Meeting }) => {
  const text = useText()
  const { t } = text
  const [reason, setReason] = useState("")
  const [amendment, setAmendment] = useState("")
  const command = useVersionedCommand<{ reason: string; text: string }>({
    invalidates: meetingKeys(meeting.id),
    version: meeting.version,
    send: (api, header, body) =>
      api.POST("/v1/meetings/{meetingId}/minutes/amendments", {
        params: { path: { meetingId: meeting.id }, header },
        body,
      }),
    done: () => {
      setReason("")
      setAmendment("")
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { reason, text: amendment }
    const checked = checkAmendment(body)
    if (Either.isLeft(checked)) return command.setProblem(fromDecode(checked.left, text))
    command.run(body)
  }
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="amend">
      <h3 id="amend">{t("web.minutes.amend.submit")}</h3>
      {command.stale && <Stale reload={command.reload} />}
      <FormError problem={command.problem} shown={(field) => field === "reason" || field === "text"} />
      {(
        [
          ["reason", reason, setReason, "web.minutes.amend.reason", 2],
          ["text", amendment, setAmendment, "web.minutes.amend.text", 5],
        ] as const
      ).map(([field, value, set, name, rows]) => (
        <div className="field" key={field}>
          <label htmlFor={inputId(field, "amend")}>{t(name)}</label>
          <textarea
            id={inputId(field, "amend")}
            rows={rows}
            value={value}
            onChange={(event) => set(event.currentTarget.value)}
            {...invalidProps(command.problem, field, undefined, "amend")}
          />
          <FieldError problem={command.problem} field={field} scope="amend" />
        </div>
      ))}
      <button type="submit" className="button" disabled={command.pending}>
        {t("web.minutes.amend.submit")}
      </button>
    </form>
  )
}

/** The minutes as read: the body, then every amendment in order. */
export const MinutesText = ({ minutes }: { readonly minutes: Minutes }) => {
  const { t, dateTime } = useText()
  return (
    <>
      <div className="minutes-text" translate="no" data-testid="minutes-text">
        {minutes.body}
      </div>
      {minutes.amendments.length > 0 && (
        <>
          <h3>{t("web.minutes.amendments")}</h3>
          <ol className="amendments">
            {minutes.amendments.map((amendment) => (
              <li key={amendment.id}>
                <p>
                  <strong>{t("web.minutes.amendment", { at: dateTime(amendment.at) })}</strong>
                </p>
                <p translate="no">{amendment.reason}</p>
                <div className="minutes-text" translate="no">
                  {amendment.text}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  )
}

export const MinutesSection = ({ meeting, editable }: { readonly meeting: Meeting; readonly editable: boolean }) => {
  const { t, dateTime } = useText()
  const drafted = meeting.status === "minutes-drafted" || meeting.status === "minutes-approved"
  const minutes = useMinutes(meeting.id, drafted)
  const locked = meeting.status === "minutes-approved"
  // What the coordinator typed and has not saved: kept across the meeting's refetches (a lock included).
  const [typed, setTyped] = useState<string | undefined>(undefined)
  const show = (data: Minutes | null) => {
    const body = typed ?? data?.body ?? ""
    const unsaved = typed !== undefined && typed !== (data?.body ?? "")
    return (
      <>
        <p className={`tag ${locked ? "" : "warning"}`} data-testid="minutes-state">
          {locked && data?.approval !== undefined
            ? t("web.minutes.state.locked", { at: dateTime(data.approval.at) })
            : data === null
              ? t("web.minutes.state.none")
              : t("web.minutes.state.draft")}
        </p>
        {editable && (!locked || unsaved) ? (
          <Editor meeting={meeting} minutes={data} body={body} setBody={setTyped} />
        ) : (
          data !== null && <MinutesText minutes={data} />
        )}
        {editable && locked && <Amend meeting={meeting} />}
      </>
    )
  }
  return (
    <section aria-labelledby="minutes" className="card">
      <h2 id="minutes">{t("web.minutes.title")}</h2>
      {drafted ? <Loaded query={minutes}>{show}</Loaded> : show(null)}
    </section>
  )
}
