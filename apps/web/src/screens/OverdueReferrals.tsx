/**
 * The mechanism's overdue referrals, the most overdue first: which
 * institution has not acknowledged or decided, and since when. Shown to those
 * who oversee the mechanism (its coordinator, its signatories); for anyone
 * else the API refuses, and the section is left out.
 */
import { BashkeProblem } from "@bashke/client"
import { useQuery } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { nameOf } from "../Institutions"
import { useApi } from "../Session"
import { useText } from "../Text"

export const OverdueReferrals = ({ mechanismId }: { readonly mechanismId: string }) => {
  const { t, locale, dateTime } = useText()
  const api = useApi()
  const overdue = useQuery({
    queryKey: ["referrals-overdue", mechanismId],
    queryFn: async () =>
      (await api.GET("/v1/mechanisms/{mechanismId}/referrals/overdue", { params: { path: { mechanismId } } })).data,
  })
  if (overdue.isPending || (overdue.isError && BashkeProblem.is(overdue.error) && overdue.error.status === 403))
    return null
  if (overdue.isError) return null
  const items = overdue.data
  return (
    <section aria-labelledby="overdue" className="card">
      <h2 id="overdue">{t("web.overdue.title")}</h2>
      {items.length === 0 ? (
        <p>{t("web.overdue.none")}</p>
      ) : (
        <ul className="overdue-list">
          {items.map((item) => (
            <li key={`${item.referral}-${item.step}`} className="item">
              <Link to="/referrals/$referralId" params={{ referralId: item.referral }}>
                {nameOf(item.institutionNames, item.to, locale)}
              </Link>
              <span className="meta">
                <time dateTime={item.due}>
                  {item.step === "acknowledge"
                    ? t("web.overdue.acknowledge", { when: dateTime(item.due) })
                    : t("web.overdue.decide", { when: dateTime(item.due) })}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
