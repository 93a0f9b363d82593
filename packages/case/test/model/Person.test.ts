import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import { decodeEither } from "../../src/internal/Input"
import * as Person from "../../src/Person"
import * as Relationship from "../../src/Relationship"
import { child, perpetrator, profile, victim } from "./Fixtures"

describe("Relationship", () => {
  it("holds the eleven relationships of Law 03/L-182 art. 2, each current or former", () => {
    expect(Relationship.kinds).toHaveLength(11)
    expect(Relationship.decode({ kind: "parents-of-common-child", time: "former" }, "persons.2.relationship")).toEqual(
      Either.right({ kind: "parents-of-common-child", time: "former" }),
    )
  })

  it("refuses an unknown relationship with the rule and the field, never the value", () => {
    const unknown = new Errors.InvalidInput({ field: "persons.2.relationship", rule: "case.relationship.unknown" })
    expect(Relationship.decode({ kind: "neighbour", time: "current" }, "persons.2.relationship")).toEqual(
      Either.left(unknown),
    )
    expect(Relationship.decode({ kind: "married" }, "persons.2.relationship")).toEqual(Either.left(unknown))
    expect(Relationship.decode("married", "persons.2.relationship")).toEqual(Either.left(unknown))
  })

  it("decoding a person with an unknown relationship names persons.N.relationship", () => {
    const input = { persons: [{ ...victim }, { ...perpetrator, relationship: { kind: "colleague", time: "current" } }] }
    const result = decodeEither(Schema.Struct({ persons: Schema.Array(Person.Person) }))(input)
    expect(result).toEqual(
      Either.left(new Errors.InvalidInput({ field: "persons.1.relationship", rule: "case.relationship.unknown" })),
    )
  })

  it("property: whatever the input, the error never carries it", () => {
    fc.assert(
      fc.property(
        fc.string().map((s) => `⟨${s}⟩`),
        (kind) => {
          const result = Relationship.decode({ kind, time: "current" }, "persons.1.relationship")
          expect(Either.isLeft(result)).toBe(true)
          if (Either.isLeft(result)) {
            expect(JSON.stringify(result.left)).not.toContain("⟨")
            expect(result.left.message).not.toContain("⟨")
            expect(result.left.rule).toBe("case.relationship.unknown")
          }
        },
      ),
    )
  })
})

describe("Person", () => {
  it("validates the relationship rules", () => {
    expect(Person.validate(perpetrator, 1, 2026, profile)).toEqual(Either.right(perpetrator))
    const { relationship: _, ...withoutRelationship } = perpetrator
    expect(Person.validate(withoutRelationship, 1, 2026, profile)).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "persons.1.relationship", rule: "case.person.relationship-required" }),
      ),
    )
    expect(
      Person.validate({ ...victim, relationship: { kind: "married", time: "current" } }, 0, 2026, profile),
    ).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "persons.0.relationship", rule: "case.person.relationship-not-applicable" }),
      ),
    )
    expect(Person.validate({ ...victim, birthYear: 2030 }, 0, 2026, profile)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "persons.0.birthYear", rule: "case.person.birth-year.invalid" })),
    )
  })

  it("tells minors from adults", () => {
    expect(Person.isMinor(child, 2026)).toBe(true)
    expect(Person.isMinor(victim, 2026)).toBe(false)
    expect(Person.isMinor({ ...victim, birthYear: 2010 }, 2026)).toBe(true)
    expect(Person.isMinor({ ...victim, birthYear: 2008 }, 2026)).toBe(false)
    const { birthYear: _, ...noYear } = victim
    expect(Person.isMinor({ ...noYear, ageBand: "15-17" }, 2026)).toBe(true)
  })

  it("keeps identifying details out of the person", () => {
    const personFields = Object.keys(Person.Person.fields)
    for (const field of Person.personalFields) expect(personFields).not.toContain(field)
    expect(Object.keys(Person.PersonalDetails.fields).sort()).toEqual([...Person.personalFields].sort())
    expect(Person.personalFields).toContain(Person.indexedField)
  })

  it("refuses blank personal details, naming the rule", () => {
    const result = decodeEither(Person.PersonalDetails)({ givenName: "   " })
    expect(result).toEqual(
      Either.left(new Errors.InvalidInput({ field: "givenName", rule: "case.person.details.malformed" })),
    )
  })

  it("property: a generated person of any role passes validation once its relationship fits its role", () => {
    fc.assert(
      fc.property(Arbitrary.make(Person.Person), (generated) => {
        const { relationship, birthYear: _, community: __, ...rest } = generated
        const fitted =
          generated.role === "alleged-perpetrator"
            ? { ...rest, relationship: relationship ?? { kind: "engaged" as const, time: "former" as const } }
            : rest
        expect(Either.isRight(Person.validate(fitted, 0, 2026, profile))).toBe(true)
      }),
    )
  })
})
