// The repository adapter directly, on SQLite and PostgreSQL: what the service
// relies on (stale versions refused, NotFound on unknown rows, ordering, round
// trips of every field), and that a command's row does not outlive a failure
// later in its transaction.
import { Errors, type Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Option, TestClock } from "effect"
import { MechanismRepository, MechanismService } from "../src"
import type { Mechanism } from "../src/Mechanism"
import { databases, services, snapshot } from "./support/Databases"

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
  describe.skipIf(db.skip)(`${db.name}: SqlMechanismRepository`, () => {
    layer(services(db))((it) => {
      it.effect("round-trips a mechanism and refuses a stale version, row untouched", () =>
        Effect.gen(function* () {
          const repository = yield* MechanismRepository.MechanismRepository
          yield* repository.insertMechanism(mechanism)
          expect(yield* repository.findMechanism(mechanism.id)).toEqual(Option.some(mechanism))
          const updated = yield* repository.updateMechanism({ ...mechanism, coordinator: membershipId }, 1)
          expect(updated.version).toBe(2)
          const stale = yield* Effect.flip(repository.updateMechanism({ ...mechanism, status: "active" }, 1))
          expect(stale).toEqual(
            new Errors.Conflict({
              entity: "Mechanism",
              id: mechanism.id,
              rule: "version.stale",
              expectedVersion: 1,
              actualVersion: 2,
            }),
          )
          expect(yield* repository.findMechanism(mechanism.id)).toEqual(Option.some(updated))
          expect(yield* repository.listMechanisms).toEqual([updated])
          const unknown = "01J9Z3K8V0M6YQ2R7T5W4X1BZZ" as Id.MechanismId
          expect(yield* Effect.flip(repository.updateMechanism({ ...mechanism, id: unknown }, 1))).toBeInstanceOf(
            Errors.NotFound,
          )
        }),
      )

      it.effect("stores memberships and sealed contacts; unknown ids are NotFound", () =>
        Effect.gen(function* () {
          const repository = yield* MechanismRepository.MechanismRepository
          yield* repository.insertMembership(
            { id: membershipId, mechanismId: mechanism.id, institutionId, sector: "health", joinedOn: "2026-01-05" },
            { "representative-name": "sealed-1", "deputy-email": "sealed-2" },
          )
          expect(yield* repository.sealedContacts(membershipId)).toEqual({
            "representative-name": "sealed-1",
            "deputy-email": "sealed-2",
          })
          yield* repository.endMembership(membershipId, "2026-02-01")
          expect(yield* repository.memberships(mechanism.id)).toEqual([
            {
              id: membershipId,
              mechanismId: mechanism.id,
              institutionId,
              sector: "health",
              joinedOn: "2026-01-05",
              leftOn: "2026-02-01",
            },
          ])
          const unknown = "01J9Z3K8V0M6YQ2R7T5W4X1BZZ" as Id.MembershipId
          expect(yield* Effect.flip(repository.endMembership(unknown, "2026-02-01"))).toBeInstanceOf(Errors.NotFound)
          expect(yield* Effect.flip(repository.sealedContacts(unknown))).toBeInstanceOf(Errors.NotFound)
          expect(yield* Effect.flip(repository.replaceContacts(unknown, {}))).toBeInstanceOf(Errors.NotFound)
          expect(yield* repository.findMembership(unknown)).toEqual(Option.none())
        }),
      )

      it.effect("stores versions and signatures in order; a second signature of an institution is a Conflict", () =>
        Effect.gen(function* () {
          const repository = yield* MechanismRepository.MechanismRepository
          const memorandumId = "01J9Z3K8V0M6YQ2R7T5W4X1BN1" as Id.MemorandumId
          const version = {
            memorandumId,
            mechanismId: mechanism.id,
            version: 1,
            effectiveFrom: "2026-01-10",
            documentHash: "b".repeat(64),
            expectedSectors: ["health", "police"] as const,
            publishedAt: new Date("2026-01-09T10:00:00.000Z"),
            signatures: [],
          }
          yield* repository.insertMemorandumVersion(version)
          const signature = { membershipId, institutionId, signedOn: "2026-01-11" }
          yield* repository.insertSignature(memorandumId, 1, signature, "sealed-signer")
          expect(yield* Effect.flip(repository.insertSignature(memorandumId, 1, signature, "x"))).toEqual(
            new Errors.Conflict({
              entity: "MemorandumVersion",
              id: `${memorandumId}/1`,
              rule: "mechanism.memorandum.already-signed",
            }),
          )
          expect(yield* repository.memoranda(mechanism.id)).toEqual([{ ...version, signatures: [signature] }])
          expect(yield* repository.sealedSigner(memorandumId, 1, institutionId)).toBe("sealed-signer")
          expect(yield* Effect.flip(repository.sealedSigner(memorandumId, 2, institutionId))).toBeInstanceOf(
            Errors.NotFound,
          )
        }),
      )
    })

    // Its own database: this block breaks the outbox on purpose.
    layer(services(db))((it) => {
      it.effect("a command whose outbox event cannot be written leaves no row behind", () =>
        Effect.gen(function* () {
          yield* TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          yield* sql`ALTER TABLE bashke_outbox RENAME TO bashke_outbox_away`.pipe(Effect.orDie)
          const before = yield* snapshot.pipe(
            Effect.provideService(SqlClient.SqlClient, sql),
            Effect.catchAllDefect(() => Effect.succeed(undefined)),
          )
          expect(before).toBeUndefined() // the snapshot itself reads the outbox
          const service = yield* MechanismService.MechanismService
          const exit = yield* Effect.exit(
            service.create({ municipality: "LEP", name: { sq: "M", "sr-Latn": "M", en: "M" } }),
          )
          expect(Exit.isFailure(exit)).toBe(true)
          const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM mechanisms`.pipe(Effect.orDie)
          expect(Number(rows[0]?.n)).toBe(0)
        }),
      )
    })
  })
}
