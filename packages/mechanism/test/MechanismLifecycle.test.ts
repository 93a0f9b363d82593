import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as MechanismLifecycle from "../src/MechanismLifecycle"

const ready = { hasCoordinator: true, memorandumSigned: true }
const id = "01J9Z3K8V0M6YQ2R7T5W4X1B0M"

describe("transition", () => {
  it("follows the table", () => {
    expect(MechanismLifecycle.transition(id, "forming", "activate", ready)).toEqual(Either.right("active"))
    expect(MechanismLifecycle.transition(id, "active", "suspend", ready)).toEqual(Either.right("suspended"))
    expect(MechanismLifecycle.transition(id, "suspended", "resume", ready)).toEqual(Either.right("active"))
    expect(MechanismLifecycle.transition(id, "active", "activate", ready)).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "Mechanism", from: "active", command: "activate" })),
    )
    expect(MechanismLifecycle.transition(id, "forming", "suspend", ready)._tag).toBe("Left")
    expect(MechanismLifecycle.commandsFrom("forming")).toEqual(["activate"])
  })

  it("guards the way into active", () => {
    expect(MechanismLifecycle.transition(id, "forming", "activate", { ...ready, hasCoordinator: false })).toEqual(
      Either.left(new Errors.Conflict({ entity: "Mechanism", id, rule: "mechanism.activation.coordinator-required" })),
    )
    expect(MechanismLifecycle.transition(id, "suspended", "resume", { ...ready, memorandumSigned: false })).toEqual(
      Either.left(new Errors.Conflict({ entity: "Mechanism", id, rule: "mechanism.activation.memorandum-unsigned" })),
    )
  })

  it("property: no command sequence reaches an illegal state", () => {
    const step = fc.record({
      command: fc.constantFrom(...MechanismLifecycle.Command.literals),
      hasCoordinator: fc.boolean(),
      memorandumSigned: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let status: MechanismLifecycle.Status = "forming"
        let leftForming = false
        for (const { command, ...readiness } of steps) {
          const result = MechanismLifecycle.transition(id, status, command, readiness)
          if (Either.isLeft(result)) continue
          const next = result.right
          // Only listed transitions happen …
          expect(MechanismLifecycle.transitions[status][command]).toBe(next)
          // … `active` is entered only when ready …
          if (next === "active") expect(readiness).toEqual(ready)
          // … and no way leads back to forming.
          if (leftForming) expect(next).not.toBe("forming")
          leftForming = true
          status = next
        }
        expect(MechanismLifecycle.Status.literals).toContain(status)
      }),
    )
  })

  it("property: a refused command is an InvalidTransition exactly when the table lacks it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MechanismLifecycle.Status.literals),
        fc.constantFrom(...MechanismLifecycle.Command.literals),
        fc.boolean(),
        fc.boolean(),
        (status, command, hasCoordinator, memorandumSigned) => {
          const result = MechanismLifecycle.transition(id, status, command, { hasCoordinator, memorandumSigned })
          const listed = MechanismLifecycle.transitions[status][command] !== undefined
          if (Either.isLeft(result)) expect(result.left._tag === "InvalidTransition").toBe(!listed)
          else expect(listed).toBe(true)
        },
      ),
    )
  })
})
