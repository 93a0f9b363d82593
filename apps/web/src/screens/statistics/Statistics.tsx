/**
 * The Istanbul Convention tables (article 11: victims by sex and age, forms
 * of violence, relationship, place; protection orders; referrals; meetings;
 * plan implementation) for a period (a year or one of its quarters) and an area — every mechanism (the
 * national coordinator) or one — as the API computes them: counts only, no
 * names; a cell hidden to protect the people it counts shows as hidden, with
 * the note why. The main series (forms of violence, victims' ages, the
 * relationship, the place) are drawn as their row totals, each chart beside
 * its table. Each table opens and closes from its heading (closed at first
 * on a phone). Downloads: every table as XLSX, each as CSV, in the
 * reader's language, from the same API (the session's cookie goes with the
 * link; the URL carries dates, an id and codes only).
 */

import type { Locale } from "@bashke/kernel"
import { ReportGrid, ReportLabels, type Report as ReportTypes, reportingMessages } from "@bashke/reporting"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Loaded } from "../../Loading"
import { useMechanisms } from "../../Mechanism"
import { useApi, useSession } from "../../Session"
import { addMessages, usePageTitle, useText } from "../../Text"
import { webPlanStatsMessages } from "../../WebPlanStatsMessages"
import "./Statistics.css"
import { BarChart } from "../chart/Charts"
import { periodOf, type Span, spans } from "./ReportSpan"

addMessages(reportingMessages)
addMessages(webPlanStatsMessages)

const national = "national"

// The main series, drawn beside their tables: who the victims are, what was done to them and where, by whom.
const mainSeries: ReadonlyArray<string> = [
  "cases-by-form",
  "victims-by-age",
  "perpetrators-by-relationship",
  "incidents-by-place",
]

/** The query of a report's URL: a period, an area, a use; never anything about a person. */
const queryOf = (
  period: { readonly from: string; readonly to: string },
  area: string,
  disclosure: string,
  locale?: Locale.Locale,
) => {
  const query = new URLSearchParams(period)
  if (area !== national) query.set("mechanismId", area)
  query.set("disclosure", disclosure)
  if (locale !== undefined) query.set("locale", locale)
  return query
}

// On a desk every table shows; on a phone each opens from its heading, so the
// page is a list of the tables to choose from rather than a very long scroll.
const openAtFirst = (): boolean => globalThis.matchMedia?.("(min-width: 48rem)").matches ?? true

const TableView = ({
  table,
  index,
  grid,
  csv,
}: {
  readonly table: ReportTypes.Table
  readonly index: number
  readonly grid: ReportGrid.Grid
  readonly csv: string
}) => {
  const { t, number, locale } = useText()
  const marker = ReportLabels.suppressed(locale)
  const head = grid.header
  // The series drawn: a count table's row totals (its last column), hidden ones left out and said so.
  const rows = table._tag === "CountTable" && mainSeries.includes(table.name) ? grid.rows.slice(0, -1) : []
  const drawn = rows.filter((row) => typeof row.at(-1) === "number")
  const hidden = rows.length - drawn.length
  const max = Math.max(1, ...drawn.map((row) => row.at(-1) as number))
  const cell = (value: ReportGrid.Value, key: string) =>
    typeof value === "number" ? (
      <td key={key}>{number(value)}</td>
    ) : value === marker ? (
      <td key={key} className="suppressed">
        <abbr title={t("web.stats.suppressed-cell")}>{value}</abbr>
      </td>
    ) : (
      <td key={key}>{value}</td>
    )
  const tableNode = (
    <table className="table" aria-describedby={grid.note === undefined ? undefined : `note-${index}`}>
      <thead>
        <tr>
          {head.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((row) => (
          <tr key={String(row[0])}>
            <th scope="row">{row[0]}</th>
            {row.slice(1).map((value, c) => cell(value, `c${c}`))}
          </tr>
        ))}
      </tbody>
    </table>
  )
  const [open, setOpen] = useState(openAtFirst)
  return (
    <section aria-labelledby={`table-${index}`} className="card" data-table={table.name} data-kind={table._tag}>
      <h2 id={`table-${index}`} className="disclosure-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={`table-body-${index}`}
          onClick={() => setOpen(!open)}
        >
          {grid.title}
        </button>
      </h2>
      <div id={`table-body-${index}`} hidden={!open}>
        {drawn.length > 0 ? (
          <BarChart
            id={`chart-${table.name}`}
            caption={t("web.stats.chart.totals", { title: grid.title })}
            max={max}
            bars={drawn.map((row) => ({
              key: String(row[0]),
              label: String(row[0]),
              value: row.at(-1) as number,
              shown: number(row.at(-1) as number),
            }))}
            table={tableNode}
          />
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls on a phone; the keyboard must reach it to scroll (axe: scrollable-region-focusable)
          <section className="chart-table" aria-labelledby={`table-${index}`} tabIndex={0}>
            {tableNode}
          </section>
        )}
        {hidden > 0 && drawn.length > 0 && <p className="meta">{t("web.stats.chart.hidden", { count: hidden })}</p>}
        {grid.note !== undefined && (
          <p id={`note-${index}`} className="hint" data-testid="suppression-note">
            {grid.note}
          </p>
        )}
        <a className="button" href={csv} download>
          {t("web.stats.download.csv")}
        </a>
      </div>
    </section>
  )
}

export const Statistics = () => {
  const text = useText()
  const { t, locale } = text
  usePageTitle(t("web.stats.title"))
  const api = useApi()
  const session = useSession()
  const mechanisms = useMechanisms()
  const isNational = session.me?.roles.includes("national-coordinator") === true
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const [span, setSpan] = useState<Span>("year")
  const period = periodOf(year, span)
  const [chosenArea, setArea] = useState<string | undefined>(undefined)
  const [disclosure, setDisclosure] = useState<"published" | "internal">("published")
  const area = chosenArea ?? (isNational ? national : (mechanisms.data?.items[0]?.id ?? national))
  const coordinates =
    area !== national && session.me?.roles.includes("coordinator") === true && session.me.mechanisms.includes(area)
  const use = coordinates ? disclosure : "published"
  const report = useQuery({
    queryKey: ["report", period.from, period.to, area, use],
    enabled: isNational || mechanisms.data !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/reports", {
          params: {
            query: {
              ...period,
              ...(area === national ? {} : { mechanismId: area }),
              disclosure: use,
            },
          },
        })
      ).data,
  })
  const mechanismName = (id: string) =>
    mechanisms.data?.items.find((mechanism) => mechanism.id === id)?.name[locale] ?? id
  const query = queryOf(period, area, use, locale)
  return (
    <>
      <h1>{t("web.stats.title")}</h1>
      <p>{t("web.stats.intro")}</p>
      <form className="filters row" onSubmit={(event) => event.preventDefault()}>
        <label className="field inline">
          <span>{t("web.stats.year")}</span>
          <select value={year} onChange={(event) => setYear(Number(event.currentTarget.value))}>
            {[0, 1, 2, 3, 4].map((back) => (
              <option key={back} value={thisYear - back}>
                {thisYear - back}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t("web.stats.period")}</span>
          <select value={span} onChange={(event) => setSpan(event.currentTarget.value as Span)}>
            {spans.map((each) => (
              <option key={each} value={each}>
                {each === "year" ? t("web.stats.period.year") : t("web.stats.period.quarter", { quarter: each })}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t("web.stats.area")}</span>
          <select value={area} onChange={(event) => setArea(event.currentTarget.value)}>
            {isNational && <option value={national}>{t("web.stats.area.national")}</option>}
            {(mechanisms.data?.items ?? []).map((mechanism) => (
              <option key={mechanism.id} value={mechanism.id}>
                {mechanism.name[locale] ?? mechanism.name.en}
              </option>
            ))}
          </select>
        </label>
        {coordinates && (
          <label className="field inline">
            <span>{t("web.stats.disclosure")}</span>
            <select
              value={disclosure}
              onChange={(event) => setDisclosure(event.currentTarget.value as "published" | "internal")}
            >
              <option value="published">{t("web.stats.disclosure.published")}</option>
              <option value="internal">{t("web.stats.disclosure.internal")}</option>
            </select>
          </label>
        )}
      </form>
      <Loaded query={report}>
        {(data) => {
          const tables = data.tables as unknown as ReadonlyArray<ReportTypes.Table>
          const grids = tables.map((table) =>
            ReportGrid.render(table, {
              locale,
              ...(data.disclosure === "published" ? { threshold: data.threshold } : {}),
              mechanismLabel: mechanismName,
            }),
          )
          const hides = grids.some((grid) => grid.note !== undefined)
          return (
            <>
              {hides && (
                <p className="card" data-testid="suppression-why">
                  {t("web.stats.suppressed-why", {
                    marker: ReportLabels.suppressed(locale),
                    threshold: data.threshold,
                  })}
                </p>
              )}
              <a className="button primary" href={`/v1/reports/period.xlsx?${query}`} download data-testid="xlsx">
                {t("web.stats.download.xlsx")}
              </a>
              {tables.map((table, index) => (
                <TableView
                  key={table.name}
                  table={table}
                  index={index}
                  grid={grids[index] as ReportGrid.Grid}
                  csv={`/v1/reports/period.csv?${query}&table=${table.name}`}
                />
              ))}
            </>
          )
        }}
      </Loaded>
    </>
  )
}
