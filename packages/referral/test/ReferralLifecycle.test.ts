import { Errors } from "@bashke/kernel"
import { Either, FastCheck as fc, Schema } from "effect"
import { describe, expect, it } from "vitest"
import * as Referral from "../src/Referral"
import * as ReferralLifecycle from "../src/ReferralLifecycle"
import { actor, sent } from "./Fixtures"

const hour = 3_600_000
const t0 = new Date("2026-03-02T09:00:00Z")
const at = (hours: number) => new Date(t0.getTime() + hours * hour)

const run = (commands: ReadonlyArray<ReferralLifecycle.Command>) =>
  commands.reduce<Either.Either<Referral.Referral, unknown>>(
    (state, command, i) => Either.flatMap(state, (r) => ReferralLifecycle.transition(r, command, actor(), at(i + 1))),
    Either.right(sent(t0)),
  )

describe("ReferralLifecycle.transition", () => {
  it("follows the closed loop sent → acknowledged → accepted → in service → completed", () => {
    const result = run([
      { _tag: "Acknowledge" },
      { _tag: "Accept" },
      { _tag: "StartService" },
      { _tag: "Complete", outcome: "service-completed" },
    ])
    const referral = Either.getOrThrow(result)
    expect(referral.status).toBe("completed")
    expect(referral.history.map((step) => step.status)).toEqual([
      "sent",
      "acknowledged",
      "accepted",
      "in-service",
      "completed",
    ])
    expect(referral.history[4]).toEqual({ status: "completed", at: at(4), actor: actor(), code: "service-completed" })
    expect(referral.version).toBe(4)
  })

  it("declines with a reason code", () => {
    const referral = Either.getOrThrow(run([{ _tag: "Acknowledge" }, { _tag: "Decline", reason: "no-capacity" }]))
    expect(referral.status).toBe("declined")
    expect(referral.history[2]?.code).toBe("no-capacity")
  })

  it("refuses a decline without a reason, naming the rule", () => {
    expect(ReferralLifecycle.transition(sent(t0), { _tag: "Decline" }, actor(), at(1))).toEqual(
      Either.left(new Errors.InvalidInput({ field: "reason", rule: "referral.decline.reason-required" })),
    )
  })

  it("refuses a completion without an outcome", () => {
    const result = run([{ _tag: "Accept" }, { _tag: "StartService" }, { _tag: "Complete" }])
    expect(result).toEqual(
      Either.left(new Errors.InvalidInput({ field: "outcome", rule: "referral.complete.outcome-required" })),
    )
  })

  it("refuses a transition out of order", () => {
    expect(ReferralLifecycle.transition(sent(t0), { _tag: "StartService" }, actor(), at(1))).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "Referral", from: "sent", command: "StartService" })),
    )
  })

  it("cancels or revokes from every open state, with a reason", () => {
    for (const path of [
      [],
      [{ _tag: "Acknowledge" }],
      [{ _tag: "Accept" }],
      [{ _tag: "Accept" }, { _tag: "StartService" }],
    ] as const) {
      for (const close of ["Cancel", "Revoke"] as const) {
        const closed = Either.getOrThrow(run([...path, { _tag: close, reason: "consent-withdrawn" }]))
        expect(closed.status).toBe(close === "Cancel" ? "cancelled" : "revoked")
        expect(run([...path, { _tag: close }])._tag).toBe("Left")
      }
    }
  })

  it("refuses a step dated before the previous one", () => {
    expect(ReferralLifecycle.transition(sent(t0), { _tag: "Acknowledge" }, actor(), at(-1))).toEqual(
      Either.left(new Errors.InvalidInput({ field: "at", rule: "referral.transition.before-previous" })),
    )
  })

  const command: fc.Arbitrary<ReferralLifecycle.Command> = fc
    .oneof(
      fc.constant({ _tag: "Acknowledge" as const }),
      fc.constant({ _tag: "Accept" as const }),
      fc.constant({ _tag: "StartService" as const }),
      fc.record({ _tag: fc.constant("Decline" as const), reason: fc.constantFrom("no-capacity", undefined) }),
      fc.record({ _tag: fc.constant("Complete" as const), outcome: fc.constantFrom("done", undefined) }),
      fc.record({ _tag: fc.constant("Cancel" as const), reason: fc.constantFrom("not-needed", undefined) }),
      fc.record({ _tag: fc.constant("Revoke" as const), reason: fc.constantFrom("consent-withdrawn", undefined) }),
    )
    .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as ReferralLifecycle.Command)

  it("property: every accepted step follows the machine, the history grows by one and times never go back", () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
        (commands, gaps) => {
          let referral = sent(t0)
          let time = t0.getTime()
          commands.forEach((c, i) => {
            time += (gaps[i] ?? 0) * 60_000
            const next = ReferralLifecycle.transition(referral, c, actor(), new Date(time))
            if (Either.isLeft(next)) {
              // Out of order is a transition error; in order, only a missing code fails.
              const allowed = ReferralLifecycle.allowed(referral.status, c._tag)
              expect(next.left._tag).toBe(allowed ? "InvalidInput" : "InvalidTransition")
              return
            }
            expect(ReferralLifecycle.machine[c._tag].from).toContain(referral.status)
            expect(next.right.status).toBe(ReferralLifecycle.machine[c._tag].to)
            expect(next.right.history.length).toBe(referral.history.length + 1)
            expect(next.right.version).toBe(referral.version + 1)
            referral = next.right
          })
          const times = referral.history.map((step) => step.at.getTime())
          expect([...times].sort((a, b) => a - b)).toEqual(times)
          expect(referral.history[referral.history.length - 1]?.status).toBe(referral.status)
        },
      ),
    )
  })

  it("property: a closed referral refuses every command", () => {
    fc.assert(
      fc.property(fc.constantFrom("declined", "completed", "cancelled", "revoked"), command, (status, c) => {
        const closed = { ...sent(t0), status: status as Referral.Status }
        expect(Referral.isOpen(closed)).toBe(false)
        const result = ReferralLifecycle.transition(closed, c, actor(), at(1))
        expect(Either.isLeft(result) && result.left._tag).toBe("InvalidTransition")
      }),
    )
  })

  it("property: every referral a command sequence reaches is valid under the schema", () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 8 }), (commands) => {
        const referral = commands.reduce(
          (r, c, i) => Either.getOrElse(ReferralLifecycle.transition(r, c, actor(), at(i + 1)), () => r),
          sent(t0),
        )
        expect(() => Schema.validateSync(Referral.Referral)(referral)).not.toThrow()
      }),
    )
  })
})
