/**
 * A case as a timeline: what happened (opened, incidents, assessments, orders,
 * consents, reviews, corrections, the due-date extensions of the meeting
 * action items linked to it), newest first, with the next deadlines on top and the
 * case team beside; below, its consents, protection orders and safety plan,
 * each with the changes the API takes. Persons appear by role and age only: identifying details
 * stay on the server until someone asks for them with a purpose.
 */

import { caseMessages } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { useQuery } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { useCase } from "../CaseCommand"
import { nameOf } from "../Institutions"
import { Loaded } from "../Loading"
import { useApi } from "../Session"
import { addMessages, usePageTitle, useText } from "../Text"
import { webCaseworkMessages } from "../WebCaseworkMessages"
import { riskKey, statusKey } from "./Cases"
import { useActionItemHappenings } from "./case/ActionItemHappenings"
import { CaseConsents } from "./case/CaseConsents"
import { CaseMoves } from "./case/CaseMoves"
import { CaseOrders } from "./case/CaseOrders"
import { CaseRecordsLinks } from "./case/CaseRecordsLinks"
import { CaseSafetyPlan } from "./case/CaseSafetyPlan"
import { CaseTeamSection } from "./case/CaseTeamSection"
import { useCorrectionHappenings } from "./case/CorrectionHistory"
import { PersonDetails } from "./PersonDetails"
import { statusLabel } from "./Referral"
import { useCaseDeadlines, WorklistItem } from "./Worklist"

addMessages(caseMessages)
addMessages(webCaseworkMessages)

type CaseData = Schemas["Case"]

interface Happening {
  readonly at: string
  readonly key: string
  readonly title: string
  readonly detail?: string
  /** What someone wrote (a reason): data, not the app's words. */
  readonly note?: string
}

const timelineOf = (
  data: CaseData,
  t: ReturnType<typeof useText>["t"],
  label: (key: string) => string,
  corrections: ReadonlyArray<Happening>,
) => {
  const events: Array<Happening> = [
    { at: data.openedAt, key: "opened", title: t("web.case.event.opened") },
    ...corrections,
  ]
  for (const incident of data.incidents) {
    events.push({
      at: incident.recordedAt,
      key: incident.id,
      title: t("web.case.event.incident"),
      detail: incident.forms.map((form) => label(`case.incident.form.${form}`)).join(", "),
    })
  }
  for (const assessment of data.assessments) {
    events.push({
      at: assessment.assessedAt,
      key: assessment.id,
      title: t("web.case.event.assessment", { level: t(riskKey(assessment.level)) }),
    })
  }
  for (const order of data.orders) {
    const at = order.issuedAt ?? order.requestedAt ?? order.decidedAt
    if (at === undefined) continue
    events.push({
      at,
      key: order.id,
      title: t("web.case.event.order"),
      detail: label(`case.order.status.${order.status}`),
    })
  }
  for (const consent of data.consents) {
    events.push({
      at: consent.from,
      key: consent.id,
      title: t("web.case.event.consent"),
      detail: consent.purposes.map((purpose) => label(`case.consent.purpose.${purpose}`)).join(", "),
    })
  }
  if (data.lastReviewedAt !== undefined) {
    events.push({ at: data.lastReviewedAt, key: "review", title: t("web.case.event.review") })
  }
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}

export const Case = ({ caseId }: { readonly caseId: string }) => {
  const text = useText()
  const { t, dateTime, label, locale } = text
  const api = useApi()
  const found = useCase(caseId)
  const deadlines = useCaseDeadlines(caseId)
  const referrals = useQuery({
    queryKey: ["case-referrals", caseId],
    queryFn: async () =>
      (await api.GET("/v1/cases/{caseId}/referrals", { params: { path: { caseId }, query: { limit: 100 } } })).data,
  })
  const corrections = useCorrectionHappenings(found.data)
  const extensions = useActionItemHappenings(found.data?.id)
  usePageTitle(
    found.data === undefined ? t("web.cases.title") : t("web.case.title", { reference: found.data.reference }),
  )
  return (
    <Loaded query={found}>
      {(data) => (
        <>
          <h1>{t("web.case.title", { reference: data.reference })}</h1>
          <p className="summary">
            {t("web.case.status", { status: t(statusKey(data.status)) })}
            {data.assessments.length > 0 && (
              <span className={`risk ${data.assessments.at(-1)?.level}`}>
                {t(riskKey(data.assessments.at(-1)?.level ?? "standard"))}
              </span>
            )}
          </p>
          <CaseRecordsLinks caseId={caseId} />
          <section aria-labelledby="deadlines" className="card">
            <h2 id="deadlines">{t("web.case.next-deadlines")}</h2>
            <Loaded query={deadlines}>
              {(items) =>
                items.length === 0 ? (
                  <p>{t("web.case.no-deadlines")}</p>
                ) : (
                  <ul className="worklist">
                    {items.slice(0, 5).map((item) => (
                      <WorklistItem key={item.key} item={item} />
                    ))}
                  </ul>
                )
              }
            </Loaded>
          </section>
          <section aria-labelledby="referrals">
            <h2 id="referrals">{t("web.case.referrals")}</h2>
            <Loaded query={referrals}>
              {(page) =>
                page.items.length === 0 ? (
                  <p>{t("web.case.referrals.none")}</p>
                ) : (
                  <ul className="worklist">
                    {page.items.map((referral) => (
                      <li key={referral.id} className="item">
                        <Link to="/referrals/$referralId" params={{ referralId: referral.id }}>
                          {t("web.referrals.route", {
                            from: nameOf(referral.institutionNames, referral.from, locale),
                            to: nameOf(referral.institutionNames, referral.to, locale),
                          })}
                        </Link>
                        <span className={`tag status-${referral.status}`} data-testid="referral-status">
                          {t(statusLabel(referral.status))}
                        </span>
                      </li>
                    ))}
                  </ul>
                )
              }
            </Loaded>
            <Link className="button" to="/cases/$caseId/referrals/new" params={{ caseId }}>
              {t("web.referral.send")}
            </Link>
          </section>
          <CaseMoves data={data} />
          <div className="columns">
            <section aria-labelledby="timeline">
              <h2 id="timeline">{t("web.case.timeline")}</h2>
              <ol className="timeline">
                {timelineOf(data, t, label, [...corrections, ...extensions]).map((event) => (
                  <li key={event.key}>
                    <time dateTime={event.at}>{dateTime(event.at)}</time>
                    <strong>{event.title}</strong>
                    {event.detail !== undefined && <span>{event.detail}</span>}
                    {event.note !== undefined && <span translate="no">{event.note}</span>}
                  </li>
                ))}
              </ol>
            </section>
            <aside>
              <section aria-labelledby="persons">
                <h2 id="persons">{t("web.case.persons")}</h2>
                <ul className="plain">
                  {data.persons.map((person) => (
                    <li key={person.id}>
                      {label(`case.person.role.${person.role}`)}
                      {person.ageBand !== undefined && ` · ${label(`case.person.age-band.${person.ageBand}`)}`}
                      <PersonDetails caseId={caseId} personId={person.id} />
                    </li>
                  ))}
                </ul>
              </section>
              <CaseTeamSection data={data} />
            </aside>
          </div>
          <CaseConsents data={data} />
          <CaseOrders data={data} />
          <CaseSafetyPlan data={data} />
        </>
      )}
    </Loaded>
  )
}
