// Tables as plain data for readable expectations: each row's code followed by
// its cells (a number, or "x" for a hidden one), the totals row last.
import type * as Report from "../../src/Report"

export const rowsOf = (table: Report.Table): ReadonlyArray<ReadonlyArray<string | number>> =>
  table._tag === "CountTable"
    ? table.cells.map((cells, r) => [
        table.rows[r] ?? "total",
        ...cells.map((cell) => (cell._tag === "Count" ? cell.value : "x")),
      ])
    : table.figures.map((figures, r) => [
        table.rows[r] ?? "",
        ...figures.map((f) =>
          f._tag === "Count" || f._tag === "Number" ? Math.round(f.value * 10) / 10 : f._tag === "Missing" ? "" : "x",
        ),
      ])

/** Only the rows with something other than zeros (and the totals). */
export const nonZero = (table: Report.Table) =>
  rowsOf(table).filter((row) => row.slice(1).some((value) => value !== 0 && value !== ""))

export const find = (report: Report.Report, name: Report.TableName): Report.Table => {
  const table = report.tables.find((t) => t.name === name)
  if (table === undefined) throw new Error(`no table ${name}`)
  return table
}
