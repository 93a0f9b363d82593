// Who reads a mechanism's plans: the principals its token names and the
// national coordinator; anyone else is refused the list (the refusal the
// gateway gave when it held this rule).
import { Errors, type Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as ActionPlanPolicy from "../src/ActionPlanPolicy"

const mechanismId = "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId
const other = "01J9Z3K8V0M6YQ2R7T5W4X1B0Z" as Id.MechanismId

const person = (
  roles: ReadonlyArray<Principal.Role>,
  mechanisms: ReadonlyArray<Id.MechanismId>,
): Principal.Principal => ({
  id: "01J9Z3K8V0M6YQ2R7T5W4X1BP9" as Id.PrincipalId,
  kind: "user",
  institution: "01J9Z3K8V0M6YQ2R7T5W4X1B0P" as Id.InstitutionId,
  roles,
  mechanisms,
})

describe("ActionPlanPolicy", () => {
  it("lets a member of the mechanism and the national coordinator list its plans", () => {
    expect(
      Either.isRight(ActionPlanPolicy.requireListReader(person(["member-representative"], [mechanismId]), mechanismId)),
    ).toBe(true)
    expect(Either.isRight(ActionPlanPolicy.requireListReader(person(["national-coordinator"], []), mechanismId))).toBe(
      true,
    )
    expect(ActionPlanPolicy.requireListReader(person(["coordinator"], [other]), mechanismId)).toEqual(
      Either.left(new Errors.Forbidden({ action: "action-plan.plan.list", rule: "action-plan.plan.read-denied" })),
    )
  })

  it("property: a reader is the national coordinator or named by its token", () => {
    fc.assert(
      fc.property(Arbitrary.make(Principal.Principal), (principal) => {
        const allowed =
          Principal.hasRole(principal, "national-coordinator") || principal.mechanisms.includes(mechanismId)
        expect(ActionPlanPolicy.mayRead(principal, mechanismId)).toBe(allowed)
        expect(Either.isRight(ActionPlanPolicy.requireListReader(principal, mechanismId))).toBe(allowed)
      }),
    )
  })
})
