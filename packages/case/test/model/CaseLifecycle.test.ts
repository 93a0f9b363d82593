import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as Case from "../../src/Case"
import * as CaseLifecycle from "../../src/CaseLifecycle"
import { aCase, dashAssessment, riskLevel } from "./Fixtures"

const { Command } = CaseLifecycle

describe("CaseLifecycle", () => {
  it("follows open → assessed → active → monitoring → closed, and reopens to active", () => {
    let status: CaseLifecycle.Status = "open"
    for (const [command, expected] of [
      [Command.assess(), "assessed"],
      [Command.activate(), "active"],
      [Command.monitor(), "monitoring"],
      [Command.activate(), "active"],
      [Command.monitor(), "monitoring"],
      [Command.close({ reason: "risk-reduced" }), "closed"],
      [Command.reopen({ reason: "new-incident" }), "active"],
    ] as const) {
      status = Either.getOrThrow(CaseLifecycle.transition(status, command, {}))
      expect(status).toBe(expected)
    }
    expect(CaseLifecycle.transition("open", Command.monitor(), {})).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "Case", from: "open", command: "monitor" })),
    )
    expect(CaseLifecycle.commandsFrom("closed")).toEqual(["reopen"])
  })

  it("closing a high-risk case needs a reason; other cases may close without one", () => {
    expect(CaseLifecycle.transition("active", Command.close({}), { risk: "high" })).toEqual(
      Either.left(new Errors.InvalidInput({ field: "reason", rule: "case.close.high-risk-reason-required" })),
    )
    expect(
      CaseLifecycle.transition("active", Command.close({ reason: "victim-moved-away" }), { risk: "high" }),
    ).toEqual(Either.right("closed"))
    expect(CaseLifecycle.transition("active", Command.close({}), { risk: "medium" })).toEqual(Either.right("closed"))
  })

  it("reopening needs a reason", () => {
    expect(CaseLifecycle.transition("closed", Command.reopen({}), {})).toEqual(
      Either.left(new Errors.InvalidInput({ field: "reason", rule: "case.reopen.reason-required" })),
    )
  })

  it("Case.transition records and clears the closure, judging risk from the whole case", () => {
    const at = new Date("2026-05-01T10:00:00Z")
    const highRisk = aCase({ status: "active", assessments: [dashAssessment(18, new Date("2026-04-01T10:00:00Z"))] })
    expect(Case.transition(highRisk, Command.close({}), at)).toEqual(
      Either.left(new Errors.InvalidInput({ field: "reason", rule: "case.close.high-risk-reason-required" })),
    )
    const closed = Either.getOrThrow(Case.transition(highRisk, Command.close({ reason: "transferred" }), at))
    expect(closed).toMatchObject({ status: "closed", closure: { closedAt: at, reason: "transferred" } })
    const reopened = Either.getOrThrow(Case.transition(closed, Command.reopen({ reason: "order-breached" }), at))
    expect(reopened.status).toBe("active")
    expect(reopened.closure).toBeUndefined()
  })

  it("property: no command sequence reaches an illegal state", () => {
    const command = fc.oneof(
      fc.constant(Command.assess()),
      fc.constant(Command.activate()),
      fc.constant(Command.monitor()),
      fc
        .option(fc.constantFrom(...CaseLifecycle.ClosureReason.literals), { nil: undefined })
        .map((reason) => Command.close({ reason })),
      fc
        .option(fc.constantFrom(...CaseLifecycle.ReopenReason.literals), { nil: undefined })
        .map((reason) => Command.reopen({ reason })),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.option(riskLevel, { nil: undefined })), { maxLength: 40 }), (steps) => {
        let status: CaseLifecycle.Status = "open"
        for (const [cmd, risk] of steps) {
          const result = CaseLifecycle.transition(status, cmd, { risk })
          if (Either.isLeft(result)) {
            // A refusal changes nothing, and says why without data.
            expect(["InvalidTransition", "InvalidInput"]).toContain(result.left._tag)
            continue
          }
          const next = result.right
          expect(CaseLifecycle.transitions[status][cmd._tag]).toBe(next)
          if (next === "closed" && risk === "high") expect(cmd._tag === "close" && cmd.reason).toBeTruthy()
          if (status === "closed") expect(cmd._tag === "reopen" && cmd.reason).toBeTruthy()
          // Nothing goes back to `open` or `assessed` once a case is worked.
          if (status !== "open") expect(next).not.toBe("open")
          status = next
        }
        expect(CaseLifecycle.Status.literals).toContain(status)
      }),
    )
  })
})
