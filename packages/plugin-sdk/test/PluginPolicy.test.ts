// Who acts through plugins and works their review queue: a plugin without a
// principal reaches no case, coordinators and administrators review, and a
// coordinator sees only its mechanisms' items (the refusals the gateway gave
// when it held these rules).
import { Errors, type Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Option } from "effect"
import * as PluginPolicy from "../src/PluginPolicy"
import * as ReviewQueue from "../src/ReviewQueue"

const gjilan = "01J9Z3K8V0M6YQ2R7T5W4X1B0M" as Id.MechanismId
const prizren = "01J9Z3K8V0M6YQ2R7T5W4X1B0Z" as Id.MechanismId

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

describe("PluginPolicy", () => {
  it("refuses every capability call of a plugin the host gives no principal", () => {
    const refusal = new Errors.Forbidden({ action: "plugin.capability", rule: "policy.role.not-permitted" })
    expect(PluginPolicy.requireActingPrincipal(Option.none())).toEqual(Either.left(refusal))
    expect(PluginPolicy.requireActingPrincipal(Option.some("settings"))).toEqual(Either.right("settings"))
    expect(PluginPolicy.unattended()).toEqual(refusal)
  })

  it("lets coordinators and administrators work the queue, each within reach", () => {
    expect(PluginPolicy.requireReviewer(person(["case-worker"], [gjilan]), "plugin.review.list")).toEqual(
      Either.left(new Errors.Forbidden({ action: "plugin.review.list", rule: "policy.role.not-permitted" })),
    )
    const coordinator = person(["coordinator"], [gjilan])
    expect(PluginPolicy.requireReviewer(coordinator, "plugin.review.read")).toEqual(Either.right(coordinator))
    expect(PluginPolicy.seesItem([gjilan, prizren], PluginPolicy.reviewScope(coordinator))).toBe(true)
    expect(PluginPolicy.seesItem([prizren], PluginPolicy.reviewScope(coordinator))).toBe(false)
    expect(PluginPolicy.seesItem([prizren], PluginPolicy.reviewScope(person(["administrator"], [])))).toBe(true)
  })

  it("attaches a proposal only to the case its record is already in, if any", () => {
    expect(ReviewQueue.fitsChosenCase(undefined, "case-a")).toBe(true)
    expect(ReviewQueue.fitsChosenCase("case-a", "case-a")).toBe(true)
    expect(ReviewQueue.fitsChosenCase("case-a", "case-b")).toBe(false)
  })

  it("property: a reviewer holds a reviewing role; a non-administrator sees only its mechanisms' items", () => {
    fc.assert(
      fc.property(Arbitrary.make(Principal.Principal), fc.subarray([gjilan, prizren]), (principal, itemMechanisms) => {
        expect(Either.isRight(PluginPolicy.requireReviewer(principal, "x"))).toBe(
          Principal.hasAnyRole(principal, ["coordinator", "administrator"]),
        )
        const sees = PluginPolicy.seesItem(itemMechanisms, PluginPolicy.reviewScope(principal))
        expect(sees).toBe(
          Principal.hasRole(principal, "administrator") ||
            itemMechanisms.some((mechanism) => principal.mechanisms.includes(mechanism)),
        )
      }),
    )
  })
})
