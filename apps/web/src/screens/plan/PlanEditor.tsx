/**
 * The draft plan's form, to draft a plan or edit a draft: title and period,
 * objectives each under a pillar of the plan's framework, activities
 * (objective, responsible and partner institutions, quarters of the period,
 * budget, weight) and indicators (unit, baseline, target). An edit sends the
 * whole draft back with the ids it read (`PUT`, `If-Match`), as the API
 * revises a draft; the API's refusal shows beside the field it names
 * (`indicators.0.target`; an edit of a plan adopted meanwhile: the first field
 * it changes, or the list an entry was removed from), or above the form when
 * it names none. What was typed stays when the API refuses it.
 */
import { Framework, Quarter } from "@bashke/action-plan"
import type { Schemas } from "@bashke/client"
import { JurisdictionProfile } from "@bashke/kernel"
import { useMutation } from "@tanstack/react-query"
import { useNavigate } from "@tanstack/react-router"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, fromApi, inputId, invalidProps, type Problem } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf } from "../../Institutions"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { type Plan, usePlanCommand } from "./PlanCommand"
import "./PlanEditor.css"

type Names = Schemas["InstitutionNames"]

interface ObjectiveRow {
  code: string
  title: string
  pillar: string
}
interface ActivityRow {
  id?: string
  objective: string
  title: string
  responsible: string
  partners: ReadonlyArray<string>
  quarters: ReadonlyArray<string>
  budget: string
  budgetSource: string
  weight: string
}
interface IndicatorRow {
  id?: string
  objective: string
  title: string
  unit: string
  baseline: string
  baselineDate: string
  baselineSource: string
  target: string
}
export interface Draft {
  title: string
  start: string
  end: string
  reason: string
  objectives: ReadonlyArray<ObjectiveRow>
  activities: ReadonlyArray<ActivityRow>
  indicators: ReadonlyArray<IndicatorRow>
}

const units = ["count", "percent", "euro", "days"] as const
const lists = ["objectives", "activities", "indicators"] as const

const draftOf = (plan: Plan): Draft => ({
  title: plan.title,
  start: plan.period.start,
  end: plan.period.end,
  reason: "",
  objectives: plan.objectives.map((o) => ({ code: o.code, title: o.title, pillar: o.pillar })),
  activities: plan.activities.map((a) => ({
    id: a.id,
    objective: a.objective,
    title: a.title,
    responsible: a.responsible,
    partners: a.partners,
    quarters: a.quarters,
    budget: a.budget === undefined ? "" : String(a.budget.amount),
    budgetSource: a.budget?.source ?? "",
    weight: String(a.weight),
  })),
  indicators: plan.indicators.map((i) => ({
    id: i.id,
    objective: i.objective,
    title: i.title,
    unit: i.unit,
    baseline: String(i.baseline.value),
    baselineDate: i.baseline.date,
    baselineSource: i.baseline.source,
    target: String(i.target),
  })),
})

const year = new Date().getFullYear()
const emptyDraft: Draft = {
  title: "",
  start: `${year}-01-01`,
  end: `${year}-12-31`,
  reason: "",
  objectives: [{ code: "1", title: "", pillar: "" }],
  activities: [],
  indicators: [],
}

// A number as typed: the API decides what it may be; an empty field is not zero.
const numberOf = (typed: string): number => (typed.trim() === "" ? Number.NaN : Number(typed.replace(",", ".")))

/** The body the API takes: the draft's content, ids kept where the draft read them. */
export const bodyOf = (draft: Draft) => ({
  title: draft.title,
  period: { start: draft.start, end: draft.end },
  objectives: draft.objectives.map((o) => ({ code: o.code, title: o.title, pillar: o.pillar })),
  activities: draft.activities.map((a) => ({
    ...(a.id === undefined ? {} : { id: a.id }),
    objective: a.objective,
    title: a.title,
    responsible: a.responsible,
    partners: [...a.partners],
    quarters: a.quarters as [string, ...Array<string>],
    ...(a.budget.trim() === ""
      ? {}
      : { budget: { amount: numberOf(a.budget), currency: "EUR", source: a.budgetSource } }),
    weight: numberOf(a.weight),
  })),
  indicators: draft.indicators.map((i) => ({
    ...(i.id === undefined ? {} : { id: i.id }),
    objective: i.objective,
    title: i.title,
    unit: i.unit as (typeof units)[number],
    baseline: { value: numberOf(i.baseline), date: i.baselineDate, source: i.baselineSource },
    target: numberOf(i.target),
  })),
})

const replace = <A,>(rows: ReadonlyArray<A>, index: number, row: A): ReadonlyArray<A> =>
  rows.map((each, i) => (i === index ? row : each))

export const PlanEditor = ({
  mechanismId,
  plan,
  etag,
  institutions,
  onDone,
}: {
  readonly mechanismId: string
  /** The draft to edit; none: a new plan. */
  readonly plan?: Plan | undefined
  readonly etag?: string | undefined
  readonly institutions: ReadonlyArray<readonly [string, Names[string]]>
  readonly onDone?: () => void
}) => {
  const text = useText()
  const { t, label, locale } = text
  const api = useApi()
  const navigate = useNavigate()
  const [draft, setDraft] = useState<Draft>(() => (plan === undefined ? emptyDraft : draftOf(plan)))
  // A new plan follows the jurisdiction's framework, as the API drafts it.
  const framework = Framework.of(plan?.framework ?? Framework.defaultFrameworkFor(JurisdictionProfile.kosovo))
  const quarters =
    draft.start <= draft.end && /^\d{4}-\d\d-\d\d$/.test(draft.start) && /^\d{4}-\d\d-\d\d$/.test(draft.end)
      ? Quarter.between(draft.start, draft.end).slice(0, 24)
      : []
  const institutionOptions = institutions.map(([id, name]) => [id, name?.[locale] ?? id] as const)
  const objectiveOptions = draft.objectives.map((o) => [o.code, `${o.code} ${o.title}`] as const)
  const pillarOptions = framework.pillars.map(
    (pillar) => [pillar, label(Framework.pillarLabelKey(framework.code, pillar))] as const,
  )

  // Drafting a new plan.
  const [createProblem, setCreateProblem] = useState<Problem | undefined>(undefined)
  const create = useMutation({
    mutationFn: () => {
      const { activities, indicators, ...rest } = bodyOf(draft)
      return api.POST("/v1/action-plans", {
        body: {
          ...rest,
          mechanismId,
          activities: activities.map(({ id: _id, ...activity }) => activity),
          indicators: indicators.map(({ id: _id, ...indicator }) => indicator),
        },
      })
    },
    onMutate: () => setCreateProblem(undefined),
    onSuccess: (answer) => navigate({ to: "/plans/$planId", params: { planId: answer.data.id } }),
    onError: (error) => setCreateProblem(fromApi(error, text)),
  })
  // Editing a draft.
  const revise = usePlanCommand(
    plan?.id ?? "",
    etag ?? "",
    (client, header, body: Draft) =>
      client.PUT("/v1/action-plans/{planId}", {
        params: { path: { planId: plan?.id ?? "" }, header },
        body: { ...bodyOf(body), ...(body.reason.trim() === "" ? {} : { reason: body.reason }) },
      }),
    onDone,
  )
  const problem = plan === undefined ? createProblem : revise.problem
  // A refusal may name a whole list (an adopted plan's indicator removed): shown under the list's legend.
  const shown = (field: string) =>
    (lists as ReadonlyArray<string>).includes(field) || document.getElementById(inputId(field)) !== null
  const listProblem = (list: (typeof lists)[number]) => (problem?.field === list ? problem : undefined)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (plan === undefined) create.mutate()
    else revise.run(draft)
  }
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }))
  const pending = create.isPending || revise.pending

  return (
    <form className="plan-form card" onSubmit={submit} noValidate>
      <FormError problem={problem} shown={shown} />
      {revise.stale && <Stale reload={revise.reload} />}
      <TextInput
        field="title"
        label={t("web.plan.field.title")}
        value={draft.title}
        onChange={(title) => set({ title })}
        problem={problem}
      />
      <div className="row">
        <TextInput
          field="period.start"
          type="date"
          label={t("web.plan.field.start")}
          value={draft.start}
          onChange={(start) => set({ start })}
          problem={problem}
        />
        <TextInput
          field="period.end"
          type="date"
          label={t("web.plan.field.end")}
          value={draft.end}
          onChange={(end) => set({ end })}
          problem={problem}
        />
      </div>

      <fieldset>
        <legend>{t("web.plan.objectives")}</legend>
        <FieldError problem={listProblem("objectives")} field="objectives" />
        {draft.objectives.map((objective, index) => {
          const at = `objectives.${index}`
          const change = (row: Partial<ObjectiveRow>) =>
            set({ objectives: replace(draft.objectives, index, { ...objective, ...row }) })
          return (
            <fieldset key={at}>
              <legend>{t("web.plan.objective", { code: objective.code })}</legend>
              <div className="row">
                <TextInput
                  field={`${at}.code`}
                  label={t("web.plan.objective.code")}
                  value={objective.code}
                  onChange={(code) => change({ code })}
                  problem={problem}
                />
                <TextInput
                  field={`${at}.title`}
                  label={t("web.plan.objective.title")}
                  value={objective.title}
                  onChange={(title) => change({ title })}
                  problem={problem}
                />
                <Select
                  field={`${at}.pillar`}
                  label={t("web.plan.objective.pillar")}
                  value={objective.pillar}
                  options={pillarOptions}
                  empty="—"
                  onChange={(pillar) => change({ pillar })}
                  problem={problem}
                />
              </div>
              {draft.objectives.length > 1 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => set({ objectives: draft.objectives.filter((_, i) => i !== index) })}
                >
                  {t("web.plan.remove")}
                </button>
              )}
            </fieldset>
          )
        })}
        <button
          type="button"
          className="button"
          onClick={() =>
            set({
              objectives: [...draft.objectives, { code: String(draft.objectives.length + 1), title: "", pillar: "" }],
            })
          }
        >
          {t("web.plan.objective.add")}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t("web.plan.activities")}</legend>
        <FieldError problem={listProblem("activities")} field="activities" />
        {draft.activities.map((activity, index) => {
          const at = `activities.${index}`
          const change = (row: Partial<ActivityRow>) =>
            set({ activities: replace(draft.activities, index, { ...activity, ...row }) })
          return (
            <fieldset key={activity.id ?? at}>
              <legend>{t("web.plan.activity", { number: index + 1 })}</legend>
              <TextInput
                field={`${at}.title`}
                label={t("web.plan.activity.title")}
                value={activity.title}
                onChange={(title) => change({ title })}
                problem={problem}
              />
              <div className="row">
                <Select
                  field={`${at}.objective`}
                  label={t("web.plan.activity.objective")}
                  value={activity.objective}
                  options={objectiveOptions}
                  onChange={(objective) => change({ objective })}
                  problem={problem}
                />
                <Select
                  field={`${at}.responsible`}
                  label={t("web.plan.activity.responsible")}
                  value={activity.responsible}
                  options={institutionOptions}
                  empty="—"
                  onChange={(responsible) => change({ responsible })}
                  problem={problem}
                />
              </div>
              <div className="field">
                <label htmlFor={inputId(`${at}.partners`)}>{t("web.plan.activity.partners")}</label>
                <select
                  id={inputId(`${at}.partners`)}
                  multiple
                  size={Math.min(6, institutionOptions.length)}
                  value={[...activity.partners]}
                  onChange={(event) =>
                    change({ partners: Array.from(event.currentTarget.selectedOptions, (option) => option.value) })
                  }
                  {...invalidProps(problem, `${at}.partners`)}
                >
                  {institutionOptions.map(([id, name]) => (
                    <option key={id} value={id}>
                      {name}
                    </option>
                  ))}
                </select>
                <FieldError problem={problem} field={`${at}.partners`} />
              </div>
              <fieldset className="field">
                <legend>{t("web.plan.activity.quarters")}</legend>
                <div className="quarters" id={inputId(`${at}.quarters`)}>
                  {quarters.map((quarter) => (
                    <label key={quarter} className="choice">
                      <input
                        type="checkbox"
                        checked={activity.quarters.includes(quarter)}
                        onChange={(event) =>
                          change({
                            quarters: event.currentTarget.checked
                              ? [...activity.quarters, quarter].sort()
                              : activity.quarters.filter((q) => q !== quarter),
                          })
                        }
                      />
                      <span>{quarter}</span>
                    </label>
                  ))}
                </div>
                <FieldError problem={problem} field={`${at}.quarters`} />
              </fieldset>
              <div className="row">
                <TextInput
                  field={`${at}.budget.amount`}
                  label={t("web.plan.activity.budget")}
                  value={activity.budget}
                  onChange={(budget) => change({ budget })}
                  problem={problem}
                />
                <TextInput
                  field={`${at}.budget.source`}
                  label={t("web.plan.activity.budget-source")}
                  value={activity.budgetSource}
                  onChange={(budgetSource) => change({ budgetSource })}
                  problem={problem}
                />
                <TextInput
                  field={`${at}.weight`}
                  label={t("web.plan.activity.weight")}
                  value={activity.weight}
                  onChange={(weight) => change({ weight })}
                  problem={problem}
                />
              </div>
              <button
                type="button"
                className="button"
                onClick={() => set({ activities: draft.activities.filter((_, i) => i !== index) })}
              >
                {t("web.plan.remove")}
              </button>
            </fieldset>
          )
        })}
        <button
          type="button"
          className="button"
          onClick={() =>
            set({
              activities: [
                ...draft.activities,
                {
                  objective: draft.objectives[0]?.code ?? "",
                  title: "",
                  responsible: "",
                  partners: [],
                  quarters: quarters.slice(0, 1),
                  budget: "",
                  budgetSource: "",
                  weight: "1",
                },
              ],
            })
          }
        >
          {t("web.plan.activity.add")}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t("web.plan.indicators")}</legend>
        <FieldError problem={listProblem("indicators")} field="indicators" />
        {draft.indicators.map((indicator, index) => {
          const at = `indicators.${index}`
          const change = (row: Partial<IndicatorRow>) =>
            set({ indicators: replace(draft.indicators, index, { ...indicator, ...row }) })
          return (
            <fieldset key={indicator.id ?? at}>
              <legend>{t("web.plan.indicator", { number: index + 1 })}</legend>
              <TextInput
                field={`${at}.title`}
                label={t("web.plan.indicator.title")}
                value={indicator.title}
                onChange={(title) => change({ title })}
                problem={problem}
              />
              <div className="row">
                <Select
                  field={`${at}.objective`}
                  label={t("web.plan.activity.objective")}
                  value={indicator.objective}
                  options={objectiveOptions}
                  onChange={(objective) => change({ objective })}
                  problem={problem}
                />
                <Select
                  field={`${at}.unit`}
                  label={t("web.plan.indicator.unit")}
                  value={indicator.unit}
                  options={units.map((unit) => [unit, label(`action-plan.unit.${unit}`)] as const)}
                  onChange={(unit) => change({ unit })}
                  problem={problem}
                />
                <TextInput
                  field={`${at}.baseline.value`}
                  label={t("web.plan.indicator.baseline")}
                  value={indicator.baseline}
                  onChange={(baseline) => change({ baseline })}
                  problem={problem}
                />
                <TextInput
                  field={`${at}.baseline.date`}
                  type="date"
                  label={t("web.plan.indicator.baseline-date")}
                  value={indicator.baselineDate}
                  onChange={(baselineDate) => change({ baselineDate })}
                  problem={problem}
                />
                <TextInput
                  field={`${at}.baseline.source`}
                  label={t("web.plan.indicator.baseline-source")}
                  value={indicator.baselineSource}
                  onChange={(baselineSource) => change({ baselineSource })}
                  problem={problem}
                />
                <TextInput
                  field={`${at}.target`}
                  label={t("web.plan.indicator.target")}
                  value={indicator.target}
                  onChange={(target) => change({ target })}
                  problem={problem}
                />
              </div>
              <button
                type="button"
                className="button"
                onClick={() => set({ indicators: draft.indicators.filter((_, i) => i !== index) })}
              >
                {t("web.plan.remove")}
              </button>
            </fieldset>
          )
        })}
        <button
          type="button"
          className="button"
          onClick={() =>
            set({
              indicators: [
                ...draft.indicators,
                {
                  objective: draft.objectives[0]?.code ?? "",
                  title: "",
                  unit: "percent",
                  baseline: "",
                  baselineDate: draft.start,
                  baselineSource: "",
                  target: "",
                },
              ],
            })
          }
        >
          {t("web.plan.indicator.add")}
        </button>
      </fieldset>

      {plan !== undefined && (
        <TextInput
          field="reason"
          label={t("web.plan.field.reason")}
          value={draft.reason}
          onChange={(reason) => set({ reason })}
          problem={problem}
        />
      )}
      <button type="submit" className="button primary" disabled={pending}>
        {plan === undefined ? t("web.plan.create") : t("web.plan.save")}
      </button>
    </form>
  )
}

/** The institutions to choose from, named in every language, from the register and the plan's own names. */
export const institutionChoices = (
  register: ReadonlyArray<Schemas["RegisteredInstitution"]> | undefined,
  names?: Names,
): ReadonlyArray<readonly [string, Names[string]]> => {
  const out = new Map<string, Names[string]>()
  for (const each of register ?? []) out.set(each.id, each.name)
  for (const [id, name] of Object.entries(names ?? {})) if (!out.has(id)) out.set(id, name)
  return [...out.entries()]
}

export { nameOf }
