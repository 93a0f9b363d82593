/**
 * The mechanism's local action plans, latest period first, with the way to
 * draft a new one (its coordinator) — the form opens on `/plans/new`.
 */
import { actionPlanMessages } from "@bashke/action-plan"
import { useQuery } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useMechanisms } from "../../Mechanism"
import { useApi, useSession } from "../../Session"
import { addMessages, usePageTitle, useText } from "../../Text"
import { webPlanStatsMessages } from "../../WebPlanStatsMessages"
import { institutionChoices, PlanEditor } from "./PlanEditor"

addMessages(actionPlanMessages)
addMessages(webPlanStatsMessages)

const useCoordinates = (mechanismId: string | undefined) => {
  const session = useSession()
  return (
    mechanismId !== undefined &&
    session.me?.roles.includes("coordinator") === true &&
    session.me.mechanisms.includes(mechanismId)
  )
}

export const Plans = () => {
  const text = useText()
  const { t, label } = text
  usePageTitle(t("web.plans.title"))
  const api = useApi()
  const mechanisms = useMechanisms()
  const mechanismId = mechanisms.data?.items[0]?.id
  const coordinates = useCoordinates(mechanismId)
  const plans = useQuery({
    queryKey: ["plans", mechanismId],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (await api.GET("/v1/action-plans", { params: { query: { mechanismId: mechanismId as string, limit: 50 } } }))
        .data,
  })
  return (
    <>
      <h1>{t("web.plans.title")}</h1>
      {coordinates && (
        <Link className="button primary" to="/plans/new">
          {t("web.plans.new")}
        </Link>
      )}
      <Loaded query={plans}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("web.plans.empty")}</p>
          ) : (
            <ul className="worklist" data-testid="plans">
              {page.items.map((plan) => (
                <li key={plan.id} className="item">
                  <Link to="/plans/$planId" params={{ planId: plan.id }} translate="no">
                    {plan.title}
                  </Link>
                  <span className="meta">
                    <span className="tag">{label(`action-plan.status.${plan.status}`)}</span>{" "}
                    {t("web.plans.period", {
                      start: text.date(`${plan.period.start}T12:00:00Z`),
                      end: text.date(`${plan.period.end}T12:00:00Z`),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  )
}

export const NewPlan = () => {
  const { t } = useText()
  usePageTitle(t("web.plan.new.title"))
  const mechanisms = useMechanisms()
  const institutions = useInstitutions()
  const mechanismId = mechanisms.data?.items[0]?.id
  return (
    <>
      <h1>{t("web.plan.new.title")}</h1>
      {mechanismId === undefined || institutions.isPending ? (
        <p role="status">{t("web.loading")}</p>
      ) : (
        <PlanEditor mechanismId={mechanismId} institutions={institutionChoices(institutions.data)} />
      )}
    </>
  )
}
