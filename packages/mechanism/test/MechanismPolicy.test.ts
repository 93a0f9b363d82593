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

// The rules the gateway held until issue 19: the same refusals, now decided here.
describe("MechanismPolicy scope, stewardship and oversight", () => {
  it("reaches a mechanism its token names; the roles given look across mechanisms", () => {
    const outside = person(["case-worker"], police, [other])
    expect(MechanismPolicy.requireScope(outside, mechanismId, "meeting.list")).toEqual(
      Either.left(new Errors.Forbidden({ action: "meeting.list", rule: "gateway.mechanism.not-member" })),
    )
    expect(Either.isRight(MechanismPolicy.requireScope(person(["case-worker"]), mechanismId, "meeting.list"))).toBe(
      true,
    )
    const national = person(["national-coordinator"], undefined, [])
    expect(Either.isRight(MechanismPolicy.requireScope(national, mechanismId, "x", ["national-coordinator"]))).toBe(
      true,
    )
    expect(MechanismPolicy.mayRead(national, mechanismId)).toBe(true)
    expect(MechanismPolicy.mayRead(outside, mechanismId)).toBe(false)
  })

  it("lets an administrator or the mechanism's coordinator steward it; an institution its own contacts", () => {
    expect(
      MechanismPolicy.requireSteward(person(["member-representative"]), mechanismId, "mechanism.configure"),
    ).toEqual(
      Either.left(new Errors.Forbidden({ action: "mechanism.configure", rule: "gateway.mechanism.steward-required" })),
    )
    expect(Either.isRight(MechanismPolicy.requireSteward(person(["coordinator"]), mechanismId, "x"))).toBe(true)
    expect(
      Either.isLeft(MechanismPolicy.requireSteward(person(["coordinator"], police, [other]), mechanismId, "x")),
    ).toBe(true)
    expect(Either.isRight(MechanismPolicy.requireSteward(person(["case-worker"]), mechanismId, "x", police))).toBe(true)
    expect(Either.isLeft(MechanismPolicy.requireSteward(person(["case-worker"]), mechanismId, "x", school))).toBe(true)
  })

  it("opens case data to the coordinator and signatories, aggregates to the national coordinator", () => {
    const national = person(["national-coordinator"], undefined, [])
    expect(MechanismPolicy.requireOverseer(person(["case-worker"]), mechanismId, false, "case.list")).toEqual(
      Either.left(new Errors.Forbidden({ action: "case.list", rule: "policy.memorandum.not-signatory" })),
    )
    expect(Either.isRight(MechanismPolicy.requireOverseer(person(["case-worker"]), mechanismId, true, "x"))).toBe(true)
    expect(Either.isRight(MechanismPolicy.requireOverseer(person(["coordinator"]), mechanismId, false, "x"))).toBe(true)
    expect(Either.isLeft(MechanismPolicy.requireOverseer(national, mechanismId, false, "referral.overdue"))).toBe(true)
    const times = MechanismPolicy.requireOverseer(national, mechanismId, false, "x", { national: true })
    expect(Either.isRight(times)).toBe(true)
    // A signatory's worker whose token names another mechanism sees nothing here.
    expect(
      Either.isLeft(MechanismPolicy.requireOverseer(person(["case-worker"], police, [other]), mechanismId, true, "x")),
    ).toBe(true)
  })

  it("property: the memorandum counts only where it is asked; oversight needs the role, or signing within", () => {
    fc.assert(
      fc.property(principals, fc.boolean(), fc.boolean(), (fields, signatory, national) => {
        const principal = person(fields.roles, fields.institution, fields.mechanisms)
        const options = { national }
        const decide = (signed: boolean) =>
          Either.isRight(MechanismPolicy.requireOverseer(principal, mechanismId, signed, "x", options))
        const asked = MechanismPolicy.asksSignatory(principal, mechanismId, options)
        if (!asked) expect(decide(true)).toBe(decide(false))
        const expected =
          (national && Principal.hasRole(principal, "national-coordinator")) ||
          MechanismPolicy.coordinates(principal, mechanismId) ||
          (signatory && principal.institution !== undefined && Principal.belongsTo(principal, mechanismId))
        expect(decide(signatory)).toBe(expected)
      }),
    )
  })

  it("property: a steward is an administrator or the coordinator within; scope is the token or the roles given", () => {
    fc.assert(
      fc.property(principals, (fields) => {
        const principal = person(fields.roles, fields.institution, fields.mechanisms)
        expect(Either.isRight(MechanismPolicy.requireSteward(principal, mechanismId, "x"))).toBe(
          Principal.hasRole(principal, "administrator") ||
            (Principal.hasRole(principal, "coordinator") && principal.mechanisms.includes(mechanismId)),
        )
        expect(Either.isRight(MechanismPolicy.requireScope(principal, mechanismId, "x", ["administrator"]))).toBe(
          principal.mechanisms.includes(mechanismId) || Principal.hasRole(principal, "administrator"),
        )
      }),
    )
  })
})
