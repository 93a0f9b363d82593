// `Mechanisms.layer` keeps a mechanism's roster (memberships, memoranda) under
// the roster's version and reads the rows again only once a write changed it,
// on SQLite and PostgreSQL: a second policy check reads no roster rows; a
// membership ended (by the repository, as any writer would) is seen at the next
// check; a transaction that rolled back leaves nothing behind.
import { type Id, JurisdictionProfile } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { MechanismRepository, Mechanisms } from "../src"
import type { Mechanism } from "../src/Mechanism"
import { databases, services } from "./support/Databases"

const mechanism: Mechanism = {
  id: "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId,
  municipality: "ZUB" as Mechanism["municipality"],
  name: { sq: "Mekanizmi", "sr-Latn": "Mehanizam", "sr-Cyrl": "Механизам", en: "Mechanism" },
  status: "forming",
  minimumMeetingsPerYear: 6,
  quorum: "all",
  version: 1,
  createdAt: new Date("2026-01-02T03:04:05.678Z"),
}
const membershipId = "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MembershipId
const institutionId = "01J9Z3K8V0M6YQ2R7T5W4X1BK9" as Id.InstitutionId

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the roster kept under its version`, () => {
    layer(services(db))((it) => {
      it.effect("reads the roster once until a write changes it; a rolled-back write leaves no trace", () =>
        Effect.gen(function* () {
          const repository = yield* MechanismRepository.MechanismRepository
          let reads = 0
          // The real repository, its roster reads counted.
          const counted = Mechanisms.fromSource({
            find: repository.findMechanism,
            list: repository.listMechanisms,
            memberships: (id) =>
              Effect.zipRight(
                Effect.sync(() => reads++),
                repository.memberships(id),
              ),
            memoranda: repository.memoranda,
            rosterVersion: repository.rosterVersion,
          })
          yield* repository.insertMechanism(mechanism)
          yield* repository.insertMembership(
            { id: membershipId, mechanismId: mechanism.id, institutionId, sector: "health", joinedOn: "2026-01-05" },
            { "representative-name": "sealed-1" },
          )
          const members = counted.members(mechanism.id, "2026-02-01").pipe(
            Effect.map((rows) => rows.map((row) => row.institutionId)),
            Effect.provideService(JurisdictionProfile.CurrentJurisdiction, JurisdictionProfile.kosovo),
          )
          expect(yield* members).toEqual([institutionId])
          expect(yield* members).toEqual([institutionId])
          expect(reads).toBe(1)

          const sql = yield* SqlClient.SqlClient
          yield* Effect.exit(
            sql.withTransaction(
              Effect.gen(function* () {
                yield* repository.endMembership(membershipId, "2026-01-20")
                // Read inside the transaction: its own write counts here…
                expect(yield* members).toEqual([])
                return yield* Effect.fail("rolled back")
              }),
            ),
          )
          // …and not after the rollback.
          expect(yield* members).toEqual([institutionId])
          const before = reads
          yield* repository.endMembership(membershipId, "2026-01-20")
          expect(yield* members).toEqual([])
          expect(reads).toBe(before + 1)
        }),
      )
    })
  })
}
