/**
 * The referrals the person's institution sent or received in the mechanism
 * (all of them for the coordinator), in the order sent, filtered by status: the
 * inbox a shelter or a centre for social work works from — and, for those
 * who oversee the mechanism, its overdue referrals on top.
 */
import { Referral } from "@bashke/referral"
import { useQuery } from "@tanstack/react-query"
import { Link, useNavigate } from "@tanstack/react-router"
import { nameOf } from "../Institutions"
import { Loaded } from "../Loading"
import { useMechanisms } from "../Mechanism"
import type { ReferralsSearch } from "../Search"
import { useApi } from "../Session"
import { addMessages, usePageTitle, useText } from "../Text"
import { webCaseworkMessages } from "../WebCaseworkMessages"
import { OverdueReferrals } from "./OverdueReferrals"
import { statusLabel } from "./Referral"

addMessages(webCaseworkMessages)

export const Referrals = ({ search }: { readonly search: ReferralsSearch }) => {
  const { t, locale, dateTime } = useText()
  usePageTitle(t("web.referrals.title"))
  const api = useApi()
  const navigate = useNavigate()
  const mechanisms = useMechanisms()
  const mechanismId = mechanisms.data?.items[0]?.id
  const referrals = useQuery({
    queryKey: ["referrals", mechanismId, search.status, search.after],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/referrals", {
          params: {
            query: {
              mechanismId: mechanismId as string,
              limit: 50,
              ...(search.status === undefined ? {} : { status: search.status as Referral.Status }),
              ...(search.after === undefined ? {} : { after: search.after }),
            },
          },
        })
      ).data,
  })
  return (
    <>
      <h1>{t("web.referrals.title")}</h1>
      {mechanismId !== undefined && <OverdueReferrals mechanismId={mechanismId} />}
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label className="field inline">
          <span>{t("web.referrals.status.label")}</span>
          <select
            value={search.status ?? ""}
            onChange={(event) => {
              const status = event.currentTarget.value
              navigate({ to: "/referrals", search: status === "" ? {} : { status } })
            }}
          >
            <option value="">{t("web.referrals.status.any")}</option>
            {Referral.Status.literals.map((status) => (
              <option key={status} value={status}>
                {t(statusLabel(status))}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Loaded query={referrals}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("web.referrals.empty")}</p>
          ) : (
            <>
              <ul className="worklist">
                {page.items.map((referral) => (
                  <li key={referral.id} className="item">
                    <Link to="/referrals/$referralId" params={{ referralId: referral.id }}>
                      {t("web.referrals.route", {
                        from: nameOf(referral.institutionNames, referral.from, locale),
                        to: nameOf(referral.institutionNames, referral.to, locale),
                      })}
                    </Link>
                    <span className="meta">
                      <span className={`tag status-${referral.status}`}>{t(statusLabel(referral.status))}</span>
                      {referral.history[0] !== undefined && (
                        <time dateTime={referral.history[0].at}>{dateTime(referral.history[0].at)}</time>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
              {page.next !== null && (
                <Link
                  className="button"
                  to="/referrals"
                  search={{ ...(search.status === undefined ? {} : { status: search.status }), after: page.next }}
                >
                  {t("pagination.next")}
                </Link>
              )}
            </>
          )
        }
      </Loaded>
    </>
  )
}
