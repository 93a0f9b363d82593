// Roles per mechanism → the principal: the principal never holds a role in a
// mechanism where the person was not granted it (property), and each refusal
// of `Grants.check` by example.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import { Grants } from "../src"

const person = {
  id: "01J9Z3K8V0M6YQ2R7T5W4X1BP1" as Id.PrincipalId,
  institution: "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId,
  sector: "police" as const,
}
const mechanisms = ["01J9Z3K8V0M6YQ2R7T5W4X1BM1", "01J9Z3K8V0M6YQ2R7T5W4X1BM2", "01J9Z3K8V0M6YQ2R7T5W4X1BM3"].map(
  (id) => id as Id.MechanismId,
)
const grant = fc.record({
  role: fc.constantFrom(...Principal.roles),
  mechanism: fc.constantFrom<Id.MechanismId | null>(null, ...mechanisms),
})

describe("Grants", () => {
  it("a principal made from accepted grants holds each role only where it was granted", () => {
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 8 }), fc.boolean(), (grants, hasInstitution) => {
        const who = hasInstitution ? person : { id: person.id }
        const checked = Grants.check(hasInstitution ? person : {}, grants)
        if (Either.isLeft(checked)) return
        const principal = Grants.principalOf(who, checked.right)
        for (const role of principal.roles) {
          if (Grants.mechanismRoles.includes(role)) {
            for (const mechanism of principal.mechanisms)
              expect(grants.some((g) => g.role === role && g.mechanism === mechanism)).toBe(true)
          } else {
            expect(grants.some((g) => g.role === role && g.mechanism === null)).toBe(true)
          }
        }
        for (const mechanism of principal.mechanisms) expect(grants.some((g) => g.mechanism === mechanism)).toBe(true)
        expect(principal.kind).toBe("user")
      }),
    )
  })

  it("refuses grants the principal could not state exactly", () => {
    const refusal = (grants: ReadonlyArray<Grants.Grant>, who: Parameters<typeof Grants.check>[0] = person) =>
      Either.flip(Grants.check(who, grants)).pipe(Either.getOrThrow)
    const [a, b] = mechanisms as [Id.MechanismId, Id.MechanismId]
    expect(refusal([{ role: "case-worker", mechanism: null }])).toEqual(
      new Errors.InvalidInput({ field: "grants", rule: "identity.grant.mechanism-required" }),
    )
    expect(refusal([{ role: "administrator", mechanism: a }]).rule).toBe("identity.grant.installation-role")
    expect(refusal([{ role: "coordinator", mechanism: a }], {}).rule).toBe("identity.grant.institution-required")
    expect(
      refusal([
        { role: "case-worker", mechanism: a },
        { role: "case-worker", mechanism: a },
      ]).rule,
    ).toBe("identity.grant.repeated")
    // A coordinator in A and a case worker in B would be a coordinator in B.
    expect(
      refusal([
        { role: "coordinator", mechanism: a },
        { role: "case-worker", mechanism: b },
      ]).rule,
    ).toBe("identity.grants.uneven")
  })

  it("maps a case worker of two mechanisms and an auditor onto one principal", () => {
    const [a, b] = mechanisms as [Id.MechanismId, Id.MechanismId]
    expect(
      Grants.principalOf(person, [
        { role: "case-worker", mechanism: b },
        { role: "case-worker", mechanism: a },
        { role: "auditor", mechanism: null },
      ]),
    ).toEqual({
      id: person.id,
      kind: "user",
      institution: person.institution,
      sector: "police",
      roles: ["auditor", "case-worker"],
      mechanisms: [a, b],
    })
  })

  it("an administrator administers anyone; a coordinator only people wholly within their mechanisms", () => {
    const [a, b] = mechanisms as [Id.MechanismId, Id.MechanismId]
    const coordinatorOfA = { roles: ["coordinator"] as const, mechanisms: [a] }
    expect(
      Grants.mayAdminister({ roles: ["administrator"], mechanisms: [] }, [{ role: "auditor", mechanism: null }]),
    ).toBe(true)
    expect(Grants.mayAdminister(coordinatorOfA, [{ role: "case-worker", mechanism: a }])).toBe(true)
    expect(Grants.mayAdminister(coordinatorOfA, [{ role: "case-worker", mechanism: b }])).toBe(false)
    expect(
      Grants.mayAdminister(coordinatorOfA, [
        { role: "case-worker", mechanism: a },
        { role: "case-worker", mechanism: b },
      ]),
    ).toBe(false)
    expect(Grants.mayAdminister(coordinatorOfA, [{ role: "national-coordinator", mechanism: null }])).toBe(false)
    expect(Grants.mayAdminister(coordinatorOfA, [])).toBe(false)
    expect(
      Grants.mayAdminister({ roles: ["case-worker"], mechanisms: [a] }, [{ role: "case-worker", mechanism: a }]),
    ).toBe(false)
  })
})
