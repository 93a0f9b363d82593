/**
 * The mechanism's cases, pseudonymised (reference, status, risk, counts: no
 * person), filtered by risk level and paged by the API's keyset cursor. The
 * filter and the page are in the URL's search, validated by `CasesSearch`.
 */
import { caseMessages, RiskInstrument } from "@bashke/case"
import { useQuery } from "@tanstack/react-query"
import { Link, useNavigate } from "@tanstack/react-router"
import { Loaded } from "../Loading"
import { useMechanisms } from "../Mechanism"
import type { CasesSearch } from "../Search"
import { useApi } from "../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../Text"
import { webCaseworkMessages } from "../WebCaseworkMessages"

addMessages(caseMessages)
addMessages(webCaseworkMessages)

const levels = RiskInstrument.RiskLevel.literals

export const riskKey = (level: string) => `case.risk.level.${level}` as MessageKey
export const statusKey = (status: string) => `case.status.${status}` as MessageKey

export const Cases = ({ search }: { readonly search: CasesSearch }) => {
  const { t, date } = useText()
  usePageTitle(t("web.cases.title"))
  const api = useApi()
  const navigate = useNavigate()
  const mechanisms = useMechanisms()
  const mechanismId = mechanisms.data?.items[0]?.id
  const cases = useQuery({
    queryKey: ["cases", mechanismId, search.risk, search.after],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/cases", {
          params: {
            query: {
              mechanismId: mechanismId as string,
              limit: 25,
              ...(search.risk === undefined ? {} : { riskLevel: search.risk }),
              ...(search.after === undefined ? {} : { after: search.after }),
            },
          },
        })
      ).data,
  })
  return (
    <>
      <h1>{t("web.cases.title")}</h1>
      <Link className="button primary" to="/cases/new">
        {t("web.cases.open")}
      </Link>
      <form className="filters" aria-label={t("web.cases.filters")} onSubmit={(event) => event.preventDefault()}>
        <label className="field inline">
          <span>{t("web.cases.risk.label")}</span>
          <select
            value={search.risk ?? ""}
            onChange={(event) => {
              const risk = event.currentTarget.value
              navigate({
                to: "/cases",
                search: risk === "" ? {} : { risk: risk as CasesSearch["risk"] & string },
              })
            }}
          >
            <option value="">{t("web.cases.risk.any")}</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {t(riskKey(level))}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Loaded query={mechanisms}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("web.cases.no-mechanism")}</p>
          ) : (
            <Loaded query={cases}>
              {(found) =>
                found.items.length === 0 ? (
                  <p>{t("web.cases.empty")}</p>
                ) : (
                  <>
                    <div className="table-scroll">
                      <table className="table">
                        <thead>
                          <tr>
                            <th scope="col">{t("web.cases.column.reference")}</th>
                            <th scope="col">{t("web.cases.column.status")}</th>
                            <th scope="col">{t("web.cases.column.risk")}</th>
                            <th scope="col">{t("web.cases.column.orders")}</th>
                            <th scope="col">{t("web.cases.column.opened")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {found.items.map((row) => (
                            <tr key={row.caseId}>
                              <th scope="row">
                                <Link to="/cases/$caseId" params={{ caseId: row.caseId }}>
                                  {row.reference}
                                </Link>
                              </th>
                              <td>{t(statusKey(row.status))}</td>
                              <td>
                                <span className={`risk ${row.riskLevel}`}>
                                  {row.riskAssessed ? t(riskKey(row.riskLevel)) : t("web.cases.not-assessed")}
                                </span>
                              </td>
                              <td>{row.ordersInForce}</td>
                              <td>{date(row.openedAt)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {found.next !== null && (
                      <Link
                        className="button"
                        to="/cases"
                        search={{ ...(search.risk === undefined ? {} : { risk: search.risk }), after: found.next }}
                      >
                        {t("pagination.next")}
                      </Link>
                    )}
                  </>
                )
              }
            </Loaded>
          )
        }
      </Loaded>
    </>
  )
}
