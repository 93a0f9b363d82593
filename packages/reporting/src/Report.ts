/**
 * What a report publishes: count tables (a cross-tabulation with its totals,
 * small cells hidden) and measure tables (figures per row: response times,
 * meetings held, implementation levels). Codes and numbers only; labels come
 * from the catalogue when a table is rendered (`ReportGrid`).
 */
import type { CivilDate, Id } from "@bashke/kernel"
import * as CrossTable from "./CrossTable"
import type { Dimension } from "./Dimension"
import type { Source } from "./Source"
import * as Suppression from "./Suppression"

/**
 * A published count, or the marker of a hidden one.
 */
export type Cell = { readonly _tag: "Count"; readonly value: number } | { readonly _tag: "Suppressed" }

export const count = (value: number): Cell => ({ _tag: "Count", value })

export const suppressed: Cell = { _tag: "Suppressed" }

/**
 * The names of the tables a report holds; `custom` for a table asked for by
 * its dimensions.
 */
export type TableName =
  | "custom"
  | "cases-by-form"
  | "victims-by-age"
  | "cases-by-municipality"
  | "cases-by-children"
  | "perpetrators-by-age"
  | "perpetrators-by-relationship"
  | "protection-orders"
  | "referrals-by-service"
  | "incidents-by-place"
  | "referral-response-times"
  | "meetings"
  | "plan-implementation"

/**
 * A cross-tabulation as published: `cells` is `(rows + 1) × (columns + 1)`,
 * the last column the row totals, the last row the column totals, the grand
 * total last.
 */
export interface CountTable {
  readonly _tag: "CountTable"
  readonly name: TableName
  readonly source: Source
  readonly rowDimension: Dimension
  readonly columnDimension: Dimension
  readonly rows: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
  readonly cells: ReadonlyArray<ReadonlyArray<Cell>>
}

/**
 * A figure of a measure table: a count, a number with a unit, nothing to
 * measure (`Missing`: no referral answered, no activity due), or hidden.
 */
export type Figure =
  | { readonly _tag: "Count"; readonly value: number }
  | { readonly _tag: "Number"; readonly value: number; readonly unit: "hours" | "percent" }
  | { readonly _tag: "Missing" }
  | { readonly _tag: "Suppressed" }

/**
 * The measures of the measure tables.
 */
export type Measure =
  | "acknowledge-median-hours"
  | "acknowledge-p90-hours"
  | "decide-median-hours"
  | "decide-p90-hours"
  | "regular-held"
  | "ad-hoc-held"
  | "required"
  | "shortfall"
  | "activities-due"
  | "activities-completed"
  | "implementation-level"

/**
 * Figures per row: per service type, or per mechanism (rows are then
 * mechanism ids).
 */
export interface MeasureTable {
  readonly _tag: "MeasureTable"
  readonly name: TableName
  readonly rowDimension: "service-type" | "mechanism"
  readonly rows: ReadonlyArray<string>
  readonly measures: ReadonlyArray<Measure>
  /** `figures[row][measure]`. */
  readonly figures: ReadonlyArray<ReadonlyArray<Figure>>
}

export type Table = CountTable | MeasureTable

/**
 * Whom a report covers: every mechanism, or one.
 */
export type Scope = { readonly _tag: "National" } | { readonly _tag: "Mechanism"; readonly mechanismId: Id.MechanismId }

/**
 * A report: its scope and period, whether its small cells are hidden
 * (`published`) or it stays inside the mechanism (`internal`), the threshold
 * and consent rule it was computed with, and its tables.
 */
export interface Report {
  readonly scope: Scope
  readonly period: { readonly start: CivilDate.CivilDate; readonly end: CivilDate.CivilDate }
  readonly disclosure: "published" | "internal"
  readonly threshold: number
  readonly consentRequired: boolean
  readonly tables: ReadonlyArray<Table>
}

/**
 * A count table from its counts: as they are when `threshold` is undefined
 * (a mechanism's internal figures), else with small cells suppressed.
 */
export const countTable = (fields: {
  readonly name: TableName
  readonly source: Source
  readonly rowDimension: Dimension
  readonly columnDimension: Dimension
  readonly table: CrossTable.CrossTable
  readonly threshold: number | undefined
}): CountTable => {
  const grid = CrossTable.extended(fields.table)
  const hidden = fields.threshold === undefined ? undefined : Suppression.suppressGrid(grid, fields.threshold).hidden
  return {
    _tag: "CountTable",
    name: fields.name,
    source: fields.source,
    rowDimension: fields.rowDimension,
    columnDimension: fields.columnDimension,
    rows: fields.table.rows,
    columns: fields.table.columns,
    cells: grid.map((row, r) => row.map((value, c) => (hidden?.[r]?.[c] ? suppressed : count(value)))),
  }
}

/**
 * Whether a row's total is published in a count table.
 */
export const rowTotalPublished = (table: CountTable, row: string): boolean => {
  const index = table.rows.indexOf(row)
  return index >= 0 && table.cells[index]?.[table.columns.length]?._tag === "Count"
}
