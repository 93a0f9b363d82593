// After a realistic seed (and reads, consents, incidents, an assessment), the
// raw storage holds no identifying value in plaintext: on SQLite, the bytes of
// the database file and its WAL after a checkpoint; on PostgreSQL, every row of
// every table of the schema as text. And yet everything reads back through the
// audited use case.
import { existsSync, readFileSync } from "node:fs"
import { Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { CaseService } from "../../src/CaseService"
import { databases, dialect, institutions, principals, services, start } from "./support/Databases"
import { plaintexts, seed, seedCases } from "./support/Seed"

/** Every plaintext found in `haystack`. */
const found = (haystack: string | Buffer): ReadonlyArray<string> =>
  plaintexts.filter((value) =>
    typeof haystack === "string" ? haystack.includes(value) : haystack.includes(Buffer.from(value, "utf8")),
  )

const rawStorage = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  if ((yield* dialect) === "sqlite") {
    // Everything committed moves into the main file; the WAL is read too, in case.
    yield* sql`PRAGMA wal_checkpoint(TRUNCATE)`
    const files = yield* sql<{ name: string; file: string }>`PRAGMA database_list`
    const main = files.find((row) => row.name === "main")?.file
    if (main === undefined || main === "") throw new Error("the SQLite test database has no file")
    const parts = [main, `${main}-wal`, `${main}-journal`].filter(existsSync).map((path) => readFileSync(path))
    return { label: "sqlite file", chunks: parts, rows: parts.reduce((n, part) => n + part.length, 0) }
  }
  const tables = yield* sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
  const chunks: Array<string> = []
  for (const { table_name } of tables) {
    const rows = yield* sql<{ row: string }>`SELECT t::text AS row FROM ${sql(table_name)} t`
    for (const row of rows) chunks.push(row.row)
  }
  return { label: "postgres rows", chunks, rows: chunks.length, tables: tables.map((t) => t.table_name) }
}).pipe(Effect.orDie)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: no plaintext at rest`, () => {
    layer(services(db))((it) => {
      it.effect("the stored bytes contain no name, personal number, phone, address or contact", () =>
        Effect.gen(function* () {
          yield* start
          expect(plaintexts.length).toBeGreaterThan(20)
          const cases = yield* seed
          const service = yield* CaseService
          const asManager = Effect.provideService(Principal.CurrentPrincipal, principals.caseManager)
          const asOfficer = Effect.provideService(Principal.CurrentPrincipal, principals.officer)

          // Work on the cases: consent, incidents, an assessment, reads of every person.
          for (const aCase of cases) {
            const victim = aCase.persons.find((person) => person.role === "victim")
            if (victim === undefined) throw new Error("no victim")
            const consent = yield* asOfficer(
              service.giveConsent({
                caseId: aCase.id,
                givenBy: victim.id,
                institutions: [institutions.police, institutions.socialWork],
                purposes: ["case-management", "case-conference"],
                method: "signed-form",
              }),
            )
            // It opens the police's own access: the case lead confirms it.
            yield* asManager(service.confirmConsent({ caseId: aCase.id, consentId: consent.id }))
            yield* asOfficer(
              service.recordIncident({
                caseId: aCase.id,
                occurredOn: "2026-02-28",
                municipality: "GJI",
                place: "home",
                forms: ["physical", "psychological"],
                children: "witnessed",
                source: "police-report",
                sourceInstitution: institutions.police,
                sourceReference: "KP-GJI/2026/0117",
              }),
            )
            for (const person of aCase.persons) {
              const purpose = person.role === "alleged-perpetrator" ? "protection" : "case-management"
              const details = yield* asManager(
                service.readPersonalData({ caseId: aCase.id, personId: person.id, purpose }),
              )
              expect(Object.keys(details).length).toBeGreaterThan(0)
            }
          }

          // Everything reads back through the use case…
          const first = cases[0]
          const firstVictim = first?.persons[0]
          if (first === undefined || firstVictim === undefined) throw new Error("no seed")
          expect(
            yield* asManager(
              service.readPersonalData({ caseId: first.id, personId: firstVictim.id, purpose: "case-management" }),
            ),
          ).toEqual(seedCases[0]?.[0]?.details)

          // …and nothing is stored in the clear.
          const storage = yield* rawStorage
          expect(storage.rows).toBeGreaterThan(0)
          const leaks = storage.chunks.flatMap((chunk) => found(chunk))
          expect(leaks).toEqual([])

          // The search works: a value written in the clear would be found.
          expect(found(Buffer.from(`x${plaintexts[0]}y`, "utf8"))).toEqual([plaintexts[0]])
          // The probe finds a value that is stored in the clear, in this very storage.
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const probe = "Ylberina Probe-Plaintext"
          yield* sql`CREATE TABLE leak_probe (value TEXT NOT NULL)`.pipe(Effect.orDie)
          yield* sql`INSERT INTO leak_probe (value) VALUES (${probe})`.pipe(Effect.orDie)
          const probed = yield* rawStorage
          expect(
            probed.chunks.some((chunk) =>
              typeof chunk === "string" ? chunk.includes(probe) : chunk.includes(Buffer.from(probe, "utf8")),
            ),
          ).toBe(true)
          if ("tables" in storage)
            expect(storage.tables).toEqual(
              expect.arrayContaining(["persons", "cases", "audit_log", "bashke_outbox", "consents", "incidents"]),
            )
        }),
      )
    })
  })
}
