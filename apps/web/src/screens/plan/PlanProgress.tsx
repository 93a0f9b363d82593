/**
 * Progress on an adopted plan, for its coordinator: each activity's status,
 * and each typed-in indicator's measurements (or its end-line value) in the
 * indicator's unit. A value outside the unit's range (a percent over 100, a
 * count with decimals) is the API's to refuse: its localized problem shows
 * beside the value, and nothing is recorded.
 */
import { type FormEvent, useState } from "react"
import { FormError, inputId } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { type Plan, usePlanCommand } from "./PlanCommand"

type Activity = Plan["activities"][number]
type Indicator = Plan["indicators"][number]

const activityStatuses = ["planned", "in-progress", "completed", "cancelled"] as const

export const ActivityStatusForm = ({
  plan,
  etag,
  activity,
}: {
  readonly plan: Plan
  readonly etag: string
  readonly activity: Activity
}) => {
  const { t, label } = useText()
  const [status, setStatus] = useState<string>(activity.status)
  const scope = `activity-${activity.id}`
  const command = usePlanCommand(plan.id, etag, (api, header, body: { status: Activity["status"] }) =>
    api.PUT("/v1/action-plans/{planId}/activities/{activityId}/status", {
      params: { path: { planId: plan.id, activityId: activity.id }, header },
      body,
    }),
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    command.run({ status: status as Activity["status"] })
  }
  return (
    <form className="field inline" onSubmit={submit} aria-label={activity.title}>
      <FormError problem={command.problem} shown={() => false} />
      {command.stale && <Stale reload={command.reload} />}
      <Select
        field="status"
        scope={scope}
        label={t("web.plan.activity.status")}
        value={status}
        options={activityStatuses.map((code) => [code, label(`action-plan.activity-status.${code}`)] as const)}
        onChange={setStatus}
        problem={command.problem}
      />
      <button type="submit" className="button" disabled={command.pending || status === activity.status}>
        {t("web.plan.activity.set-status")}
      </button>
    </form>
  )
}

export const MeasurementForm = ({
  plan,
  etag,
  indicator,
}: {
  readonly plan: Plan
  readonly etag: string
  readonly indicator: Indicator
}) => {
  const { t, label } = useText()
  const scope = `indicator-${indicator.id}`
  const today = new Date().toISOString().slice(0, 10)
  const [value, setValue] = useState("")
  const [date, setDate] = useState(today)
  const [source, setSource] = useState("")
  const [endline, setEndline] = useState(false)
  const command = usePlanCommand(
    plan.id,
    etag,
    (api, header, body: { measurement: Indicator["measurements"][number]; endline: boolean }) =>
      api.POST("/v1/action-plans/{planId}/indicators/{indicatorId}/measurements", {
        params: { path: { planId: plan.id, indicatorId: indicator.id }, header },
        body,
      }),
    () => setValue(""),
  )
  if (indicator.source._tag === "computed") return <p className="hint">{t("web.plan.measure.computed")}</p>
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const typed = value.trim() === "" ? Number.NaN : Number(value.replace(",", "."))
    command.run({ measurement: { value: typed, unit: indicator.unit, date, source }, endline })
  }
  const shown = (field: string) => document.getElementById(inputId(field, scope)) !== null
  return (
    <form onSubmit={submit} noValidate aria-label={t("web.plan.measure")} className="measurement">
      <FormError problem={command.problem} shown={shown} />
      {command.stale && <Stale reload={command.reload} />}
      <div className="row">
        <TextInput
          field="measurement.value"
          scope={scope}
          label={t("web.plan.measure.value", { unit: label(`action-plan.unit.${indicator.unit}`) })}
          value={value}
          onChange={setValue}
          problem={command.problem}
        />
        <TextInput
          field="measurement.date"
          scope={scope}
          type="date"
          label={t("web.plan.measure.date")}
          value={date}
          onChange={setDate}
          problem={command.problem}
        />
        <TextInput
          field="measurement.source"
          scope={scope}
          label={t("web.plan.measure.source")}
          value={source}
          onChange={setSource}
          problem={command.problem}
        />
      </div>
      <label className="choice">
        <input type="checkbox" checked={endline} onChange={(event) => setEndline(event.currentTarget.checked)} />
        <span>{t("web.plan.measure.endline")}</span>
      </label>
      <button type="submit" className="button primary" disabled={command.pending}>
        {t("web.plan.measure")}
      </button>
    </form>
  )
}
