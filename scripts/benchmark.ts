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
