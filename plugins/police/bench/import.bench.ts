// The police plugin's import throughput on SQLite: 100,000 reports pulled
// from a fake police API on 127.0.0.1 (pages of 1,000, JSON over HTTP, the
// cursor saved with each page) into the host's inbox and processed by the
// plugin — decoded, matched, recorded — with the test kit's fake capability
// services.
//
// End to end is measured as the host runs it: its own scheduled pull cycle
// (`start`), which processes each committed page while the next is on its
// way, timed from the start until the last incident is recorded. The pull and
// the processing are also measured apart, step by step, to show where the time
// goes. Floors, measured in the same run: the same host with a no-op process
// hook, and the same rows written, claimed and marked by hand-written SQL
// through the same client, without HTTP, vault, decoding or hooks.
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { Id } from "@bashke/kernel"
import { type PersonMatch, PluginHost } from "@bashke/plugin-sdk"
import { FakeCapabilities, TestHost } from "@bashke/plugin-sdk/testing"
import { SqlClient } from "@effect/sql"
import { Duration, Effect, Redacted } from "effect"
import * as InboxFloor from "../../../packages/plugin-sdk/bench/InboxFloor"
import { type Figure, record } from "../../../scripts/benchmark"
import plugin from "../src/index"
import { report } from "../test/support/FakePolice"

const total = 100_000
const page = 1_000

// Pages built before timing: the fake server shares the process, and its
// JSON.stringify is not the plugin's cost.
const pages = new Map<number, string>()
for (let from = 0; from < total; from += page) {
  const records = []
  for (let i = from; i < Math.min(total, from + page); i++) records.push(report(i))
  pages.set(from, JSON.stringify({ records, next: String(from + records.length) }))
}

const server = createServer((request, response) => {
  const after = Number(new URL(request.url ?? "/", "http://x").searchParams.get("after") ?? "0")
  response.writeHead(200, { "content-type": "application/json" })
  response.end(pages.get(after) ?? JSON.stringify({ records: [], next: null }))
})
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`

const tty = process.stderr.isTTY
const progress = (label: string, done: number) => {
  if (tty) process.stderr.write(`\r${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}   `)
}
const seconds = (started: number) => (performance.now() - started) / 1000

// One answer, built once: the fake's answer is not the plugin's cost.
const victimMatched: PersonMatch.MatchResult = {
  _tag: "Matched",
  caseId: Id.CaseId.make("01JC0000000000000000000001"),
  personId: Id.PersonId.make("01JP0000000000000000000001"),
}
const noMatch: PersonMatch.MatchResult = { _tag: "NoMatch" }

const matchVictims = (query: PersonMatch.PersonQuery): PersonMatch.MatchResult =>
  query.personalNumber?.startsWith("1") === true ? victimMatched : noMatch

// The same plugin with a `process` that does nothing: the host's own cost of
// claiming, opening, calling and marking, to set the plugin's work against.
let bareProcessed = 0
let incidentsRecorded = 0
const bare: typeof plugin = {
  ...plugin,
  setup: (context) =>
    ({
      ...(plugin.setup(context) as object),
      process: () =>
        Effect.sync(() => {
          bareProcessed++
        }),
    }) as never,
}

/**
 * Starts a host with the plugin and its schedules, as the gateway does, and
 * times it from the start until `done()` counts every report: records/s.
 */
const endToEnd = (variant: typeof plugin, label: string, done: () => number) =>
  Effect.gen(function* () {
    const fakes = FakeCapabilities.make({
      match: matchVictims,
      // Counted as they happen: reading the fakes' list while the import runs would copy it each time.
      beforeIncident: () =>
        Effect.sync(() => {
          incidentsRecorded++
        }),
    })
    const host = yield* PluginHost.make({
      plugins: [variant],
      config: {
        batchSize: 1000,
        // The cycle itself processes; the separate processing loop stays out of the way.
        pollInterval: Duration.hours(1),
        plugins: [
          {
            package: variant.manifest.name,
            grant: [...variant.manifest.capabilities],
            webhook: { secrets: [Redacted.make(TestHost.webhookSecret)] },
            config: { baseUrl, apiKey: "bench-key", pageSize: page, intervalSeconds: 3600 },
          },
        ],
      },
    }).pipe(Effect.provide(fakes.layer))
    const started = performance.now()
    yield* host.start
    for (;;) {
      const count = done()
      progress(`${label} end to end`, count)
      if (count >= total) break
      yield* Effect.sleep("20 millis")
    }
    const rate = total / seconds(started)
    if (tty) process.stderr.write("\n")
    return rate
  }).pipe(Effect.scoped, Effect.provide(TestHost.database))

/** Pulls everything, then processes it; the rates, and the incidents recorded. */
const importAll = (variant: typeof plugin, label: string) =>
  Effect.gen(function* () {
    const test = yield* TestHost.make(variant, {
      config: { baseUrl, apiKey: "bench-key", pageSize: page },
      host: { batchSize: 1000 },
      answers: { match: matchVictims },
    })
    let started = performance.now()
    let imported = 0
    for (;;) {
      const outcome = yield* test.pull()
      if (outcome._tag !== "Pulled") return yield* Effect.dieMessage(`pull ${JSON.stringify(outcome)}`)
      imported += outcome.inserted
      progress(`${label} import`, imported)
      if (!outcome.more) break
    }
    const importRate = imported / seconds(started)
    started = performance.now()
    let processed = 0
    for (;;) {
      const pass = yield* test.process
      processed += pass.succeeded
      if (pass.dead > 0 || pass.retried > 0) return yield* Effect.dieMessage(`process ${JSON.stringify(pass)}`)
      progress(`${label} process`, processed)
      if (pass.succeeded === 0) break
    }
    const processRate = processed / seconds(started)
    if (tty) process.stderr.write("\n")
    if (imported !== total || processed !== total)
      return yield* Effect.dieMessage(`imported ${imported}, processed ${processed}`)
    return { importRate, processRate, incidents: test.recorded.incidents.length }
  }).pipe(Effect.scoped, Effect.provide(TestHost.database))

const program = Effect.gen(function* () {
  // The step by step runs first: they also warm the JIT for the timed cycles after them.
  const bareRun = yield* importAll(bare, "bare host")
  const { importRate, processRate, incidents } = yield* importAll(plugin, "police")
  if (incidents !== total) return yield* Effect.dieMessage(`incidents ${incidents}`)
  bareProcessed = 0
  const bareEndToEnd = yield* endToEnd(bare, "bare host", () => bareProcessed)
  const policeEndToEnd = yield* endToEnd(plugin, "police", () => incidentsRecorded)

  // Floors: the same rows by hand, no HTTP, no vault, no hooks.
  const { importFloor, processFloor } = yield* InboxFloor.measure(yield* SqlClient.SqlClient, {
    total,
    page,
    source: "police",
    payloadOf: report,
  })

  const goal = "≥ 20,000 records/s end to end (issue 8)"
  return [
    {
      measure: `police: process ${total.toLocaleString("en-US")} reports, the plugin's work against the host's own (SQLite file, WAL)`,
      unit: "records/s",
      value: processRate,
      floor: { measure: "the same host and inbox with a no-op process hook", value: bareRun.processRate },
    },
    {
      measure: `police: pull ${total.toLocaleString("en-US")} reports from a fake API on 127.0.0.1 into the inbox, pages of ${page} (HTTP + JSON, sealed per page, cursor in the same transaction; SQLite file, WAL)`,
      unit: "records/s",
      value: importRate,
      floor: { measure: "hand-written multi-row INSERT, no HTTP, no vault", value: importFloor },
      goal,
    },
    {
      measure: `police: process ${total.toLocaleString("en-US")} reports (decode, match victim and perpetrator, record the incident; fake capabilities; SQLite file, WAL)`,
      unit: "records/s",
      value: processRate,
      floor: { measure: "hand-written claim + mark, no vault, no hook", value: processFloor },
      goal,
    },
    {
      measure: `police: import ${total.toLocaleString("en-US")} reports end to end, as the host's scheduled pull cycle runs it (each page processed while the next is pulled; fake capabilities; SQLite file, WAL)`,
      unit: "records/s",
      value: policeEndToEnd,
      floor: { measure: "the same cycle with a no-op process hook", value: bareEndToEnd },
      goal,
    },
    {
      measure: "police: pull then process one after the other (the step figures above combined)",
      unit: "records/s",
      value: total / (total / importRate + total / processRate),
      floor: { measure: "the two floors end to end", value: total / (total / importFloor + total / processFloor) },
    },
  ] satisfies Array<Figure>
}).pipe(Effect.scoped, Effect.provide(TestHost.database))

try {
  record(new URL("..", import.meta.url).pathname, "plugin-police-import", await Effect.runPromise(program))
} finally {
  server.close()
}
