// References on SQLite and PostgreSQL: 50 concurrent case creations for one
// mechanism and year yield 0001..0050, distinct and gapless, even with creations
// rolled back among them; the counter is per mechanism and year.
import { Id, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, FastCheck, TestClock } from "effect"
import type * as CaseCommands from "../../src/CaseCommands"
import * as CaseReference from "../../src/CaseReference"
import { CaseService } from "../../src/CaseService"
import * as ReferenceSequence from "../../src/ReferenceSequence"
import { databases, mechanismId, otherMechanismId, principals, services, snapshot, start } from "./support/Databases"

const asOfficer = Effect.provideService(Principal.CurrentPrincipal, principals.officer)

const victim = (n: number): CaseCommands.NewPerson => ({
  role: "victim",
  sex: "female",
  birthYear: 1980 + (n % 20),
  details: { givenName: `Vjosa${n}`, familyName: "Hoxha", personalNumber: `90000000${String(n).padStart(2, "0")}` },
})

const open = (n: number) =>
  Effect.flatMap(CaseService, (service) =>
    asOfficer(service.openCase({ mechanismId, municipality: "GJI", persons: [victim(n)] })),
  )

// A creation that fails inside its transaction, after the counter moved: the
// personal number normalizes to nothing, so sealing it is refused.
const openFailing = Effect.flatMap(CaseService, (service) =>
  asOfficer(
    service.openCase({
      mechanismId,
      municipality: "GJI",
      persons: [{ role: "victim", sex: "female", details: { personalNumber: "-- . --" } }],
    }),
  ),
)

const sequences = (references: ReadonlyArray<string>) =>
  references.map((reference) => {
    const parts = CaseReference.parse(reference)
    if (parts._tag === "Left") throw new Error("malformed reference")
    return parts.right.sequence
  })

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: case references`, () => {
    layer(services(db))((it) => {
      it.effect("50 concurrent creations, with rolled-back ones among them, yield 0001..0050", () =>
        Effect.gen(function* () {
          yield* start
          const attempts = Array.from({ length: 57 }, (_, i) => i)
          // Every eighth attempt fails after taking a number; the others succeed.
          const exits = yield* Effect.all(
            attempts.map((i) => Effect.exit(i % 8 === 7 ? openFailing : open(i))),
            { concurrency: "unbounded" },
          )
          const created = exits.flatMap((exit) => (Exit.isSuccess(exit) ? [exit.value] : []))
          expect(created).toHaveLength(50)
          expect(exits.filter(Exit.isFailure)).toHaveLength(7)
          const references = created.map((aCase) => aCase.reference)
          expect(new Set(references).size).toBe(50)
          expect(sequences(references).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
          expect(references.every((reference) => /^GJI-2026-00\d\d$/.test(reference))).toBe(true)

          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const stored = yield* sql<{ reference: string }>`SELECT reference FROM cases ORDER BY reference`
          expect(stored.map((row) => row.reference)).toEqual(
            Array.from({ length: 50 }, (_, i) => `GJI-2026-${String(i + 1).padStart(4, "0")}`),
          )
          expect(yield* ReferenceSequence.last(mechanismId, 2026)).toBe(50)

          // The next creation continues the register.
          const next = yield* open(99)
          expect(next.reference).toBe("GJI-2026-0051")
        }),
      )

      it.effect("a rolled-back creation releases its number and writes nothing", () =>
        Effect.gen(function* () {
          yield* start
          const before = yield* snapshot
          const failed = yield* Effect.flip(openFailing)
          expect(failed).toMatchObject({ _tag: "InvalidInput", rule: "blind-index.empty" })
          expect(yield* snapshot).toEqual(before)
        }),
      )

      it.effect("numbers run per mechanism and per year", () =>
        Effect.gen(function* () {
          yield* TestClock.setTime(Date.parse("2027-01-04T09:00:00Z"))
          const sql = yield* SqlClient.SqlClient
          const first = yield* sql.withTransaction(ReferenceSequence.next(otherMechanismId, 2027))
          const second = yield* sql.withTransaction(ReferenceSequence.next(otherMechanismId, 2027))
          const otherYear = yield* sql.withTransaction(ReferenceSequence.next(otherMechanismId, 2028))
          expect([first, second, otherYear]).toEqual([1, 2, 1])
          // Rolled back: the number is handed out again.
          yield* Effect.exit(
            sql.withTransaction(Effect.zipRight(ReferenceSequence.next(otherMechanismId, 2027), Effect.fail("undo"))),
          )
          expect(yield* sql.withTransaction(ReferenceSequence.next(otherMechanismId, 2027))).toBe(3)
          expect((yield* open(1)).reference).toBe("GJI-2027-0001")
        }),
      )

      it.effect.prop(
        "any interleaving of commits and rollbacks leaves the committed numbers exactly 1..n",
        { mechanism: Id.MechanismId, outcomes: FastCheck.array(FastCheck.boolean(), { maxLength: 12 }) },
        ({ mechanism, outcomes }) =>
          Effect.gen(function* () {
            const sql = yield* SqlClient.SqlClient
            const committed: Array<number> = []
            yield* Effect.forEach(
              outcomes,
              (commit) =>
                sql
                  .withTransaction(
                    Effect.flatMap(ReferenceSequence.next(mechanism, 2031), (n) =>
                      commit ? Effect.sync(() => committed.push(n)) : Effect.fail("rolled back"),
                    ),
                  )
                  .pipe(Effect.ignore),
              { concurrency: 3 },
            )
            const n = outcomes.filter(Boolean).length
            expect(committed.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
            expect(yield* ReferenceSequence.last(mechanism, 2031)).toBe(n)
          }),
        { fastCheck: { numRuns: 20 } },
      )

      it.effect("refuses to allocate outside a transaction", () =>
        Effect.gen(function* () {
          const exit = yield* Effect.exit(ReferenceSequence.next(otherMechanismId, 2030))
          expect(Exit.isFailure(exit) && exit.cause._tag === "Die").toBe(true)
          expect(yield* ReferenceSequence.last(otherMechanismId, 2030)).toBe(0)
        }),
      )
    })
  })
}
