/**
 * One local action plan: its period, framework and status; for its
 * coordinator, the draft's form (edit, then adopt) and, once adopted, the
 * activities' status and the indicators' measurements; for every reader (the
 * mechanism's members, the national coordinator) its activities and
 * indicators with their institutions by name, the monitoring report with its
 * charts, and the draft's revision history.
 */
import { actionPlanMessages, Framework } from "@bashke/action-plan"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { FormError } from "../../FieldProblem"
import { nameOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi, useSession } from "../../Session"
import { Stale } from "../../Stale"
import { addMessages, usePageTitle, useText } from "../../Text"
import { webPlanStatsMessages } from "../../WebPlanStatsMessages"
import { type Plan as PlanType, usePlanCommand } from "./PlanCommand"
import { institutionChoices, PlanEditor } from "./PlanEditor"
import { ActivityStatusForm, MeasurementForm } from "./PlanProgress"
import { PlanReport } from "./PlanReport"

addMessages(actionPlanMessages)
addMessages(webPlanStatsMessages)

const next = { draft: "adopt", adopted: "start-implementation", "in-implementation": "evaluate" } as const

export const usePlan = (planId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["plan", planId],
    queryFn: async () => {
      const answer = await api.GET("/v1/action-plans/{planId}", { params: { path: { planId } } })
      return { plan: answer.data, etag: answer.etag ?? `"${answer.data.version}"` }
    },
  })
}

const Transition = ({ plan, etag }: { readonly plan: PlanType; readonly etag: string }) => {
  const { t } = useText()
  const command = usePlanCommand(plan.id, etag, (api, header, body: { command: (typeof next)[keyof typeof next] }) =>
    api.POST("/v1/action-plans/{planId}/transitions", { params: { path: { planId: plan.id }, header }, body }),
  )
  if (!(plan.status in next)) return null
  const step = next[plan.status as keyof typeof next]
  return (
    <div>
      <FormError problem={command.problem} shown={() => false} />
      {command.stale && <Stale reload={command.reload} />}
      <button
        type="button"
        className="button primary"
        disabled={command.pending}
        onClick={() => command.run({ command: step })}
      >
        {t(`web.plan.${step}`)}
      </button>
    </div>
  )
}

const History = ({ plan }: { readonly plan: PlanType }) => {
  const { t, date } = useText()
  const api = useApi()
  const revisions = useQuery({
    queryKey: ["plan-revisions", plan.id, plan.version],
    queryFn: async () =>
      (await api.GET("/v1/action-plans/{planId}/revisions", { params: { path: { planId: plan.id } } })).data,
  })
  return (
    <section aria-labelledby="history" className="card">
      <h2 id="history">{t("web.plan.history")}</h2>
      <Loaded query={revisions}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("web.plan.history.empty")}</p>
          ) : (
            <ol className="timeline" data-testid="plan-history">
              {[...list].reverse().map((revision) => (
                <li key={revision.version}>
                  <p>{t("web.plan.history.entry", { version: revision.version, date: date(revision.revisedAt) })}</p>
                  <p>
                    <span translate="no">{t("web.plan.history.previous", { title: revision.previous.title })}</span>
                  </p>
                  <p className="meta">
                    {t("web.plan.history.counts", {
                      objectives: revision.previous.objectives.length,
                      activities: revision.previous.activities.length,
                      indicators: revision.previous.indicators.length,
                    })}
                  </p>
                  {revision.reason !== undefined && (
                    <p translate="no">{t("web.plan.history.reason", { reason: revision.reason })}</p>
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  )
}

const PlanBody = ({ plan, etag }: { readonly plan: PlanType; readonly etag: string }) => {
  const text = useText()
  const { t, label, locale, number, money } = text
  const session = useSession()
  const institutions = useInstitutions()
  const [editing, setEditing] = useState(false)
  usePageTitle(t("web.plans.title"))
  const coordinates =
    session.me?.roles.includes("coordinator") === true && session.me.mechanisms.includes(plan.mechanismId)
  const progress = coordinates && (plan.status === "adopted" || plan.status === "in-implementation")
  const name = (id: string) => nameOf(plan.institutionNames, id, locale)
  return (
    <>
      <h1 translate="no">{plan.title}</h1>
      <dl className="facts">
        <dt>{t("web.plan.status")}</dt>
        <dd>
          <span className="tag" data-testid="plan-status">
            {label(`action-plan.status.${plan.status}`)}
          </span>
        </dd>
        <dt>{t("web.plan.framework")}</dt>
        <dd>{label(Framework.nameKey(plan.framework))}</dd>
        <dt>{t("web.plan.field.start")}</dt>
        <dd>{text.date(`${plan.period.start}T12:00:00Z`)}</dd>
        <dt>{t("web.plan.field.end")}</dt>
        <dd>{text.date(`${plan.period.end}T12:00:00Z`)}</dd>
      </dl>
      {coordinates && (plan.status === "draft" || editing) && (
        <div className="actions">
          <button type="button" className="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? t("web.plan.edit.cancel") : t("web.plan.edit")}
          </button>
        </div>
      )}
      {coordinates && editing && (
        <PlanEditor
          key={plan.id}
          mechanismId={plan.mechanismId}
          plan={plan}
          etag={etag}
          institutions={institutionChoices(institutions.data, plan.institutionNames)}
          onDone={() => setEditing(false)}
        />
      )}
      {coordinates && !editing && <Transition plan={plan} etag={etag} />}

      <section aria-labelledby="activities" className="card">
        <h2 id="activities">{t("web.plan.activities")}</h2>
        {plan.objectives.map((objective) => (
          <div key={objective.code}>
            <h3>
              <span translate="no">
                {objective.code} {objective.title}
              </span>{" "}
              <span className="meta">({label(Framework.pillarLabelKey(plan.framework, objective.pillar))})</span>
            </h3>
            <ul className="worklist">
              {plan.activities
                .filter((activity) => activity.objective === objective.code)
                .map((activity) => (
                  <li key={activity.id} className="item">
                    <strong translate="no">{activity.title}</strong>
                    <span className="meta">
                      {t("web.plan.activity.responsible")}: {name(activity.responsible)}
                      {activity.partners.length > 0 &&
                        ` · ${t("web.plan.activity.partners")}: ${activity.partners.map(name).join(", ")}`}
                      {` · ${t("web.plan.activity.quarters")}: ${activity.quarters.join(", ")}`}
                      {activity.budget !== undefined && ` · ${money(activity.budget.amount, activity.budget.currency)}`}
                      {` · ${t("web.plan.activity.weight")}: ${number(activity.weight)}`}
                    </span>
                    <span className="tag">{label(`action-plan.activity-status.${activity.status}`)}</span>
                    {progress && <ActivityStatusForm plan={plan} etag={etag} activity={activity} />}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="indicators" className="card">
        <h2 id="indicators">{t("web.plan.indicators")}</h2>
        {plan.indicators.map((indicator) => (
          <div key={indicator.id} className="indicator">
            <h3 translate="no">{indicator.title}</h3>
            <p className="meta">
              {t("web.plan.indicator.baseline")}: {number(indicator.baseline.value)} · {t("web.plan.indicator.target")}:{" "}
              {number(indicator.target)} · {t("web.plan.indicator.unit")}: {label(`action-plan.unit.${indicator.unit}`)}
              {indicator.endline !== undefined &&
                ` · ${t("web.plan.indicator.endline")}: ${number(indicator.endline.value)}`}
            </p>
            {indicator.measurements.length > 0 && (
              <ul className="plain">
                {indicator.measurements.map((measurement) => (
                  <li key={`${measurement.date}-${measurement.value}-${measurement.source}`}>
                    {text.date(`${measurement.date}T12:00:00Z`)}: {number(measurement.value)}{" "}
                    <span translate="no">({measurement.source})</span>
                  </li>
                ))}
              </ul>
            )}
            {progress && <MeasurementForm plan={plan} etag={etag} indicator={indicator} />}
          </div>
        ))}
      </section>

      <PlanReport plan={plan} />
      {plan.status === "draft" && <History plan={plan} />}
    </>
  )
}

export const Plan = ({ planId }: { readonly planId: string }) => {
  const query = usePlan(planId)
  return <Loaded query={query}>{({ plan, etag }) => <PlanBody plan={plan} etag={etag} />}</Loaded>
}
