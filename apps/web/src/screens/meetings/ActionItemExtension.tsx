/**
 * An action item's due date moved later, with the reason: beside each item of
 * the meeting, the extensions made so far (previous date, new date, which
 * institution, when and why) and, for its owner institution or the
 * coordinator while it is open, the form that extends it. The form is checked
 * with the meeting package's own schema before it goes — an extension without
 * a reason is refused beside the reason, nothing sent — and sent with the
 * item's version (`If-Match`: 412 tells the person it changed) and an
 * `Idempotency-Key` kept for one attempt, so that a retried request is
 * answered once.
 */
import { BashkeProblem, type Schemas } from "@bashke/client"
import { ActionItemCommands } from "@bashke/meeting"
import { useQuery } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useId, useRef, useState } from "react"
import { FieldError, FormError, fromApi, fromDecode, inputId, invalidProps } from "../../FieldProblem"
import { TextInput } from "../../Fields"
import { nameOf } from "../../Institutions"
import { meetingKeys } from "../../MeetingData"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { addMessages, useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"
import { webActionItemMessages } from "../../WebActionItemMessages"

addMessages(webActionItemMessages)

type Item = Schemas["NamedActionItem"]
type Names = Item["institutionNames"]

const checkExtension = Schema.decodeUnknownEither(
  ActionItemCommands.ExtendActionItem.pipe(Schema.omit("actionItemId", "expectedVersion")),
)

/** A calendar day (`YYYY-MM-DD`) as the reader writes dates (noon UTC: the same day in every time zone). */
export const dayText = (day: string, date: (value: string) => string): string => date(`${day}T12:00:00Z`)

/** The item's extensions, oldest first (none shown while they load or are refused). */
const useExtensions = (actionItemId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["action-item", actionItemId, "extensions"],
    retry: false,
    queryFn: async () =>
      (
        await api.GET("/v1/action-items/{actionItemId}/extensions", {
          params: { path: { actionItemId } },
        })
      ).data.items,
  })
}

/** The extensions made so far, each with its dates, who, when and why. */
const ExtensionHistory = ({ actionItemId, names }: { readonly actionItemId: string; readonly names: Names }) => {
  const { t, date, dateTime, locale } = useText()
  const extensions = useExtensions(actionItemId)
  const found = extensions.data ?? []
  if (found.length === 0) return null
  return (
    <div className="extensions">
      <p className="meta">{t("web.extension.history")}</p>
      <ol className="plain" data-testid="extensions">
        {found.map((extension) => (
          <li key={extension.id}>
            <strong>
              {t("web.extension.moved", {
                previous: dayText(extension.previousDueDate, date),
                next: dayText(extension.dueDate, date),
              })}
            </strong>{" "}
            <span className="meta">
              {t("web.extension.by", {
                institution: nameOf(names, extension.institution, locale),
                when: dateTime(extension.extendedAt),
              })}
            </span>
            <dl className="facts">
              <div className="fact">
                <dt>{t("web.extension.reason.shown")}</dt>
                <dd translate="no">{extension.reason}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ol>
    </div>
  )
}

/** The form that extends the item: a new date and the reason. */
const ExtendForm = ({ item, meetingId }: { readonly item: Item; readonly meetingId: string }) => {
  const text = useText()
  const { t } = text
  const scope = `extend-${item.id}`
  const [dueDate, setDueDate] = useState("")
  const [reason, setReason] = useState("")
  const [saved, setSaved] = useState(false)
  // One key per request: a new one for each attempt, the same one again only
  // when the last attempt got no answer (the network failed), so that the
  // gateway answers a request that did arrive once.
  const key = useRef("")
  const unanswered = useRef(false)
  const command = useVersionedCommand<{ dueDate: string; reason: string }>({
    invalidates: [...meetingKeys(meetingId), ["action-item", item.id], ["case-action-items"]],
    version: item.version,
    send: (api, header, body) =>
      api.POST("/v1/action-items/{actionItemId}/extensions", {
        params: { path: { actionItemId: item.id }, header: { ...header, "Idempotency-Key": key.current } },
        body,
      }),
    done: () => {
      setSaved(true)
      setDueDate("")
      setReason("")
    },
    problemOf: (error, reader) => {
      unanswered.current = !BashkeProblem.is(error)
      return fromApi(error, reader)
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    const body = { dueDate, reason }
    const checked = checkExtension(body)
    if (Either.isLeft(checked)) return command.setProblem(fromDecode(checked.left, text))
    if (!unanswered.current || key.current === "") key.current = crypto.randomUUID()
    unanswered.current = false
    command.run(body)
  }
  return (
    <form className="extend" aria-label={t("web.extension.extend")} noValidate onSubmit={submit}>
      {command.stale && <Stale reload={command.reload} />}
      <FormError problem={command.problem} shown={(field) => field === "dueDate" || field === "reason"} />
      <TextInput
        field="dueDate"
        scope={scope}
        type="date"
        label={t("web.extension.due-date")}
        value={dueDate}
        onChange={setDueDate}
        problem={command.problem}
      />
      <div className="field">
        <label htmlFor={inputId("reason", scope)}>{t("web.extension.reason")}</label>
        <textarea
          id={inputId("reason", scope)}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          {...invalidProps(command.problem, "reason", undefined, scope)}
        />
        <FieldError problem={command.problem} field="reason" scope={scope} />
      </div>
      <button type="submit" className="button" disabled={command.pending}>
        {t("web.extension.save")}
      </button>
      {saved && command.problem === undefined && (
        <p role="status" className="notice">
          {t("web.extension.saved")}
        </p>
      )}
    </form>
  )
}

/**
 * Below an action item: its extensions, and — when `mayExtend` (its owner
 * institution or the coordinator, the item open; the API decides) — a button
 * that shows the form extending it.
 */
export const ActionItemExtension = ({
  item,
  meetingId,
  mayExtend,
  names,
}: {
  readonly item: Item
  readonly meetingId: string
  readonly mayExtend: boolean
  /** The names of the mechanism's institutions (who extended an item need not be its owner). */
  readonly names: Names
}) => {
  const { t } = useText()
  const [open, setOpen] = useState(false)
  const formId = useId()
  return (
    <>
      <ExtensionHistory actionItemId={item.id} names={{ ...names, ...item.institutionNames }} />
      {mayExtend && (
        <div className="extend-control">
          <button
            type="button"
            className="button"
            aria-expanded={open}
            aria-controls={formId}
            onClick={() => setOpen((shown) => !shown)}
          >
            {t("web.extension.extend")}
          </button>
          <div id={formId} hidden={!open}>
            {open && <ExtendForm item={item} meetingId={meetingId} />}
          </div>
        </div>
      )}
    </>
  )
}
