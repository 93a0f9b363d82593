// Issue 19 / ADR 0028: the police import applies a page of reports in one
// transaction through the gateway's real capabilities; a page with one
// malformed report is rolled back whole and applied report by report, so the
// good reports of that page land once each — their incident, provenance,
// outbox event and match audit entry — and only the malformed one fails.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as PoliceImport from "../../bench/PoliceImport"

const total = 120
const page = 60
const cases = 12
/** In the second page, after ten good reports: its page's writes up to it are rolled back. */
const malformed = 70

describe("the police import a page a transaction", () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-police-batch-"))
  const file = join(directory, "bashke.db")
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it("falls back to report by report when a page fails, each good report once", { timeout: 300_000 }, async () => {
    const mechanismId = await PoliceImport.seedCases(file, cases)
    const api = await PoliceImport.policeApi(total, page, cases, new Set([malformed]))
    const runtime = await PoliceImport.gateway(file)
    try {
      const count = (query: string) =>
        runtime.runPromise(
          Effect.map(
            Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe<{ n: number }>(query)),
            (rows) => Number(rows[0]?.n),
          ),
        )
      const counts = async () => ({
        incidents: await count("SELECT count(*) AS n FROM incidents"),
        provenance: await count("SELECT count(*) AS n FROM plugin_imported_incidents"),
        events: await count("SELECT count(*) AS n FROM bashke_outbox WHERE topic = 'case.incident.recorded'"),
        audit: await count(
          `SELECT count(*) AS n FROM audit_log WHERE principal_id = '${PoliceImport.pluginPrincipalId}' AND action = 'read'`,
        ),
      })
      const before = await counts()
      const outcome = await PoliceImport.importAll(
        runtime,
        PoliceImport.configFor(mechanismId, api.baseUrl, page),
        PoliceImport.policePlugin,
      )
      expect(outcome.processed).toEqual({ succeeded: total - 1, retried: 0, dead: 1, refused: false })
      const after = await counts()
      const good = total - 1
      expect({
        incidents: after.incidents - before.incidents,
        provenance: after.provenance - before.provenance,
        events: after.events - before.events,
        audit: after.audit - before.audit,
      }).toEqual({ incidents: good, provenance: good, events: good, audit: good })
      expect(
        await count(
          `SELECT count(*) AS n FROM plugin_inbox WHERE status = 'dead' AND record_id = 'PK-${String(malformed).padStart(7, "0")}'`,
        ),
      ).toBe(1)
    } finally {
      await runtime.dispose()
      api.close()
    }
  })
})
