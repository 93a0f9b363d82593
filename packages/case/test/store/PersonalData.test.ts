// Personal details through the vault, on SQLite and PostgreSQL: any details
// round-trip, no sealed value contains its plaintext, a value moved to another
// person or field does not open, the personal number is found by its blind
// index however it is typed, and every write and read is audited — a read
// without a purpose writes nothing at all.
import { Id, type Principal } from "@bashke/kernel"
import { AuditLog, BlindIndex } from "@bashke/security"
import { describe, expect, it, layer } from "@effect/vitest"
import { Arbitrary, Effect, Exit, FastCheck as fc } from "effect"
import * as Person from "../../src/Person"
import * as PersonalData from "../../src/PersonalData"
import { databases, institutions, mechanismId, principals, services, snapshot, start, ulid } from "./support/Databases"

const caseId = ulid(90) as Id.CaseId
const personId = ulid(91) as Id.PersonId
const otherPersonId = ulid(92) as Id.PersonId

const access = (
  principal: Principal.Principal,
  person: Id.PersonId = personId,
  purpose: PersonalData.Access["purpose"] = "case-management",
): PersonalData.Access => ({ principal, mechanismId, caseId, personId: person, purpose })

const details: Person.PersonalDetails = {
  givenName: "Shqipe",
  familyName: "Morina",
  personalNumber: "1003004005",
  birthDate: "1993-06-30",
  address: "Rruga e Dëshmorëve 8, Kamenicë",
  phone: "+383 44 555 010",
  safeContact: "Vetëm SMS, pa emër",
}

describe("PersonalData.aad", () => {
  it("names the person and the field, in kebab-case", () => {
    expect(PersonalData.aad(personId, "familyName")).toBe(`person:${personId}:family-name`)
    expect(PersonalData.aad(personId, "safeContact")).toBe(`person:${personId}:safe-contact`)
  })

  it("is different for every person and field", () => {
    fc.assert(
      fc.property(
        Arbitrary.make(Id.PersonId),
        Arbitrary.make(Id.PersonId),
        fc.constantFrom(...Person.personalFields),
        fc.constantFrom(...Person.personalFields),
        (a, b, f, g) => (PersonalData.aad(a, f) === PersonalData.aad(b, g)) === (a === b && f === g),
      ),
    )
  })
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: PersonalData`, () => {
    layer(services(db))((it) => {
      it.effect("seals every field on its own, indexes the personal number, and audits the write", () =>
        Effect.gen(function* () {
          yield* start
          const personal = yield* PersonalData.PersonalData
          const sealed = yield* personal.write(access(principals.officer), details)
          expect(Object.keys(sealed.fields).sort()).toEqual([...Person.personalFields].sort())
          for (const [field, value] of Object.entries(sealed.fields)) {
            expect(value).toMatch(/^v1\./)
            expect(value.includes(details[field as Person.PersonalField] ?? "")).toBe(false)
          }
          expect(sealed.personalNumberIndex).toBe(yield* personal.indexOf("100-300 400.5"))
          expect(sealed.personalNumberIndex).toBe(
            yield* (yield* BlindIndex.BlindIndex).compute("personal-number", "1003004005"),
          )
          const entries = yield* (yield* AuditLog.AuditLog).forPerson(personId)
          expect(entries.map((e) => [e.action, e.purpose, e.principalId, e.institutionId, e.caseId])).toEqual([
            ["write", "case-management", principals.officer.id, institutions.police, caseId],
          ])

          // Read in part, audited as a read.
          const read = yield* personal.read(access(principals.caseManager), sealed.fields, ["address", "phone"])
          expect(read).toEqual({ address: details.address, phone: details.phone })
          expect((yield* (yield* AuditLog.AuditLog).forPerson(personId)).map((e) => e.action)).toEqual([
            "write",
            "read",
          ])

          // Moved to another person, or to another field, a value does not open.
          const moved = yield* Effect.exit(personal.read(access(principals.caseManager, otherPersonId), sealed.fields))
          expect(Exit.isFailure(moved) && moved.cause._tag === "Die").toBe(true)
          const swapped = yield* Effect.exit(
            personal.read(access(principals.caseManager), { givenName: sealed.fields.familyName ?? "" } as never),
          )
          expect(Exit.isFailure(swapped) && swapped.cause._tag === "Die").toBe(true)
          // A read whose values do not open records nothing: no one saw anything.
          expect((yield* (yield* AuditLog.AuditLog).forCase(caseId)).map((e) => e.action)).toEqual(["write", "read"])
        }),
      )

      it.effect("a read without a purpose is refused before anything is written", () =>
        Effect.gen(function* () {
          yield* start
          const personal = yield* PersonalData.PersonalData
          const sealed = yield* personal.write(access(principals.officer), details)
          const before = yield* snapshot
          const refused = yield* Effect.flip(
            personal.read({ principal: principals.caseManager, mechanismId, caseId, personId }, sealed.fields),
          )
          expect({ field: refused.field, rule: refused.rule }).toEqual({
            field: "purpose",
            rule: "audit.purpose.required",
          })
          expect(yield* snapshot).toEqual(before)
          expect(JSON.stringify(refused)).not.toContain("Morina")
        }),
      )

      it.effect("any details round-trip, and no sealed value holds its plaintext", () =>
        Effect.gen(function* () {
          yield* start
          const personal = yield* PersonalData.PersonalData
          const samples = fc.sample(Arbitrary.make(Person.PersonalDetails), { numRuns: 25, seed: 42 })
          for (const sample of samples) {
            const id = Id.ulidAt(1_760_000_000_000, crypto.getRandomValues(new Uint8Array(10))) as Id.PersonId
            const written = yield* Effect.either(personal.write(access(principals.officer, id), sample))
            if (written._tag === "Left") {
              // A personal number that normalizes to nothing cannot be indexed.
              expect(written.left.rule).toBe("blind-index.empty")
              continue
            }
            const { fields } = written.right
            for (const field of Person.personalFields) {
              const plaintext = sample[field]
              if (plaintext !== undefined && plaintext.length >= 4)
                expect(fields[field]?.includes(plaintext)).toBe(false)
            }
            expect(yield* personal.read(access(principals.caseManager, id), fields)).toEqual(sample)
          }
        }),
      )
    })
  })
}
