/**
 * A cross-tabulation of counts before anything is hidden: codes down the
 * rows, codes across the columns, a count in each cell. Totals are always the
 * sums of the cells, so suppression can reason about them.
 *
 * The extended grid ({@link extended}) is the table with its margins: rows ×
 * columns of cells, a last column of row totals, a last row of column totals
 * and the grand total in the corner. Suppression works on that grid.
 */

export interface CrossTable {
  readonly rows: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
  /** `counts[row][column]`, non-negative integers. */
  readonly counts: ReadonlyArray<ReadonlyArray<number>>
}

/**
 * One count of a combination of codes, as a query answers it.
 */
export interface Tally {
  readonly row: string
  readonly column: string
  readonly count: number
}

/**
 * The table with the given rows and columns, each tally added to its cell
 * (tallies of the same cell add up). A tally whose codes are not among the
 * rows or columns is a programming error and throws.
 */
export const tabulate = (
  rows: ReadonlyArray<string>,
  columns: ReadonlyArray<string>,
  tallies: Iterable<Tally>,
): CrossTable => {
  const rowIndex = new Map(rows.map((code, index) => [code, index]))
  const columnIndex = new Map(columns.map((code, index) => [code, index]))
  const counts = rows.map(() => columns.map(() => 0))
  for (const tally of tallies) {
    const r = rowIndex.get(tally.row)
    const c = columnIndex.get(tally.column)
    if (r === undefined || c === undefined)
      throw new Error(`CrossTable.tabulate: no cell for ${tally.row} × ${tally.column}`)
    counts[r]![c]! += tally.count
  }
  return { rows, columns, counts }
}

/**
 * The total of each row.
 */
export const rowTotals = (table: CrossTable): ReadonlyArray<number> =>
  table.counts.map((row) => row.reduce((sum, count) => sum + count, 0))

/**
 * The total of each column.
 */
export const columnTotals = (table: CrossTable): ReadonlyArray<number> =>
  table.columns.map((_, c) => table.counts.reduce((sum, row) => sum + (row[c] ?? 0), 0))

/**
 * The sum of every cell.
 */
export const grandTotal = (table: CrossTable): number => rowTotals(table).reduce((sum, total) => sum + total, 0)

/**
 * The table with its margins: `(rows + 1) × (columns + 1)`, row totals in the
 * last column, column totals in the last row, the grand total last.
 */
export const extended = (table: CrossTable): ReadonlyArray<ReadonlyArray<number>> => {
  const totals = rowTotals(table)
  return [...table.counts.map((row, r) => [...row, totals[r] ?? 0]), [...columnTotals(table), grandTotal(table)]]
}
