/**
 * Small-cell suppression of a table with its totals: what may leave a
 * mechanism. A pure function of the counts and the threshold.
 *
 * **Primary suppression** hides every non-zero count under the threshold —
 * cells and totals alike (a total of 3 counts three people). Zeros are
 * published: they describe no one.
 *
 * **Secondary suppression** then hides more, until the published figures
 * give none of the hidden ones away:
 *
 * 1. *No exact recovery by linear algebra.* Each row and each column of the
 *    grid with its margins is one equation (its cells add up to its total).
 *    With the hidden entries as unknowns, an entry is determined by the
 *    published ones exactly when, in the bipartite graph of rows and columns
 *    whose edges are the hidden entries, it is a *bridge* (an edge on no
 *    cycle): only a cycle of hidden entries can move, alternately up and
 *    down, without changing any total. So every hidden entry is put on a
 *    cycle: for a bridge, the cheapest path between its row and its column
 *    through hidden or non-zero entries is hidden too (Dijkstra, cost = the
 *    count, so small cells are hidden rather than large ones). Such a path
 *    always exists: the non-zero entries of a grid whose lines add up have no
 *    bridge. In particular no row or column ever has exactly one hidden
 *    entry — subtraction from a published total finds nothing.
 * 2. *No recovery by subtraction with the knowledge that hidden ≠ 0.* Zeros
 *    are published, so whoever reads the table knows every hidden count is at
 *    least 1. In a row whose total is published and whose hidden cells add up
 *    to their number, every hidden cell is 1; one more published cell of at
 *    least 2 is hidden there (or, if there is none, the total).
 *
 * Secondary cells are always non-zero. The loop hides one entry or more per
 * round and stops when neither rule finds anything; it always stops, at worst
 * with every non-zero entry hidden, which satisfies both rules.
 *
 * What this does not do: audit intervals by linear programming (an attacker
 * combining several rows' bounds may narrow a hidden count to a range), or
 * protect tables published side by side that share margins. The report
 * publishes each margin once per table and its tables are built from the same
 * counts, which keeps the usual cross-table attacks to ranges, not values.
 */
import * as CrossTable from "./CrossTable"

/**
 * The entries hidden, on the extended grid (`(rows + 1) × (columns + 1)`,
 * totals last): `hidden` all of them, `primary` those hidden for being small.
 */
export interface Suppression {
  readonly hidden: ReadonlyArray<ReadonlyArray<boolean>>
  readonly primary: ReadonlyArray<ReadonlyArray<boolean>>
}

/**
 * Whether a count is a small cell: non-zero and under the threshold.
 */
export const isSmall = (count: number, threshold: number): boolean => count > 0 && count < threshold

interface Edge {
  readonly row: number
  readonly column: number
}

// Bridges of the bipartite graph whose edges are the hidden entries: row
// lines are nodes 0..rows, column lines rows+1..rows+1+columns (Tarjan).
const firstBridge = (hidden: ReadonlyArray<ReadonlyArray<boolean>>): Edge | undefined => {
  const rows = hidden.length
  const columns = hidden[0]?.length ?? 0
  const nodes = rows + columns
  const adjacent: Array<Array<{ readonly to: number; readonly edge: Edge }>> = Array.from({ length: nodes }, () => [])
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++)
      if (hidden[r]![c]) {
        const edge = { row: r, column: c }
        adjacent[r]!.push({ to: rows + c, edge })
        adjacent[rows + c]!.push({ to: r, edge })
      }
  const order = new Array<number>(nodes).fill(-1)
  const low = new Array<number>(nodes).fill(0)
  let counter = 0
  let found: Edge | undefined
  const visit = (node: number, via: Edge | undefined): void => {
    order[node] = counter
    low[node] = counter
    counter++
    for (const { to, edge } of adjacent[node]!) {
      if (found !== undefined) return
      if (edge === via) continue
      if (order[to]! < 0) {
        visit(to, edge)
        low[node] = Math.min(low[node]!, low[to]!)
        if (low[to]! > order[node]!) found ??= edge
      } else {
        low[node] = Math.min(low[node]!, order[to]!)
      }
    }
  }
  for (let node = 0; node < nodes && found === undefined; node++) if (order[node]! < 0) visit(node, undefined)
  return found
}

// The cheapest path from the bridge's column to its row through entries that
// are hidden (free) or non-zero (their count + 1), never the bridge itself.
const cycleThrough = (
  grid: ReadonlyArray<ReadonlyArray<number>>,
  hidden: ReadonlyArray<ReadonlyArray<boolean>>,
  bridge: Edge,
): ReadonlyArray<Edge> => {
  const rows = grid.length
  const columns = grid[0]?.length ?? 0
  const nodes = rows + columns
  const cost = (r: number, c: number): number | undefined => {
    if (r === bridge.row && c === bridge.column) return undefined
    if (hidden[r]![c]) return 0
    const count = grid[r]![c]!
    return count > 0 ? count + 1 : undefined
  }
  const distance = new Array<number>(nodes).fill(Number.POSITIVE_INFINITY)
  const previous = new Array<number>(nodes).fill(-1)
  const done = new Array<boolean>(nodes).fill(false)
  const start = rows + bridge.column
  const goal = bridge.row
  distance[start] = 0
  for (;;) {
    let node = -1
    for (let n = 0; n < nodes; n++)
      if (!done[n] && distance[n]! < Number.POSITIVE_INFINITY && (node < 0 || distance[n]! < distance[node]!)) node = n
    if (node < 0 || node === goal) break
    done[node] = true
    const isRow = node < rows
    const others = isRow ? columns : rows
    for (let k = 0; k < others; k++) {
      const r = isRow ? node : k
      const c = isRow ? k : node - rows
      const step = cost(r, c)
      const next = isRow ? rows + k : k
      if (step === undefined || done[next]) continue
      if (distance[node]! + step < distance[next]!) {
        distance[next] = distance[node]! + step
        previous[next] = node
      }
    }
  }
  if (previous[goal]! < 0 && goal !== start) throw new Error("Suppression: no cycle through a hidden entry")
  const path: Array<Edge> = []
  for (let node = goal; node !== start; node = previous[node]!) {
    const from = previous[node]!
    path.push(node < rows ? { row: node, column: from - rows } : { row: from, column: node - rows })
  }
  return path
}

interface Line {
  readonly cells: ReadonlyArray<Edge>
  readonly total: Edge
}

// Every row and column of the extended grid as an equation: its cells, and
// the entry they add up to (the grand total for the margins' own lines).
const lines = (rows: number, columns: number): ReadonlyArray<Line> => {
  const out: Array<Line> = []
  for (let r = 0; r < rows; r++)
    out.push({
      cells: Array.from({ length: columns - 1 }, (_, c) => ({ row: r, column: c })),
      total: { row: r, column: columns - 1 },
    })
  for (let c = 0; c < columns; c++)
    out.push({
      cells: Array.from({ length: rows - 1 }, (_, r) => ({ row: r, column: c })),
      total: { row: rows - 1, column: c },
    })
  return out
}

// A line whose published total and published cells leave hidden cells that
// must all be 1, and the entry to hide to stop that.
const allOnes = (
  grid: ReadonlyArray<ReadonlyArray<number>>,
  hidden: ReadonlyArray<ReadonlyArray<boolean>>,
): Edge | undefined => {
  for (const line of lines(grid.length, grid[0]?.length ?? 0)) {
    if (hidden[line.total.row]![line.total.column]) continue
    const hiddenCells = line.cells.filter((e) => hidden[e.row]![e.column])
    if (hiddenCells.length === 0) continue
    const sum = hiddenCells.reduce((s, e) => s + grid[e.row]![e.column]!, 0)
    if (sum > hiddenCells.length) continue
    let best: Edge | undefined
    for (const e of line.cells) {
      const count = grid[e.row]![e.column]!
      if (hidden[e.row]![e.column] || count < 2) continue
      if (best === undefined || count < grid[best.row]![best.column]!) best = e
    }
    return best ?? line.total
  }
  return undefined
}

/**
 * The entries to hide on `grid`, a table with its margins (see
 * `CrossTable.extended`), for a threshold.
 */
export const suppressGrid = (grid: ReadonlyArray<ReadonlyArray<number>>, threshold: number): Suppression => {
  const primary = grid.map((row) => row.map((count) => isSmall(count, threshold)))
  const hidden = primary.map((row) => [...row])
  for (;;) {
    const bridge = firstBridge(hidden)
    if (bridge !== undefined) {
      for (const edge of cycleThrough(grid, hidden, bridge)) hidden[edge.row]![edge.column] = true
      continue
    }
    const more = allOnes(grid, hidden)
    if (more !== undefined) {
      hidden[more.row]![more.column] = true
      continue
    }
    return { hidden, primary }
  }
}

/**
 * The entries to hide in a table for a threshold (the profile's
 * `statistics.smallCellThreshold`), on its extended grid.
 *
 * @example
 * ```ts
 * import { CrossTable, Suppression } from "@bashke/reporting"
 *
 * const table: CrossTable.CrossTable = {
 *   rows: ["female", "male"],
 *   columns: ["physical", "psychological"],
 *   counts: [[40, 25], [3, 30]],
 * }
 * Suppression.suppress(table, 10).hidden
 * // [[true, true, false], [true, true, false], [false, false, false]]:
 * // the 3, and the 40, 25 and 30 that would give it away
 * ```
 */
export const suppress = (table: CrossTable.CrossTable, threshold: number): Suppression =>
  suppressGrid(CrossTable.extended(table), threshold)
