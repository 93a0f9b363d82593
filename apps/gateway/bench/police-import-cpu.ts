// The police import's CPU time a record, for paired A/B runs and profiles:
// one variant (`batch`, the page path; `bare`, the no-op process hook) over
// BENCH_RECORDS reports (5,000 by default), seeded as the import benchmark
// seeds them, the import phase alone measured by `process.cpuUsage` (the
// fake API shares the process: its pages are built before timing). Prints
// one line: records/s and µs of CPU a record. Run under `node --cpu-prof`
// (through tsx) to profile the same phase; the seeding shows in the profile
// too, so read it with `scripts/cpu-profile.mjs --last <import ms>`.
//
//   BENCH_VARIANT=batch BENCH_RECORDS=5000 pnpm exec tsx bench/police-import-cpu.ts
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import * as PoliceImport from "./PoliceImport"

const total = Number(process.env.BENCH_RECORDS ?? 5_000)
const variant = process.env.BENCH_VARIANT ?? "batch"
const page = 1_000

const plugin =
  variant === "bare"
    ? {
        ...PoliceImport.policePlugin,
        setup: (context: never) => ({
          ...(PoliceImport.policePlugin.setup(context) as Record<string, unknown>),
          processBatch: undefined,
          process: () => Effect.void,
        }),
      }
    : PoliceImport.policePlugin
const cases = variant === "bare" ? 1 : Math.max(1, Math.min(9_000, Math.round(total / 5)))

const directory = mkdtempSync(join(tmpdir(), "bashke-police-cpu-"))
const api = await PoliceImport.policeApi(total, page, cases)
try {
  const file = join(directory, "bench.db")
  const mechanismId = await PoliceImport.seedCases(file, cases)
  const runtime = await PoliceImport.gateway(file)
  try {
    const config = PoliceImport.configFor(mechanismId, api.baseUrl, page, plugin as never)
    const cpu = process.cpuUsage()
    const started = performance.now()
    const outcome = await PoliceImport.importAll(runtime, config, plugin as never)
    const elapsed = performance.now() - started
    const used = process.cpuUsage(cpu)
    if (outcome.processed.succeeded !== total) throw new Error(JSON.stringify(outcome))
    const micros = (used.user + used.system) / total
    console.log(
      `${variant}: ${total} records in ${(elapsed / 1000).toFixed(2)} s, ${Math.round(total / (elapsed / 1000))} records/s, ${micros.toFixed(0)} µs CPU a record (import ms ${elapsed.toFixed(0)})`,
    )
  } finally {
    await runtime.dispose()
  }
} finally {
  api.close()
  rmSync(directory, { recursive: true, force: true })
}
