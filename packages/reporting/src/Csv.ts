/**
 * CSV (RFC 4180) of a table: the header record, then one record per row;
 * fields separated by commas, records by CRLF (the last one too); a field
 * holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
 * Numbers are written with a decimal point whatever the locale (a file for
 * machines as much as for people); a hidden count is the marker.
 *
 * A text field that a spreadsheet would take for a formula (starting with
 * `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`, so that opening the
 * file never runs anything.
 */
import type { Report, Table } from "./Report"
import * as ReportGrid from "./ReportGrid"

export interface Options extends ReportGrid.Options {
  /** Start with a UTF-8 byte order mark, for spreadsheets that guess the encoding otherwise. */
  readonly bom?: boolean
}

/**
 * One field, quoted when it must be.
 */
export const field = (value: ReportGrid.Value): string => {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * One record.
 */
export const record = (values: ReadonlyArray<ReportGrid.Value>): string => `${values.map(field).join(",")}\r\n`

/**
 * The CSV of a grid.
 */
export const fromGrid = (grid: ReportGrid.Grid, options: { readonly bom?: boolean } = {}): string =>
  `${options.bom === true ? "\uFEFF" : ""}${record(grid.header)}${grid.rows.map(record).join("")}`

/**
 * The CSV of a table.
 */
export const table = (value: Table, options: Options): string => fromGrid(ReportGrid.render(value, options), options)

/**
 * One CSV per table of a report, by table name.
 */
export const report = (
  value: Report,
  options: Options,
): ReadonlyArray<{ readonly name: Table["name"]; readonly csv: string }> =>
  value.tables.map((t) => ({
    name: t.name,
    csv: table(t, { ...options, threshold: options.threshold ?? value.threshold }),
  }))
