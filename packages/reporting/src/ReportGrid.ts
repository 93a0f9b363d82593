/**
 * A table as rows of labels and values in a locale, what CSV and XLSX write:
 * a title, a header (the row dimension, then each column's label) and rows
 * (each row's label, then its values). Counts are numbers; a hidden count is
 * the marker (`x`), never a number; a figure with nothing to measure is
 * empty; hours and percentages are rounded to one decimal. A count table
 * ends with its total column and total row.
 */
import { Catalogue, JurisdictionProfile, type Locale } from "@bashke/kernel"
import type { Dimension } from "./Dimension"
import type { Figure, Table } from "./Report"
import { reportingMessages } from "./ReportingMessages"
import * as ReportLabels from "./ReportLabels"

/**
 * A value of a grid: a number, or text (labels, the marker, empty).
 */
export type Value = string | number

export interface Grid {
  readonly title: string
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Value>>
  /** What the marker means, when the table hides a count and the threshold is known. */
  readonly note?: string
}

export interface Options {
  readonly locale: Locale.Locale
  /** Labels of order kinds come from it; Kosovo when absent. */
  readonly profile?: JurisdictionProfile.JurisdictionProfile
  /** The threshold the table was suppressed with, for the note under it. */
  readonly threshold?: number
  /** A mechanism's label (its id otherwise). */
  readonly mechanismLabel?: (mechanismId: string) => string
}

const oneDecimal = (value: number): number => Math.round(value * 10) / 10

const figure = (value: Figure, marker: string): Value => {
  switch (value._tag) {
    case "Count":
      return value.value
    case "Number":
      return oneDecimal(value.value)
    case "Missing":
      return ""
    case "Suppressed":
      return marker
  }
}

/**
 * Whether a table hides a count.
 */
export const hidesAny = (table: Table): boolean =>
  table._tag === "CountTable"
    ? table.cells.some((row) => row.some((cell) => cell._tag === "Suppressed"))
    : table.figures.some((row) => row.some((value) => value._tag === "Suppressed"))

/**
 * The grid of a table.
 */
export const render = (table: Table, options: Options): Grid => {
  const { locale } = options
  const profile = options.profile ?? JurisdictionProfile.defaultProfile
  const marker = ReportLabels.suppressed(locale)
  const total = ReportLabels.total(locale)
  let grid: Omit<Grid, "note">
  const label = (dimension: Dimension | "mechanism", code: string) =>
    dimension === "mechanism"
      ? (options.mechanismLabel?.(code) ?? code)
      : ReportLabels.code(dimension, code, locale, profile)
  if (table._tag === "CountTable") {
    const rowLabels = [...table.rows.map((row) => label(table.rowDimension, row)), total]
    grid = {
      title: ReportLabels.title(table, locale),
      header: [
        ReportLabels.dimension(table.rowDimension, locale),
        ...table.columns.map((column) => label(table.columnDimension, column)),
        total,
      ],
      rows: table.cells.map((cells, r) => [
        rowLabels[r] ?? "",
        ...cells.map((cell) => (cell._tag === "Count" ? cell.value : marker)),
      ]),
    }
  } else {
    grid = {
      title: ReportLabels.title(table, locale),
      header: [
        ReportLabels.dimension(table.rowDimension, locale),
        ...table.measures.map((measure) => ReportLabels.measure(measure, locale)),
      ],
      rows: table.figures.map((figures, r) => [
        label(table.rowDimension, table.rows[r] ?? ""),
        ...figures.map((value) => figure(value, marker)),
      ]),
    }
  }
  return hidesAny(table) && options.threshold !== undefined
    ? {
        ...grid,
        note: Catalogue.format(reportingMessages, locale, "reporting.cell.suppressed.note", {
          threshold: options.threshold,
        }),
      }
    : grid
}
