// Issue 19 / ADR 0028: the police import's set-based page (`persons.matchMany`,
// `incidents.recordMany`) with one case in it that refuses the police's
// incidents (closed: read-only) ends exactly as the per-record path does —
// the same outcome, the same incidents, provenance rows, outbox events and
// match audit entries — because a refusal rolls the page back and the host
// applies it report by report: only the closed case's reports fail. Without
// the closed case the pages go through the set-based path whole (each case's
// version claimed once a page) and leave what the per-record path leaves.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CaseService } from "@bashke/case"
import { Principal } from "@bashke/kernel"
import type { Plugin } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as PoliceImport from "../../bench/PoliceImport"
import { principal } from "../../src/demo/World"

const total = 120
const page = 60
const cases = 12
/** The case whose victim the reports `i` with `i mod cases = 5` name: closed before the import. */
const closed = 5

/** The police plugin without `processBatch`: every report through `process`, the per-record path. */
const perRecord: Plugin.Any = {
  ...PoliceImport.policePlugin,
  setup: (context: never) => {
    const { processBatch: _, ...hooks } = PoliceImport.policePlugin.setup(context) as Record<string, unknown>
    return hooks as never
  },
}

const run = async (directory: string, plugin: Plugin.Any, closing: boolean) => {
  const file = join(directory, `${plugin === perRecord ? "per-record" : "batch"}-${closing}.db`)
  const mechanismId = await PoliceImport.seedCases(file, cases)
  const api = await PoliceImport.policeApi(total, page, cases)
  const runtime = await PoliceImport.gateway(file)
  try {
    // Closed by the police officer who opened it: the police may still find its victim, not write to it.
    if (closing)
      await runtime.runPromise(
        Effect.gen(function* () {
          const service = yield* CaseService.CaseService
          const officer = principal("policeOfficer", mechanismId)
          const [found] = yield* service
            .findPersons({ personalNumber: PoliceImport.victimNumber(closed), purpose: "case-management" })
            .pipe(Effect.provideService(Principal.CurrentPrincipal, officer))
          if (found === undefined) throw new Error("the case to close is not found")
          yield* service
            .transition({ caseId: found.caseId, command: "close", reason: "risk-reduced" })
            .pipe(Effect.provideService(Principal.CurrentPrincipal, officer))
        }).pipe(Effect.orDie),
      )
    const count = (query: string) =>
      runtime.runPromise(
        Effect.map(
          Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe<{ n: number }>(query)),
          (rows) => Number(rows[0]?.n),
        ),
      )
    const outcome = await PoliceImport.importAll(
      runtime,
      PoliceImport.configFor(mechanismId, api.baseUrl, page, plugin),
      plugin,
    )
    const versions = await count("SELECT sum(version) AS n FROM cases")
    return {
      versions,
      processed: outcome.processed,
      // The demo's own incidents left out: the reports' carry their report number.
      incidents: await count("SELECT count(*) AS n FROM incidents WHERE source_reference LIKE 'GJI/2026/%'"),
      provenance: await count("SELECT count(*) AS n FROM plugin_imported_incidents"),
      events: await count("SELECT count(*) AS n FROM bashke_outbox WHERE topic = 'case.incident.recorded'"),
      audit: await count(
        `SELECT count(*) AS n FROM audit_log WHERE principal_id = '${PoliceImport.pluginPrincipalId}' AND action = 'read'`,
      ),
      failed: await count("SELECT count(*) AS n FROM plugin_inbox WHERE status <> 'processed'"),
    }
  } finally {
    await runtime.dispose()
    api.close()
  }
}

describe("the police import with a closed case in its pages", () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-police-refused-"))
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it("fails only the closed case's reports, as the per-record path does", { timeout: 600_000 }, async () => {
    const { versions: _, ...byPage } = await run(directory, PoliceImport.policePlugin, true)
    const { versions: __, ...byRecord } = await run(directory, perRecord, true)
    expect(byPage).toEqual(byRecord)
    const refused = total / cases
    expect(byPage.processed.succeeded).toBe(total - refused)
    expect(byPage.incidents).toBe(total - refused)
    expect(byPage.provenance).toBe(total - refused)
    expect(byPage.failed).toBe(refused)
  })

  it("without it, records every report through the set-based path, as the per-record path does", {
    timeout: 600_000,
  }, async () => {
    const { versions: pageVersions, ...byPage } = await run(directory, PoliceImport.policePlugin, false)
    const { versions: recordVersions, ...byRecord } = await run(directory, perRecord, false)
    expect(byPage).toEqual(byRecord)
    expect(byPage.incidents).toBe(total)
    // The pages went through `recordMany`: each case's version claimed once a page (twice
    // over the two pages), not once an incident (ten times).
    expect(recordVersions - pageVersions).toBe(cases * (total / cases - 2))
  })
})
