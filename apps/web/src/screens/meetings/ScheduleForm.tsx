/**
 * The coordinator gives a meeting its date, time and place: a new meeting
 * (regular or ad hoc), a member's request (before the deadline the page
 * shows), or a change of a scheduled one. Times are typed in the
 * jurisdiction's local time. A refusal — a start in the past, or past the
 * request's deadline — shows beside the field the API names, in the page's
 * language, and changes nothing.
 */
import { Meeting } from "@bashke/meeting"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, fromApi, inputId, invalidProps, type Problem } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { instantOfLocal, localOfInstant, type Meeting as NamedMeeting, profile } from "../../MeetingData"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { type Text, useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"

interface Times {
  readonly startsAt: string
  readonly endsAt: string
  readonly place: string
}

/** The schedule typed, as the API takes it; a problem by the field when a time is not one. */
const scheduleOf = (times: Times, text: Text): { body?: object; problem?: Problem } => {
  const startsAt = instantOfLocal(times.startsAt)
  if (startsAt === undefined) return { problem: { field: "startsAt", text: text.t("web.error.title") } }
  const endsAt = instantOfLocal(times.endsAt)
  if (endsAt === undefined) return { problem: { field: "endsAt", text: text.t("web.error.title") } }
  return { body: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place: times.place } }
}

const TimeFields = ({
  times,
  set,
  problem,
  scope,
  latest,
}: {
  readonly times: Times
  readonly set: (times: Times) => void
  readonly problem: Problem | undefined
  readonly scope: string
  readonly latest?: string | undefined
}) => {
  const { t } = useText()
  const hint = `${scope}-times-hint`
  return (
    <>
      <p className="hint" id={hint}>
        {t("web.meetings.time-zone", { zone: profile.timezone })}
        {latest !== undefined && (
          <>
            {" "}
            <strong data-testid="latest-start">{latest}</strong>
          </>
        )}
      </p>
      {(["startsAt", "endsAt"] as const).map((field) => (
        <div className="field" key={field}>
          <label htmlFor={inputId(field, scope)}>
            {t(field === "startsAt" ? "web.meetings.starts-at" : "web.meetings.ends-at")}
          </label>
          <input
            id={inputId(field, scope)}
            type="datetime-local"
            value={times[field]}
            onChange={(event) => set({ ...times, [field]: event.currentTarget.value })}
            {...invalidProps(problem, field, hint, scope)}
          />
          <FieldError problem={problem} field={field} scope={scope} />
        </div>
      ))}
      <TextInput
        field="place"
        scope={scope}
        label={t("web.meetings.place")}
        value={times.place}
        onChange={(place) => set({ ...times, place })}
        problem={problem}
      />
    </>
  )
}

const fields = new Set(["startsAt", "endsAt", "place", "kind"])

/** A new meeting, scheduled by the coordinator. */
export const ScheduleForm = ({ mechanismId, done }: { readonly mechanismId: string; readonly done: () => void }) => {
  const text = useText()
  const { t, label } = text
  const api = useApi()
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<string>("regular")
  const [times, setTimes] = useState<Times>({ startsAt: "", endsAt: "", place: "" })
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const schedule = useMutation({
    mutationFn: async (body: object) =>
      (
        await api.POST("/v1/mechanisms/{mechanismId}/meetings", {
          params: { path: { mechanismId } },
          body: { kind, ...body } as never,
        })
      ).data,
    onMutate: () => setProblem(undefined),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["meetings"] })
      done()
    },
    onError: (error) => setProblem(fromApi(error, text)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const typed = scheduleOf(times, text)
    if (typed.problem !== undefined) return setProblem(typed.problem)
    schedule.mutate(typed.body as object)
  }
  return (
    <form className="card" aria-labelledby="new-meeting" onSubmit={submit} noValidate>
      <h2 id="new-meeting">{t("web.meetings.new.title")}</h2>
      <FormError problem={problem} shown={(field) => fields.has(field)} />
      <Select
        field="kind"
        scope="new"
        label={t("web.meetings.kind")}
        value={kind}
        options={Meeting.Kind.literals.map((each) => [each, label(`meeting.kind.${each}`)] as const)}
        onChange={setKind}
        problem={problem}
      />
      <TimeFields times={times} set={setTimes} problem={problem} scope="new" />
      <button type="submit" className="button" disabled={schedule.isPending}>
        {t("web.meetings.new.submit")}
      </button>
    </form>
  )
}

/** A requested meeting scheduled, or a scheduled one moved (If-Match of the meeting). */
export const SetScheduleForm = ({
  meeting,
  latest,
}: {
  readonly meeting: NamedMeeting
  /** When a requested meeting must start before, as shown. */
  readonly latest?: string | undefined
}) => {
  const text = useText()
  const { t } = text
  const initial = meeting.schedule
  const [times, setTimes] = useState<Times>({
    startsAt: initial === undefined ? "" : localOfInstant(initial.startsAt),
    endsAt: initial === undefined ? "" : localOfInstant(initial.endsAt),
    place: initial?.place ?? "",
  })
  const requested = meeting.status === "requested"
  const command = useVersionedCommand<object>({
    invalidates: [["meeting", meeting.id], ["meetings"]],
    version: meeting.version,
    send: (api, header, body) =>
      requested
        ? api.POST("/v1/meetings/{meetingId}/schedule", {
            params: { path: { meetingId: meeting.id }, header },
            body: body as never,
          })
        : api.PUT("/v1/meetings/{meetingId}/schedule", {
            params: { path: { meetingId: meeting.id }, header },
            body: body as never,
          }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const typed = scheduleOf(times, text)
    if (typed.problem !== undefined) return command.setProblem(typed.problem)
    command.run(typed.body as object)
  }
  return (
    <form className="card" aria-labelledby="set-schedule" onSubmit={submit} noValidate>
      <h2 id="set-schedule">{t("web.meeting.schedule.title")}</h2>
      {command.stale && <Stale reload={command.reload} />}
      <FormError problem={command.problem} shown={(field) => fields.has(field)} />
      <TimeFields times={times} set={setTimes} problem={command.problem} scope="schedule" latest={latest} />
      <button type="submit" className="button" disabled={command.pending}>
        {t(requested ? "web.meeting.schedule.submit" : "web.meeting.reschedule.submit")}
      </button>
    </form>
  )
}
