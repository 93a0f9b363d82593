// The register of closed cases: who may search it, and the filter's rule.
import { Errors, Id, type Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as ClosedCase from "../../src/ClosedCase"
import { institutions } from "./Fixtures"

const idAt = (n: number): string => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10).fill(n))
const mechanism = idAt(201) as Id.MechanismId
const person = (overrides: Partial<Principal.Principal>): Principal.Principal => ({
  id: idAt(202) as Id.PrincipalId,
  kind: "user",
  institution: institutions.police,
  sector: "police",
  roles: ["case-worker"],
  mechanisms: [mechanism],
  ...overrides,
})
const forbidden = (rule: string) => Either.left(new Errors.Forbidden({ action: "case.list", rule }))

describe("ClosedCase", () => {
  it("is searched by the mechanism's coordinator and its signatories' people only", () => {
    const signatories = [institutions.police, institutions.socialWork]
    expect(ClosedCase.maySearch(person({}), mechanism, signatories)).toEqual(Either.void)
    expect(ClosedCase.maySearch(person({ institution: institutions.shelter }), mechanism, signatories)).toEqual(
      forbidden("policy.memorandum.not-signatory"),
    )
    expect(
      ClosedCase.maySearch(
        person({ roles: ["coordinator"], institution: institutions.outsider }),
        mechanism,
        signatories,
      ),
    ).toEqual(Either.void)
    expect(ClosedCase.maySearch(person({ mechanisms: [] }), mechanism, signatories)).toEqual(
      forbidden("policy.mechanism.not-member"),
    )
    // The administrator finds a closed case to erase in any mechanism, without belonging to it.
    expect(ClosedCase.maySearch(person({ roles: ["administrator"], mechanisms: [] }), mechanism, signatories)).toEqual(
      Either.void,
    )
    expect(ClosedCase.maySearch(person({ roles: ["auditor"] }), mechanism, signatories)).toEqual(
      forbidden("policy.auditor.audit-only"),
    )
    expect(ClosedCase.maySearch(person({ roles: ["national-coordinator"] }), mechanism, signatories)).toEqual(
      forbidden("policy.national.aggregates-only"),
    )
  })

  it("matches a reference by its beginning in any case, and every other field exactly", () => {
    fc.assert(
      fc.property(Arbitrary.make(ClosedCase.ClosedCase), fc.integer({ min: 1, max: 16 }), (closed, length) => {
        const prefix = closed.reference.slice(0, length)
        expect(ClosedCase.matches(closed, { reference: prefix.toLowerCase() })).toBe(true)
        expect(ClosedCase.matches(closed, {})).toBe(true)
        expect(ClosedCase.matches(closed, { reference: `Q${prefix}` })).toBe(false)
        if (closed.reason !== undefined) expect(ClosedCase.matches(closed, { reason: closed.reason })).toBe(true)
        expect(ClosedCase.matches({ ...closed, reason: "goals-met" }, { reason: "risk-reduced" })).toBe(false)
      }),
    )
  })
})
