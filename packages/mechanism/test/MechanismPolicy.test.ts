// Who records and who countersigns a memorandum signature: examples, and
// properties over every combination of roles, mechanisms and institutions.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as MechanismPolicy from "../src/MechanismPolicy"

const mechanismId = "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId
const other = "01J9Z3K8V0M6YQ2R7T5W4X1B0Z" as Id.MechanismId
const police = "01J9Z3K8V0M6YQ2R7T5W4X1B0P" as Id.InstitutionId
const school = "01J9Z3K8V0M6YQ2R7T5W4X1B0Q" as Id.InstitutionId

const person = (
  roles: ReadonlyArray<Principal.Role>,
  institution: Id.InstitutionId | undefined = police,
  mechanisms: ReadonlyArray<Id.MechanismId> = [mechanismId],
): Principal.Principal => ({
  id: "01J9Z3K8V0M6YQ2R7T5W4X1BP9" as Id.PrincipalId,
  kind: "user",
  ...(institution === undefined ? {} : { institution }),
  roles,
  mechanisms,
})

const principals = fc.record({
  roles: fc.uniqueArray(fc.constantFrom(...Principal.roles), { maxLength: 3 }),
  institution: fc.option(fc.constantFrom(police, school), { nil: undefined }),
  mechanisms: fc.uniqueArray(fc.constantFrom(mechanismId, other), { maxLength: 2 }),
})

describe("MechanismPolicy", () => {
  it("lets the coordinator and an administrator record any member's signature, a representative only its own", () => {
    expect(Either.isRight(MechanismPolicy.requireSignatureRecorder(person(["coordinator"]), mechanismId, school))).toBe(
      true,
    )
    expect(
      Either.isRight(
        MechanismPolicy.requireSignatureRecorder(person(["administrator"], undefined, []), mechanismId, school),
      ),
    ).toBe(true)
    expect(
      Either.isRight(MechanismPolicy.requireSignatureRecorder(person(["member-representative"]), mechanismId, police)),
    ).toBe(true)
    expect(MechanismPolicy.requireSignatureRecorder(person(["member-representative"]), mechanismId, school)).toEqual(
      Either.left(
        new Errors.Forbidden({
          action: "mechanism.memorandum.sign",
          rule: "mechanism.memorandum.signature-recorder-required",
        }),
      ),
    )
    // A case worker records nothing; a coordinator of another mechanism neither.
    expect(Either.isLeft(MechanismPolicy.requireSignatureRecorder(person(["case-worker"]), mechanismId, police))).toBe(
      true,
    )
    expect(
      Either.isLeft(
        MechanismPolicy.requireSignatureRecorder(person(["coordinator"], police, [other]), mechanismId, school),
      ),
    ).toBe(true)
  })

  it("lets only the mechanism's coordinator or an administrator countersign", () => {
    expect(Either.isRight(MechanismPolicy.requireCountersigner(person(["coordinator"]), mechanismId))).toBe(true)
    expect(
      Either.isRight(MechanismPolicy.requireCountersigner(person(["administrator"], undefined, []), mechanismId)),
    ).toBe(true)
    expect(MechanismPolicy.requireCountersigner(person(["member-representative"]), mechanismId)).toEqual(
      Either.left(
        new Errors.Forbidden({
          action: "mechanism.memorandum.countersign",
          rule: "mechanism.memorandum.countersigner-required",
        }),
      ),
    )
    expect(
      Either.isLeft(MechanismPolicy.requireCountersigner(person(["coordinator"], police, [other]), mechanismId)),
    ).toBe(true)
  })

  it("property: no one but an administrator or the mechanism's coordinator both records and makes count a signature", () => {
    fc.assert(
      fc.property(principals, fc.constantFrom(police, school), ({ roles, institution, mechanisms }, signing) => {
        const principal = person(roles, institution, mechanisms)
        const steward =
          roles.includes("administrator") || (roles.includes("coordinator") && mechanisms.includes(mechanismId))
        expect(Either.isRight(MechanismPolicy.requireCountersigner(principal, mechanismId))).toBe(steward)
        const records = Either.isRight(MechanismPolicy.requireSignatureRecorder(principal, mechanismId, signing))
        // Whoever records without being a steward records its own institution's signature only.
        if (records && !steward) {
          // The principal's institution, not the drawn one: person() defaults a missing one to the police.
          expect(principal.institution).toBe(signing)
          expect(roles).toContain("member-representative")
          expect(mechanisms).toContain(mechanismId)
        }
        if (steward) expect(records).toBe(true)
      }),
    )
  })
})
