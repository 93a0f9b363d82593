/**
 * The plan's monitoring report over its whole period, judged today: the
 * implementation level the API computes (completed weight over due weight,
 * never typed in), drawn by pillar of the plan's framework and over the
 * quarters (cumulative), and each indicator against its baseline and target;
 * a table of the same numbers beside each chart.
 */
import { Framework } from "@bashke/action-plan"
import { useQuery } from "@tanstack/react-query"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { type Text, useText } from "../../Text"
import { BarChart, GaugeChart } from "../chart/Charts"
import type { Plan } from "./PlanCommand"

type Level = { readonly dueWeight: number; readonly completedWeight: number; readonly level: number | null }

const percent = (text: Text, level: number | null): string =>
  level === null ? text.t("web.chart.nothing-due") : text.percent(level)

const LevelTable = ({
  head,
  rows,
}: {
  readonly head: string
  readonly rows: ReadonlyArray<{ readonly key: string; readonly label: string; readonly level: Level }>
}) => {
  const text = useText()
  const { t, number } = text
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t("web.chart.due")}</th>
          <th scope="col">{t("web.chart.completed")}</th>
          <th scope="col">{t("web.chart.level")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{number(row.level.dueWeight)}</td>
            <td>{number(row.level.completedWeight)}</td>
            <td>{percent(text, row.level.level)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export const usePlanReport = (plan: Plan) => {
  const api = useApi()
  return useQuery({
    queryKey: ["plan-report", plan.id, plan.version],
    queryFn: async () =>
      (
        await api.GET("/v1/action-plans/{planId}/report", {
          params: { path: { planId: plan.id }, query: { from: plan.period.start, to: plan.period.end } },
        })
      ).data,
  })
}

export const PlanReport = ({ plan }: { readonly plan: Plan }) => {
  const text = useText()
  const { t, label, number } = text
  const report = usePlanReport(plan)
  const pillarLabel = (pillar: string) => label(Framework.pillarLabelKey(plan.framework, pillar))
  const unitOf = (unit: string) => label(`action-plan.unit.${unit}`)
  return (
    <section aria-labelledby="report" className="card">
      <h2 id="report">{t("web.plan.report")}</h2>
      <Loaded query={report}>
        {(data) => (
          <>
            <p data-testid="implementation-level">
              {data.implementation.level === null
                ? t("web.plan.report.level-none")
                : t("web.plan.report.level", { level: percent(text, data.implementation.level) })}
            </p>
            {data.overdue.length > 0 && (
              <p className="error">{t("web.plan.report.overdue", { count: data.overdue.length })}</p>
            )}
            <BarChart
              id="chart-by-pillar"
              caption={t("web.chart.by-pillar")}
              max={1}
              bars={data.byPillar.map((line) => ({
                key: line.pillar,
                label: pillarLabel(line.pillar),
                value: line.implementation.level,
                shown: percent(text, line.implementation.level),
              }))}
              table={
                <LevelTable
                  head={t("web.chart.pillar")}
                  rows={data.byPillar.map((line) => ({
                    key: line.pillar,
                    label: pillarLabel(line.pillar),
                    level: line.implementation,
                  }))}
                />
              }
            />
            <BarChart
              id="chart-by-quarter"
              caption={t("web.chart.by-quarter")}
              max={1}
              bars={data.byQuarter.map((line) => ({
                key: line.quarter,
                label: line.quarter,
                value: line.cumulative.level,
                shown: percent(text, line.cumulative.level),
              }))}
              table={
                <LevelTable
                  head={t("web.chart.quarter")}
                  rows={data.byQuarter.map((line) => ({
                    key: line.quarter,
                    label: line.quarter,
                    level: line.cumulative,
                  }))}
                />
              }
            />
            {data.indicators.map((line, index) => {
              const indicator = plan.indicators.find((each) => each.id === line.indicatorId)
              const title = indicator?.title ?? line.indicatorId
              const unit = unitOf(line.unit)
              const value = (n: number) => `${number(n)} ${unit}`
              const labels = {
                baseline: `${t("web.plan.indicator.baseline")}: ${value(line.baseline)}`,
                target: `${t("web.plan.indicator.target")}: ${value(line.target)}`,
                latest: `${t("web.plan.indicator.latest")}: ${
                  line.latest === null ? t("web.chart.not-measured") : value(line.latest)
                }`,
              }
              return (
                <GaugeChart
                  key={line.indicatorId}
                  id={`chart-indicator-${index}`}
                  caption={t("web.chart.indicator", { title })}
                  gauge={{ baseline: line.baseline, target: line.target, latest: line.latest, labels }}
                  table={
                    <table className="table">
                      <tbody>
                        <tr>
                          <th scope="row">{t("web.plan.indicator.baseline")}</th>
                          <td>{value(line.baseline)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t("web.plan.indicator.target")}</th>
                          <td>{value(line.target)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t("web.plan.indicator.latest")}</th>
                          <td>{line.latest === null ? t("web.chart.not-measured") : value(line.latest)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t("web.chart.progress")}</th>
                          <td>{line.progress === null ? t("web.chart.not-measured") : percent(text, line.progress)}</td>
                        </tr>
                      </tbody>
                    </table>
                  }
                />
              )
            })}
          </>
        )}
      </Loaded>
    </section>
  )
}
