import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as ActionPlan from "../src/ActionPlan"
import * as ActionPlanLifecycle from "../src/ActionPlanLifecycle"
import { plan } from "./support/Fixtures"

const at = new Date("2025-01-01T00:00:00.000Z")
const draft: ActionPlan.ActionPlan = { ...plan, status: "draft" }

describe("ActionPlanLifecycle", () => {
  it("runs draft → adopted → in implementation → evaluated", () => {
    let current = draft
    for (const command of ["adopt", "start-implementation", "evaluate"] as const)
      current = Either.getOrThrow(ActionPlanLifecycle.transition(current, command, at))
    expect(current.status).toBe("evaluated")
    expect(current.updatedAt).toEqual(at)
  })

  it("refuses a step out of order, naming where it was", () => {
    const refused = ActionPlanLifecycle.transition(draft, "evaluate", at)
    expect(Either.isLeft(refused) && refused.left).toMatchObject({
      _tag: "InvalidTransition",
      entity: "ActionPlan",
      from: "draft",
      command: "evaluate",
    })
  })

  it("edits content only as a draft, records progress only once adopted and until evaluated", () => {
    expect(Either.isRight(ActionPlanLifecycle.acceptsEdits(draft, "edit"))).toBe(true)
    expect(Either.isLeft(ActionPlanLifecycle.acceptsEdits(plan, "edit"))).toBe(true)
    expect(Either.isLeft(ActionPlanLifecycle.acceptsProgress(draft, "measure"))).toBe(true)
    expect(Either.isRight(ActionPlanLifecycle.acceptsProgress(plan, "measure"))).toBe(true)
    expect(Either.isLeft(ActionPlanLifecycle.acceptsProgress({ ...plan, status: "evaluated" }, "measure"))).toBe(true)
  })

  it("only ever moves one status forward (property)", () => {
    fc.assert(
      fc.property(Arbitrary.make(ActionPlan.Status), Arbitrary.make(ActionPlanLifecycle.Command), (status, command) => {
        const next = ActionPlanLifecycle.next(status, command)
        return (
          Either.isLeft(next) || ActionPlan.statuses.indexOf(next.right) === ActionPlan.statuses.indexOf(status) + 1
        )
      }),
    )
  })

  it("reaches evaluated from draft in exactly three accepted steps, whatever is tried (property)", () => {
    fc.assert(
      fc.property(fc.array(Arbitrary.make(ActionPlanLifecycle.Command), { maxLength: 20 }), (commands) => {
        let status: ActionPlan.Status = "draft"
        let accepted = 0
        for (const command of commands) {
          const next = ActionPlanLifecycle.next(status, command)
          if (Either.isRight(next)) {
            status = next.right
            accepted += 1
          }
        }
        return accepted === ActionPlan.statuses.indexOf(status)
      }),
    )
  })
})
