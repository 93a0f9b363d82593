// Small-cell suppression: worked examples, and properties over random tables
// checked by attacks written independently of the algorithm — subtraction
// from one published total, subtraction knowing that a hidden count is not
// zero, and Gaussian elimination over every published equation at once.
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as CrossTable from "../src/CrossTable"
import * as Suppression from "../src/Suppression"

type Grid = ReadonlyArray<ReadonlyArray<number>>
type Mask = ReadonlyArray<ReadonlyArray<boolean>>

const table = (counts: ReadonlyArray<ReadonlyArray<number>>): CrossTable.CrossTable => ({
  rows: counts.map((_, r) => `r${r}`),
  columns: (counts[0] ?? []).map((_, c) => `c${c}`),
  counts,
})

// Every row and column of the extended grid: its cells and the entry they add up to.
const lines = (grid: Grid) => {
  const rows = grid.length
  const columns = grid[0]!.length
  const out: Array<{ cells: Array<[number, number]>; total: [number, number] }> = []
  for (let r = 0; r < rows; r++)
    out.push({ cells: Array.from({ length: columns - 1 }, (_, c) => [r, c]), total: [r, columns - 1] })
  for (let c = 0; c < columns; c++)
    out.push({ cells: Array.from({ length: rows - 1 }, (_, r) => [r, c]), total: [rows - 1, c] })
  return out
}

/** Entries that one line's published total, minus its published cells, gives away. */
const subtractionAttack = (grid: Grid, hidden: Mask): Array<[number, number]> =>
  lines(grid).flatMap((line) => {
    const entries = [...line.cells, line.total]
    const unknown = entries.filter(([r, c]) => hidden[r]![c])
    return unknown.length === 1 ? [unknown[0]!] : []
  })

/** Lines whose published total shows that every hidden cell in it is 1 (a hidden count is never 0). */
const allOnesAttack = (grid: Grid, hidden: Mask): number =>
  lines(grid).filter((line) => {
    if (hidden[line.total[0]]![line.total[1]]) return false
    const unknown = line.cells.filter(([r, c]) => hidden[r]![c])
    const sum =
      grid[line.total[0]]![line.total[1]]! -
      line.cells.filter(([r, c]) => !hidden[r]![c]).reduce((s, [r, c]) => s + grid[r]![c]!, 0)
    return unknown.length > 0 && sum === unknown.length
  }).length

const rank = (matrix: Array<Array<number>>): number => {
  const m = matrix.map((row) => [...row])
  let rank = 0
  const columns = m[0]?.length ?? 0
  for (let c = 0; c < columns && rank < m.length; c++) {
    let pivot = rank
    for (let r = rank + 1; r < m.length; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue
    ;[m[rank], m[pivot]] = [m[pivot]!, m[rank]!]
    for (let r = 0; r < m.length; r++) {
      if (r === rank) continue
      const factor = m[r]![c]! / m[rank]![c]!
      if (factor !== 0) for (let k = c; k < columns; k++) m[r]![k]! -= factor * m[rank]![k]!
    }
    rank++
  }
  return rank
}

/**
 * Hidden entries that Gaussian elimination over all published equations pins
 * down: e_k lies in the row space of the equations restricted to the unknowns.
 */
const linearAttack = (grid: Grid, hidden: Mask): Array<[number, number]> => {
  const unknowns: Array<[number, number]> = []
  for (const [r, row] of grid.entries()) for (const c of row.keys()) if (hidden[r]![c]) unknowns.push([r, c])
  if (unknowns.length === 0) return []
  const index = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]))
  const equations = lines(grid).map((line) => {
    const row = new Array<number>(unknowns.length).fill(0)
    for (const [r, c] of line.cells) if (hidden[r]![c]) row[index.get(`${r},${c}`)!] = 1
    if (hidden[line.total[0]]![line.total[1]]) row[index.get(`${line.total[0]},${line.total[1]}`)!] = -1
    return row
  })
  const base = rank(equations)
  return unknowns.filter((_, k) => {
    const unit = new Array<number>(unknowns.length).fill(0)
    unit[k] = 1
    return rank([...equations, unit]) === base
  })
}

const pattern = (hidden: Mask) => hidden.map((row) => row.map((h) => (h ? "x" : ".")).join("")).join("/")

describe("Suppression: examples", () => {
  it("hides nothing when no count is small", () => {
    const result = Suppression.suppress(
      table([
        [12, 0],
        [40, 25],
      ]),
      10,
    )
    expect(pattern(result.hidden)).toBe(".../.../...")
  })

  it("hides a small cell and the three cells that close a rectangle around it (the README example)", () => {
    const result = Suppression.suppress(
      table([
        [40, 25],
        [3, 30],
      ]),
      10,
    )
    // rows: female, male, total; columns: physical, psychological, total
    expect(pattern(result.primary)).toBe(".../x../...")
    expect(pattern(result.hidden)).toBe("xx./xx./...")
  })

  it("publishes zeros, never hides them, and never needs them", () => {
    const result = Suppression.suppress(
      table([
        [0, 4, 30],
        [0, 28, 35],
        [0, 15, 40],
      ]),
      10,
    )
    expect(result.hidden.every((row) => row[0] === false)).toBe(true)
    // the cheaper partner row: 15 + 40 < 28 + 35
    expect(pattern(result.hidden)).toBe(".xx./..../.xx./....")
  })

  it("hides a small total with the small cells under it", () => {
    const result = Suppression.suppress(
      table([
        [3, 4],
        [20, 30],
      ]),
      10,
    )
    // the row total 7 is itself small; the column totals 23 and 34 are not
    expect(result.primary[0]).toEqual([true, true, true])
    expect(
      subtractionAttack(
        CrossTable.extended(
          table([
            [3, 4],
            [20, 30],
          ]),
        ),
        result.hidden,
      ),
    ).toEqual([])
  })

  it("does not let two hidden ones in a row with a published total be read as 1 and 1", () => {
    const counts = [
      [1, 1, 30],
      [12, 14, 30],
    ]
    const grid = CrossTable.extended(table(counts))
    const result = Suppression.suppress(table(counts), 10)
    expect(allOnesAttack(grid, result.hidden)).toBe(0)
    expect(linearAttack(grid, result.hidden)).toEqual([])
  })

  it("defeats the dumbbell: two protected rectangles joined by one hidden cell", () => {
    // Primary-only and "two per line" would hide (0,0),(0,1),(1,0),(1,1) and
    // (2,2),(2,3),(3,2),(3,3) plus the link (0,2): each line has two hidden,
    // yet the link is a bridge and elimination finds it. The rule closes it.
    const counts = [
      [3, 4, 5, 40],
      [6, 7, 30, 50],
      [40, 30, 2, 8],
      [50, 60, 9, 1],
    ]
    const grid = CrossTable.extended(table(counts))
    const result = Suppression.suppress(table(counts), 10)
    expect(linearAttack(grid, result.hidden)).toEqual([])
    expect(subtractionAttack(grid, result.hidden)).toEqual([])
  })

  it("the attacks do find what primary suppression alone leaves open", () => {
    const counts = [
      [3, 40, 50],
      [20, 30, 60],
    ]
    const grid = CrossTable.extended(table(counts))
    const primaryOnly = Suppression.suppress(table(counts), 10).primary
    expect(subtractionAttack(grid, primaryOnly)).toEqual([
      [0, 0],
      [0, 0],
    ])
    expect(linearAttack(grid, primaryOnly)).toEqual([[0, 0]])
  })

  it("hides nothing with a threshold of 1 or less", () => {
    expect(pattern(Suppression.suppress(table([[1, 2]]), 1).hidden)).toBe(".../...")
  })
})

const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 4, arbitrary: fc.integer({ min: 10, max: 80 }) },
)
const tables = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
  )
const thresholds = fc.integer({ min: 2, max: 15 })

describe("Suppression: properties", () => {
  it("hides every small count, never a zero, and leaves large counts alone unless needed", () => {
    fc.assert(
      fc.property(tables, thresholds, (counts, threshold) => {
        const grid = CrossTable.extended(table(counts))
        const { hidden, primary } = Suppression.suppress(table(counts), threshold)
        for (const [r, row] of grid.entries())
          for (const [c, value] of row.entries()) {
            expect(primary[r]![c]).toBe(value > 0 && value < threshold)
            if (primary[r]![c]) expect(hidden[r]![c]).toBe(true)
            if (value === 0) expect(hidden[r]![c]).toBe(false)
          }
      }),
      { numRuns: 500 },
    )
  })

  it("no row or column (margins included) holds exactly one hidden entry: subtraction recovers nothing", () => {
    fc.assert(
      fc.property(tables, thresholds, (counts, threshold) => {
        const grid = CrossTable.extended(table(counts))
        const { hidden } = Suppression.suppress(table(counts), threshold)
        for (const line of lines(grid)) {
          const n = [...line.cells, line.total].filter(([r, c]) => hidden[r]![c]).length
          expect(n === 0 || n >= 2).toBe(true)
        }
        expect(subtractionAttack(grid, hidden)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it("Gaussian elimination over all published totals determines no hidden count", () => {
    fc.assert(
      fc.property(tables, thresholds, (counts, threshold) => {
        const grid = CrossTable.extended(table(counts))
        const { hidden } = Suppression.suppress(table(counts), threshold)
        expect(linearAttack(grid, hidden)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it("knowing that a hidden count is not zero recovers nothing from a published total", () => {
    fc.assert(
      fc.property(tables, thresholds, (counts, threshold) => {
        const grid = CrossTable.extended(table(counts))
        const { hidden } = Suppression.suppress(table(counts), threshold)
        expect(allOnesAttack(grid, hidden)).toBe(0)
      }),
      { numRuns: 500 },
    )
  })
})
