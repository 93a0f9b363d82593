// The one harness every package's `bench` script uses: it times a measure and its
// floor (the same work done the plainest way, on the same machine, in the same run)
// and writes both to `bench-results/<suite>.json`; `scripts/benchmarks-report.mjs`
// turns all of them into docs/benchmarks.md.
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/** One figure: a measured rate beside its floor. */
export interface Figure {
  readonly measure: string
  readonly unit: string
  readonly value: number
  readonly floor: { readonly measure: string; readonly value: number }
  readonly goal?: string
}

/** Items per second of `run(count)`, best of `rounds` (the first round warms up). */
export const rate = async (count: number, run: (count: number) => Promise<unknown> | unknown, rounds = 3) => {
  let best = 0
  for (let round = 0; round <= rounds; round++) {
    const started = performance.now()
    await run(count)
    const seconds = (performance.now() - started) / 1000
    if (round > 0) best = Math.max(best, count / seconds)
  }
  return best
}

/** Writes a suite's figures where the report script collects them. */
export const record = (packageDir: string, suite: string, figures: ReadonlyArray<Figure>) => {
  const dir = join(packageDir, "bench-results")
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, `${suite}.json`),
    `${JSON.stringify({ suite, at: new Date().toISOString(), figures }, null, 2)}\n`,
  )
  for (const f of figures) {
    console.log(
      `${suite}: ${f.measure} ${Math.round(f.value)} ${f.unit} (floor ${f.floor.measure}: ${Math.round(f.floor.value)})`,
    )
  }
}

/** The median of a list of timings, in milliseconds. */
export const median = (times: ReadonlyArray<number>): number => {
  const sorted = [...times].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/**
 * Whether a keyset page costs the same at every size (ADR 0034): `page(n, filtered)`
 * reads one page of the n-th database (`sizes[n]` rows), with and without the filter,
 * interleaved over `rounds` rounds (the first 20 warm up caches and plans). Each size's
 * p50 stands beside the first size's as its floor.
 */
export const flatPages = async (options: {
  /** The store, as the figure names it: "SQLite file, WAL", "PostgreSQL". */
  readonly dialect: string
  readonly sizes: ReadonlyArray<number>
  /** What the rows are: "cases", "services". */
  readonly rows: string
  /** The read, before "51 of <size> <rows>": "CaseRepository.openPage". */
  readonly read: string
  /** The filter, as the figure names it: "risk level high". */
  readonly filter: string
  readonly page: (n: number, filtered: boolean) => Promise<unknown>
  readonly rounds?: number
}): Promise<ReadonlyArray<Figure>> => {
  const { dialect, sizes, rows } = options
  const times = sizes.map(() => ({ all: [] as Array<number>, filtered: [] as Array<number> }))
  for (let round = 0; round < (options.rounds ?? 220); round++)
    for (let n = 0; n < sizes.length; n++)
      for (const filtered of [false, true]) {
        const started = performance.now()
        await options.page(n, filtered)
        if (round >= 20) times[n]?.[filtered ? "filtered" : "all"].push(performance.now() - started)
      }
  const timings = sizes.map((size, n) => ({
    size: size.toLocaleString("en-US"),
    all: median(times[n]?.all ?? []),
    filtered: median(times[n]?.filtered ?? []),
  }))
  for (const { size, all, filtered } of timings)
    console.log(
      `${dialect}: ${size} ${rows}: page p50 ${all.toFixed(2)} ms, ${options.filter} ${filtered.toFixed(2)} ms`,
    )
  const [first] = timings
  if (first === undefined) return []
  const figure = (what: string, p50: number, floor: number): Figure => ({
    measure: `${what} (${dialect}; p50 ${p50.toFixed(2)} ms)`,
    unit: "pages/s",
    value: 1000 / p50,
    floor: { measure: `the same page of ${first.size} ${rows} (p50 ${floor.toFixed(2)} ms)`, value: 1000 / floor },
    goal: "flat: ≥ 67 % (p50 within 1.5 ×)",
  })
  return timings
    .slice(1)
    .flatMap(({ size, all, filtered }) => [
      figure(`${options.read}, 51 of ${size} ${rows}`, all, first.all),
      figure(`the same, ${options.filter}, ${size} ${rows}`, filtered, first.filtered),
    ])
}
