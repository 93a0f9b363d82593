// The police import end to end through the gateway's REAL capabilities on a
// SQLite file (WAL): 10,000 reports (BENCH_RECORDS for more) pulled from a fake police API on
// 127.0.0.1 (pages of 1,000, the cursor saved with each page) into the
// plugin host's inbox, then applied — decoded, the victim and the perpetrator
// matched by personal number (the case package's blind index, each hit
// audited), the incident recorded in the victim's case (the case's new
// version, the incident, the outbox event, the provenance row) — a page at a
// time in one transaction (`processBatch`, ADR 0028), as `bashke import
// police` runs it.
//
// Floor, in the same run: the same import (pull, inbox, claim, mark) with a
// no-op process hook — the host's own cost, with nothing written to the
// cases. Beside it, the per-record path (one transaction per report, the
// plugin without `processBatch`) over fewer reports, to show what the batch
// path changes.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Plugin } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { type Figure, record } from "../../../scripts/benchmark"
import * as PoliceImport from "./PoliceImport"

// 10,000 by default: at today's speed (far below the goal, see ADR 0028) 100,000 took
// half an hour of `pnpm bench`; the figure is a rate, so fewer records measure it too.
const total = Number(process.env.BENCH_RECORDS ?? 10_000)
const perRecordTotal = Math.min(total, 2_000)
const page = 1_000
/**
 * Cases the reports' victims are spread over: 5 incidents each at the end,
 * at most 9,000 (a mechanism's case references run to 9,999 a year). Not
 * fewer cases: an incident's insert refreshes its case's statistics facts by
 * trigger (ADR 0019, 0029), which reads the case's incidents, and each page
 * reads its cases whole, so both cost more the more incidents a case
 * already has (no longer every incident's facts row rewritten, ADR 0038).
 * The no-op hook reads no case: one is enough for it.
 */
const casesFor = (variant: Variant): number =>
  variant.plugin === variants.bare.plugin ? 1 : Math.max(1, Math.min(9_000, Math.round(variant.total / 5)))

const tty = process.stderr.isTTY
const seconds = (started: number) => (performance.now() - started) / 1000

type Variant = { readonly plugin: Plugin.Any; readonly label: string; readonly total: number }

const withHooks = (hooks: (setup: Record<string, unknown>) => Record<string, unknown>): Plugin.Any => ({
  ...PoliceImport.policePlugin,
  setup: (context: never) => hooks(PoliceImport.policePlugin.setup(context) as Record<string, unknown>) as never,
})

const variants = {
  batch: { plugin: PoliceImport.policePlugin, label: "police, a page a transaction", total },
  perRecord: {
    plugin: withHooks(({ processBatch: _, ...hooks }) => hooks),
    label: "police, a report a transaction",
    total: perRecordTotal,
  },
  bare: {
    plugin: withHooks((hooks) => ({ ...hooks, processBatch: undefined, process: () => Effect.void })),
    label: "no-op process hook",
    total,
  },
} satisfies Record<string, Variant>

/** A fresh file, seeded; the import timed from the first pull to the last record processed. */
const run = async (variant: Variant) => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-police-bench-"))
  const file = join(directory, "bench.db")
  const cases = casesFor(variant)
  const api = await PoliceImport.policeApi(variant.total, page, cases)
  try {
    const seeding = performance.now()
    const mechanismId = await PoliceImport.seedCases(file, cases)
    process.stderr.write(`${variant.label}: ${cases} cases seeded in ${seconds(seeding).toFixed(1)} s\n`)
    const runtime = await PoliceImport.gateway(file)
    try {
      const config = PoliceImport.configFor(mechanismId, api.baseUrl, page, variant.plugin)
      const started = performance.now()
      const outcome = await PoliceImport.importAll(runtime, config, variant.plugin, (done) => {
        if (tty) process.stderr.write(`\r${variant.label}: ${done.toLocaleString("en-US")} / ${variant.total}   `)
      })
      const rate = variant.total / seconds(started)
      process.stderr.write(
        `${tty ? "\n" : ""}${variant.label}: ${variant.total} reports in ${seconds(started).toFixed(1)} s\n`,
      )
      if (outcome.processed.succeeded !== variant.total) throw new Error(`${variant.label}: ${JSON.stringify(outcome)}`)
      // Every report an incident, once (the no-op hook records none).
      const [row] = await runtime.runPromise(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql<{ n: number }>`SELECT count(*) AS n FROM plugin_imported_incidents`,
        ),
      )
      const expected = variant.plugin === variants.bare.plugin ? 0 : variant.total
      if (Number(row?.n) !== expected) throw new Error(`${variant.label}: ${row?.n} incidents, ${expected} expected`)
      return rate
    } finally {
      await runtime.dispose()
    }
  } finally {
    api.close()
    rmSync(directory, { recursive: true, force: true })
  }
}

const bare = await run(variants.bare)
const batch = await run(variants.batch)
const perRecord = await run(variants.perRecord)

const goal = "≥ 20,000 records/s end to end (issue 19)"
const floor = { measure: "the same import with a no-op process hook (pull, inbox, claim, mark)", value: bare }
const figures: Array<Figure> = [
  {
    measure: `police: import ${total.toLocaleString("en-US")} reports end to end through the gateway's real capabilities, a page of ${page} a transaction (pull, match, incident + audit + outbox; SQLite file, WAL)`,
    unit: "records/s",
    value: batch,
    floor,
    goal,
  },
  {
    measure: `police: the same, a report a transaction (the per-record path; ${perRecordTotal.toLocaleString("en-US")} reports)`,
    unit: "records/s",
    value: perRecord,
    floor,
  },
]
record(new URL("..", import.meta.url).pathname, "gateway-police-import", figures)
