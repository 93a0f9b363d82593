// After a realistic seed (and reads, consents, incidents, an assessment), the
// raw storage holds no identifying value in plaintext: on SQLite, the bytes of
// the database file and its WAL after a checkpoint; on PostgreSQL, every row of
// every table of the schema as text. And yet everything reads back through the
// audited use case.
import { Principal } from "@bashke/kernel"
import { RawStorage } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { CaseService } from "../../src/CaseService"
import { databases, institutions, principals, services, start } from "./support/Databases"
import { plaintexts, seed, seedCases } from "./support/Seed"

const rawStorage = RawStorage.read

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
          expect(storage.size).toBeGreaterThan(0)
          expect(RawStorage.found(storage, plaintexts)).toEqual([])

          // The search works: a value written in the clear would be found.
          expect(
            RawStorage.found(
              { label: "sqlite file", chunks: [Buffer.from(`x${plaintexts[0]}y`, "utf8")], size: 1 },
              plaintexts,
            ),
          ).toEqual([plaintexts[0]])
          // The probe finds a value that is stored in the clear, in this very storage.
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const probe = "Ylberina Probe-Plaintext"
          yield* sql`CREATE TABLE leak_probe (value TEXT NOT NULL)`.pipe(Effect.orDie)
          yield* sql`INSERT INTO leak_probe (value) VALUES (${probe})`.pipe(Effect.orDie)
          const probed = yield* rawStorage
          expect(RawStorage.found(probed, [probe])).toEqual([probe])
        }),
      )
    })
  })
}
