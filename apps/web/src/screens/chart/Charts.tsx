/**
 * Charts as hand-written SVG, each in a `<figure>` with its caption and, beside
 * it, a table of the same numbers (the chart for those who would rather look,
 * the table for those who would rather read or cannot see it).
 *
 * Why not a chart library: Observable Plot writes a `<style>` element and
 * `style` attributes into what it draws, which the app's Content Security
 * Policy (`style-src 'self'`, no inline style) refuses, and it brings d3 along;
 * two kinds of bar are all these screens need (ADR 0019). Colours come from
 * classes in `Charts.css`; sizes are SVG attributes, not styles.
 *
 * The SVG is one image to assistive technology (`role="img"`, named by the
 * caption and its `<title>`, described by a sentence listing every value; its
 * parts are not read one by one); the table beside it
 * carries the same values as text.
 */
import type { ReactNode } from "react"
import "./Charts.css"

/** One bar: its label, a value (null: nothing to draw, shown as `empty`) and the value as read. */
export interface Bar {
  readonly key: string
  readonly label: string
  readonly value: number | null
  readonly shown: string
}

const width = 640
const labelHeight = 18
const barHeight = 20
const rowHeight = labelHeight + barHeight + 12

/**
 * Horizontal bars on a scale from 0 to `max` (1 for a level), each labelled
 * above its bar, its value at the bar's end.
 */
export const BarChart = ({
  id,
  caption,
  bars,
  max,
  table,
}: {
  readonly id: string
  readonly caption: string
  readonly bars: ReadonlyArray<Bar>
  readonly max: number
  /** The same numbers as a table, shown beside the chart. */
  readonly table: ReactNode
}) => {
  const height = Math.max(1, bars.length) * rowHeight + 8
  const scale = (value: number) => (max <= 0 ? 0 : Math.max(0, Math.min(1, value / max)) * (width - 120))
  const summary = bars.map((bar) => `${bar.label}: ${bar.shown}`).join("; ")
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div className="chart-body">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-caption`}
          aria-describedby={`${id}-summary`}
          data-testid={id}
          data-values={bars.map((bar) => (bar.value === null ? "-" : String(bar.value))).join(",")}
        >
          <title>{caption}</title>
          {bars.map((bar, index) => {
            const y = index * rowHeight + 4
            const length = bar.value === null ? 0 : scale(bar.value)
            return (
              <g key={bar.key}>
                <text x={0} y={y + 13} className="chart-label">
                  {bar.label}
                </text>
                <rect x={0} y={y + labelHeight} width={width - 120} height={barHeight} className="chart-track" />
                {length > 0 && (
                  <rect x={0} y={y + labelHeight} width={length} height={barHeight} className="chart-bar" />
                )}
                <text x={length + 6} y={y + labelHeight + 15} className="chart-value">
                  {bar.shown}
                </text>
              </g>
            )
          })}
        </svg>
        <p id={`${id}-summary`} className="visually-hidden">
          {summary}
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls on a phone; the keyboard must reach it to scroll (axe: scrollable-region-focusable) */}
        <section className="chart-table" aria-labelledby={`${id}-caption`} tabIndex={0}>
          {table}
        </section>
      </div>
    </figure>
  )
}

/** A measured indicator: where it started, where it aims, where it is. */
export interface Gauge {
  readonly baseline: number
  readonly target: number
  readonly latest: number | null
  readonly labels: {
    readonly baseline: string
    readonly target: string
    readonly latest: string
  }
}

/**
 * An indicator against its baseline and target: the latest measurement as a
 * bar from 0, the baseline and the target as marks on the same scale.
 */
export const GaugeChart = ({
  id,
  caption,
  gauge,
  table,
}: {
  readonly id: string
  readonly caption: string
  readonly gauge: Gauge
  readonly table: ReactNode
}) => {
  const height = 96
  const span = width - 40
  const max = Math.max(gauge.baseline, gauge.target, gauge.latest ?? 0, 1) * 1.1
  const x = (value: number) => 20 + (value / max) * span
  const summary = [gauge.labels.baseline, gauge.labels.target, gauge.labels.latest].join("; ")
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div className="chart-body">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-caption`}
          aria-describedby={`${id}-summary`}
          data-testid={id}
          data-values={[gauge.baseline, gauge.target, gauge.latest ?? "-"].join(",")}
        >
          <title>{caption}</title>
          <g>
            <rect x={20} y={36} width={span} height={20} className="chart-track" />
            {gauge.latest !== null && (
              <rect x={20} y={36} width={Math.max(0, x(gauge.latest) - 20)} height={20} className="chart-bar" />
            )}
            <line x1={x(gauge.baseline)} x2={x(gauge.baseline)} y1={26} y2={66} className="chart-mark baseline" />
            <text x={x(gauge.baseline)} y={20} className="chart-label" textAnchor="middle">
              {gauge.labels.baseline}
            </text>
            <line x1={x(gauge.target)} x2={x(gauge.target)} y1={26} y2={66} className="chart-mark target" />
            <text x={x(gauge.target)} y={84} className="chart-label" textAnchor="middle">
              {gauge.labels.target}
            </text>
          </g>
        </svg>
        <p id={`${id}-summary`} className="visually-hidden">
          {summary}
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls on a phone; the keyboard must reach it to scroll (axe: scrollable-region-focusable) */}
        <section className="chart-table" aria-labelledby={`${id}-caption`} tabIndex={0}>
          {table}
        </section>
      </div>
    </figure>
  )
}
