// The circuit breaker as a state machine: examples of each transition, and a
// property over random sequences of calls, outcomes and waits, checked
// against a plain model of what the breaker promises.
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { CircuitBreaker } from "../src/index"

const settings: CircuitBreaker.Settings = { threshold: 3, coolDownMillis: 1000 }

describe("CircuitBreaker", () => {
  it("opens at the third consecutive failure; a success in between starts the count again", () => {
    let state = CircuitBreaker.initial
    state = CircuitBreaker.fail(settings, state, 0)
    state = CircuitBreaker.fail(settings, state, 0)
    state = CircuitBreaker.succeed(state)
    state = CircuitBreaker.fail(settings, state, 0)
    state = CircuitBreaker.fail(settings, state, 0)
    expect(CircuitBreaker.status(settings, state, 0)).toBe("closed")
    state = CircuitBreaker.fail(settings, state, 5)
    expect(state).toEqual(CircuitBreaker.State.Open({ since: 5 }))
    expect(CircuitBreaker.admit(settings, state, 1004).admitted).toBe(false)
    const trial = CircuitBreaker.admit(settings, state, 1005)
    expect(trial).toEqual({ admitted: true, state: CircuitBreaker.State.HalfOpen({ trial: true }) })
    expect(CircuitBreaker.admit(settings, trial.state, 1005).admitted).toBe(false)
    expect(CircuitBreaker.fail(settings, trial.state, 1010)).toEqual(CircuitBreaker.State.Open({ since: 1010 }))
    expect(CircuitBreaker.succeed(trial.state)).toEqual(CircuitBreaker.initial)
  })

  it("a permanent failure changes nothing, and frees a half-open trial", () => {
    expect(CircuitBreaker.neutral(CircuitBreaker.State.Closed({ failures: 2 }))).toEqual(
      CircuitBreaker.State.Closed({ failures: 2 }),
    )
    expect(CircuitBreaker.neutral(CircuitBreaker.State.HalfOpen({ trial: true }))).toEqual(
      CircuitBreaker.State.HalfOpen({ trial: false }),
    )
  })

  type Step =
    | { readonly _tag: "call"; readonly outcome: "success" | "failure" | "permanent" }
    | { readonly _tag: "wait"; readonly millis: number }

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc
      .constantFrom("success" as const, "failure" as const, "permanent" as const)
      .map((outcome) => ({ _tag: "call" as const, outcome })),
    fc.integer({ min: 0, max: 1500 }).map((millis) => ({ _tag: "wait" as const, millis })),
  )

  it("behaves as its model over any sequence of calls and waits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(step, { maxLength: 200 }), (threshold, steps) => {
        const s: CircuitBreaker.Settings = { threshold, coolDownMillis: 1000 }
        let state = CircuitBreaker.initial
        let now = 0
        // The model: consecutive transient failures since the last success, and when the breaker last opened.
        let failures = 0
        let openedAt: number | undefined
        for (const next of steps) {
          if (next._tag === "wait") {
            now += next.millis
            continue
          }
          const { admitted, state: admittedState } = CircuitBreaker.admit(s, state, now)
          const modelAdmits = openedAt === undefined || now - openedAt >= s.coolDownMillis
          if (admitted !== modelAdmits) return false
          if (!admitted) {
            if (CircuitBreaker.status(s, admittedState, now) !== "open") return false
            state = admittedState
            continue
          }
          const wasTrial = openedAt !== undefined
          if (next.outcome === "success") {
            state = CircuitBreaker.succeed(admittedState)
            failures = 0
            openedAt = undefined
          } else if (next.outcome === "failure") {
            state = CircuitBreaker.fail(s, admittedState, now)
            failures++
            // A failed trial re-opens at once; otherwise the threshold-th failure opens.
            if (wasTrial || failures >= threshold) openedAt = now
          } else {
            state = CircuitBreaker.neutral(admittedState)
            // A permanent failure of a trial leaves the breaker half-open: the next call is a trial again.
            if (wasTrial) openedAt = now - s.coolDownMillis
          }
          const expected = openedAt === undefined ? "closed" : now - openedAt >= s.coolDownMillis ? "half-open" : "open"
          if (CircuitBreaker.status(s, state, now) !== expected) return false
        }
        return true
      }),
      { numRuns: 2000 },
    )
  })
})
