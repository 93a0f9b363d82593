/**
 * The mechanism's cases, pseudonymised (reference, status, risk, counts: no
 * person), filtered by risk level, open status and lead institution (the
 * mechanism's members, by name) and paged by the API's keyset cursor. The
 * filters and the page are in the URL's search, validated by `CasesSearch`.
 */
import { CaseLifecycle, caseMessages, RiskInstrument } from "@bashke/case"
import { useQuery } from "@tanstack/react-query"
import { Link, useNavigate } from "@tanstack/react-router"
import { nameOf } from "../Institutions"
import { Loaded } from "../Loading"
import * as LocaleOrder from "../LocaleOrder"
import { useMechanisms } from "../Mechanism"
import type { CasesSearch } from "../Search"
import { useApi } from "../Session"
import { addMessages, type MessageKey, usePageTitle, useText } from "../Text"
import { webCaseworkMessages } from "../WebCaseworkMessages"
import { CaseRegisters } from "./closed/CaseRegisters"

addMessages(caseMessages)
addMessages(webCaseworkMessages)

const levels = RiskInstrument.RiskLevel.literals
const openStatuses = CaseLifecycle.OpenStatus.literals

/** The filters of a search, without its cursor: a changed filter starts again at the first page. */
const filtersOf = (search: CasesSearch): CasesSearch => {
  const { after: _after, ...filters } = search
  return filters
}

export const riskKey = (level: string) => `case.risk.level.${level}` as MessageKey
export const statusKey = (status: string) => `case.status.${status}` as MessageKey

export const Cases = ({ search }: { readonly search: CasesSearch }) => {
  const { t, date, locale } = useText()
  usePageTitle(t("web.cases.title"))
  const api = useApi()
  const navigate = useNavigate()
  const mechanisms = useMechanisms()
  const mechanismId = mechanisms.data?.items[0]?.id
  // The mechanism's member institutions, by name, for the lead filter.
  const members = useQuery({
    queryKey: ["memberships", mechanismId],
    enabled: mechanismId !== undefined,
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/memberships", {
          params: { path: { mechanismId: mechanismId as string }, query: { limit: 100 } },
        })
      ).data,
  })
  const leads = [
    ...new Map(
      (members.data?.items ?? []).map(
        (member) => [member.institutionId, nameOf(member.institutionNames, member.institutionId, locale)] as const,
      ),
    ),
  ].sort(([, a], [, b]) => LocaleOrder.compare(locale)(a, b))
  /** Goes to the first page with one filter changed (`""`: any). */
  const filter = (name: "risk" | "status" | "lead", value: string) => {
    const { [name]: _old, ...others } = filtersOf(search)
    navigate({ to: "/cases", search: (value === "" ? others : { ...others, [name]: value }) as CasesSearch })
  }
  const cases = useQuery({
    queryKey: ["cases", mechanismId, search.risk, search.status, search.lead, search.after],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/cases", {
          params: {
            query: {
              mechanismId: mechanismId as string,
              limit: 25,
              ...(search.risk === undefined ? {} : { riskLevel: search.risk }),
              ...(search.status === undefined ? {} : { status: search.status }),
              ...(search.lead === undefined ? {} : { leadInstitution: search.lead }),
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
      <CaseRegisters />
      <form className="filters" aria-label={t("web.cases.filters")} onSubmit={(event) => event.preventDefault()}>
        <label className="field inline">
          <span>{t("web.cases.risk.label")}</span>
          <select value={search.risk ?? ""} onChange={(event) => filter("risk", event.currentTarget.value)}>
            <option value="">{t("web.cases.risk.any")}</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {t(riskKey(level))}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t("web.cases.status.label")}</span>
          <select value={search.status ?? ""} onChange={(event) => filter("status", event.currentTarget.value)}>
            <option value="">{t("web.cases.status.any")}</option>
            {openStatuses.map((status) => (
              <option key={status} value={status}>
                {t(statusKey(status))}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t("web.cases.lead.label")}</span>
          <select value={search.lead ?? ""} onChange={(event) => filter("lead", event.currentTarget.value)}>
            <option value="">{t("web.cases.lead.any")}</option>
            {leads.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
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
                            <tr key={row.id}>
                              <th scope="row">
                                <Link to="/cases/$caseId" params={{ caseId: row.id }}>
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
                      <Link className="button" to="/cases" search={{ ...filtersOf(search), after: found.next }}>
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
