/**
 * Any member asks for an ad hoc meeting: a reason (checked with the meeting
 * package's schema before sending) and an urgency. The answer carries the
 * deadline the API computed from the jurisdiction profile; the form shows it
 * so the member knows by when the coordinator must schedule the meeting.
 */
import { Meeting } from "@bashke/meeting"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, fromApi, fromDecode, inputId, invalidProps, type Problem } from "../../FieldProblem"
import { Select } from "../../Fields"
import type { Meeting as NamedMeeting } from "../../MeetingData"
import { useApi } from "../../Session"
import { useText } from "../../Text"

const Body = Schema.Struct({ reason: Meeting.Reason, urgency: Meeting.Urgency })
const check = Schema.decodeUnknownEither(Body)

export const RequestForm = ({ mechanismId, hint }: { readonly mechanismId: string; readonly hint: string }) => {
  const text = useText()
  const { t, label, dateTime } = text
  const api = useApi()
  const queryClient = useQueryClient()
  const [reason, setReason] = useState("")
  const [urgency, setUrgency] = useState<string>("standard")
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [sent, setSent] = useState<NamedMeeting | undefined>(undefined)
  const request = useMutation({
    mutationFn: async (body: typeof Body.Encoded) =>
      (
        await api.POST("/v1/mechanisms/{mechanismId}/meeting-requests", {
          params: { path: { mechanismId } },
          body,
        })
      ).data,
    onMutate: () => setProblem(undefined),
    onSuccess: async (meeting) => {
      setSent(meeting)
      setReason("")
      await queryClient.invalidateQueries({ queryKey: ["meetings"] })
    },
    onError: (error) => setProblem(fromApi(error, text)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { reason, urgency }
    const checked = check(body)
    if (Either.isLeft(checked)) return setProblem(fromDecode(checked.left, text))
    request.mutate(checked.right)
  }
  return (
    <form className="card" aria-labelledby="request-title" onSubmit={submit} noValidate>
      <h2 id="request-title">{t("web.meetings.request.title")}</h2>
      <p className="hint" id="request-hint">
        {hint}
      </p>
      <FormError problem={problem} shown={(field) => field === "reason" || field === "urgency"} />
      <div className="field">
        <label htmlFor={inputId("reason", "request")}>{t("web.meetings.reason")}</label>
        <textarea
          id={inputId("reason", "request")}
          value={reason}
          rows={3}
          onChange={(event) => setReason(event.currentTarget.value)}
          {...invalidProps(problem, "reason", "request-hint", "request")}
        />
        <FieldError problem={problem} field="reason" scope="request" />
      </div>
      <Select
        field="urgency"
        scope="request"
        label={t("web.meetings.urgency")}
        value={urgency}
        options={Meeting.Urgency.literals.map((each) => [each, label(`meeting.urgency.${each}`)] as const)}
        onChange={setUrgency}
        problem={problem}
      />
      <button type="submit" className="button" disabled={request.isPending}>
        {t("web.meetings.request.submit")}
      </button>
      {sent?.request !== undefined && (
        <p role="status" className="notice" data-testid="request-deadline">
          {t("web.meetings.request.sent", { deadline: dateTime(sent.request.deadline) })}
        </p>
      )}
    </form>
  )
}
