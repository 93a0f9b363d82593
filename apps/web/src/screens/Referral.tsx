/**
 * One referral, where the receiving institution deals with it: who sent it to
 * whom and why, its deadlines, its history, and the next steps its lifecycle
 * allows (`ReferralLifecycle.allowed`: the same machine the API runs). Each
 * step sends the version read (`If-Match`); if someone moved it meanwhile the
 * step is refused with 412, and the page offers a reload, keeping the reason
 * chosen.
 */
import { BashkeProblem, type Schemas } from "@bashke/client"
import { ReferralLifecycle } from "@bashke/referral"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { useState } from "react"
import { nameOf } from "../Institutions"
import { Loaded } from "../Loading"
import { useApi } from "../Session"
import { isStale, Stale } from "../Stale"
import { type MessageKey, usePageTitle, useText } from "../Text"
import { useCaseDeadlines, WorklistItem } from "./Worklist"

type Referral = Schemas["NamedReferral"]
type Step = "Acknowledge" | "Accept" | "Decline" | "StartService" | "Complete"

const steps: ReadonlyArray<Step> = ["Acknowledge", "Accept", "Decline", "StartService", "Complete"]
const declineReasons = ["no-capacity", "not-eligible", "outside-area"] as const
const outcomes = ["service-provided", "client-withdrew"] as const

export const statusLabel = (status: string) => `referral.status.${status}` as MessageKey

export const useReferral = (referralId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["referral", referralId],
    queryFn: async () => {
      const answer = await api.GET("/v1/referrals/{referralId}", { params: { path: { referralId } } })
      return { referral: answer.data, etag: answer.etag ?? `"${answer.data.version}"` }
    },
  })
}

const Actions = ({ referral, etag, onReload }: { referral: Referral; etag: string; onReload: () => void }) => {
  const { t } = useText()
  const api = useApi()
  const queryClient = useQueryClient()
  const [reason, setReason] = useState<string>(declineReasons[0])
  const [outcome, setOutcome] = useState<string>(outcomes[0])
  const run = useMutation({
    mutationFn: async (step: Step) => {
      const path = { params: { path: { referralId: referral.id }, header: { "If-Match": etag } } }
      switch (step) {
        case "Acknowledge":
          return api.POST("/v1/referrals/{referralId}/acknowledgement", path)
        case "Accept":
          return api.POST("/v1/referrals/{referralId}/acceptance", path)
        case "Decline":
          return api.POST("/v1/referrals/{referralId}/decline", { ...path, body: { reason } })
        case "StartService":
          return api.POST("/v1/referrals/{referralId}/service-start", path)
        case "Complete":
          return api.POST("/v1/referrals/{referralId}/completion", { ...path, body: { outcome } })
      }
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(["referral", referral.id], {
        referral: answer.data,
        etag: answer.etag ?? `"${answer.data.version}"`,
      })
      void queryClient.invalidateQueries({ queryKey: ["worklist"] })
      void queryClient.invalidateQueries({ queryKey: ["case-referrals", referral.case] })
    },
  })
  const available = steps.filter((step) => ReferralLifecycle.allowed(referral.status, step))
  if (available.length === 0) return null
  const error = run.error
  return (
    <section aria-labelledby="actions" className="card">
      <h2 id="actions">{t("web.referral.actions")}</h2>
      {error !== null &&
        (isStale(error) ? (
          <Stale
            reload={() => {
              run.reset()
              onReload()
            }}
          />
        ) : (
          <p className="error" role="alert">
            {BashkeProblem.is(error) ? error.title : t("web.error.title")}
          </p>
        ))}
      {available.includes("Decline") && (
        <label className="field">
          <span>{t("web.referral.decline.reason")}</span>
          <select value={reason} onChange={(event) => setReason(event.currentTarget.value)}>
            {declineReasons.map((code) => (
              <option key={code} value={code}>
                {t(`web.referral.decline.${code}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {available.includes("Complete") && (
        <label className="field">
          <span>{t("web.referral.complete.outcome")}</span>
          <select value={outcome} onChange={(event) => setOutcome(event.currentTarget.value)}>
            {outcomes.map((code) => (
              <option key={code} value={code}>
                {t(`web.referral.complete.${code}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="actions">
        {available.map((step) => (
          <button
            key={step}
            type="button"
            className={step === "Decline" ? "button" : "button primary"}
            disabled={run.isPending}
            onClick={() => run.mutate(step)}
          >
            {t(ReferralLifecycle.commandLabelKey(step) as MessageKey)}
          </button>
        ))}
      </div>
    </section>
  )
}

const codeLabel = (prefix: string, code: string, label: (key: string) => string) => {
  const key = `${prefix}.${code}`
  const text = label(key)
  return text === key ? code : text
}

export const ReferralPage = ({ referralId }: { readonly referralId: string }) => {
  const { t, locale, dateTime, label } = useText()
  usePageTitle(t("web.referral.title"))
  const found = useReferral(referralId)
  const deadlines = useCaseDeadlines(found.data?.referral.case ?? "")
  return (
    <Loaded query={found}>
      {({ referral, etag }) => {
        const mine = (deadlines.data ?? []).filter((item) => item.subject.id === referral.id)
        return (
          <>
            <h1>{t("web.referral.title")}</h1>
            <p className="summary">
              <span className={`tag status-${referral.status}`}>{t(statusLabel(referral.status))}</span>
              <Link to="/cases/$caseId" params={{ caseId: referral.case }}>
                {t("web.referral.open-case")}
              </Link>
            </p>
            <dl className="facts">
              <dt>{t("web.referral.from")}</dt>
              <dd>{nameOf(referral.institutionNames, referral.from, locale)}</dd>
              <dt>{t("web.referral.to")}</dt>
              <dd>{nameOf(referral.institutionNames, referral.to, locale)}</dd>
              <dt>{t("web.referral.reason")}</dt>
              <dd>{codeLabel("web.referral.reason", referral.reason, label)}</dd>
              <dt>{t("web.referral.urgency")}</dt>
              <dd>{t(`web.referral.urgency.${referral.urgency}`)}</dd>
            </dl>
            {mine.length > 0 && (
              <section aria-labelledby="referral-deadlines">
                <h2 id="referral-deadlines">{t("web.referral.deadlines")}</h2>
                <ul className="worklist">
                  {mine.map((item) => (
                    <WorklistItem key={item.key} item={item} />
                  ))}
                </ul>
              </section>
            )}
            <Actions referral={referral} etag={etag} onReload={() => void found.refetch()} />
            <section aria-labelledby="history">
              <h2 id="history">{t("web.referral.history")}</h2>
              <ol className="timeline">
                {[...referral.history].reverse().map((step) => (
                  <li key={`${step.status}-${step.at}`}>
                    <time dateTime={step.at}>{dateTime(step.at)}</time>
                    <strong>{t(statusLabel(step.status))}</strong>
                    <span>{nameOf(referral.institutionNames, step.actor.institution, locale)}</span>
                  </li>
                ))}
              </ol>
            </section>
          </>
        )
      }}
    </Loaded>
  )
}
