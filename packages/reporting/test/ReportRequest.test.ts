// Bad input and refused principals: tagged errors naming the field and the
// rule, and nothing read (the statistics port is never called) or written.
import { type Errors, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as PlanImplementation from "../src/PlanImplementation"
import * as ReportAccess from "../src/ReportAccess"
import * as ReportingService from "../src/ReportingService"
import * as Statistics from "../src/Statistics"
import { caseWorker, gjilanCoordinator, national } from "./support/Principals"
import { mechanisms } from "./support/Seed"

const run = <A>(
  effect: Effect.Effect<
    A,
    Errors.InvalidInput | Errors.Forbidden,
    Statistics.Statistics | PlanImplementation.PlanImplementation | Principal.CurrentPrincipal
  >,
  principal: Principal.Principal = national,
) => {
  const calls: Array<string> = []
  const result = Effect.runSync(
    Effect.either(effect).pipe(
      Effect.provide(Statistics.layerTest({ calls })),
      Effect.provide(PlanImplementation.layerTest([])),
      Effect.provideService(Principal.CurrentPrincipal, principal),
    ),
  )
  return { result, calls }
}

const refusal = (outcome: ReturnType<typeof run>) => {
  expect(outcome.calls).toEqual([])
  if (Either.isRight(outcome.result)) throw new Error("expected a refusal")
  const error = outcome.result.left
  return error._tag === "InvalidInput"
    ? { _tag: error._tag, field: error.field, rule: error.rule }
    : { _tag: error._tag, rule: error.rule }
}

const table = {
  source: "cases",
  rows: "victim-sex",
  columns: "form",
  period: { start: "2025-01-01", end: "2025-12-31" },
}

describe("bad input", () => {
  it("a period that ends before it starts", () => {
    expect(
      refusal(run(ReportingService.table({ ...table, period: { start: "2025-12-31", end: "2025-01-01" } }))),
    ).toEqual({
      _tag: "InvalidInput",
      field: "period.end",
      rule: "reporting.period.ends-before-start",
    })
    expect(refusal(run(ReportingService.report({ period: { start: "2025-02-01", end: "2025-01-31" } })))).toEqual({
      _tag: "InvalidInput",
      field: "period.end",
      rule: "reporting.period.ends-before-start",
    })
  })

  it("an unknown dimension", () => {
    expect(refusal(run(ReportingService.table({ ...table, rows: "victim-name" })))).toEqual({
      _tag: "InvalidInput",
      field: "rows",
      rule: "reporting.dimension.unknown",
    })
  })

  it("a dimension the source does not have, or the same one twice", () => {
    expect(refusal(run(ReportingService.table({ ...table, columns: "service-type" })))).toEqual({
      _tag: "InvalidInput",
      field: "columns",
      rule: "reporting.dimension.not-in-source",
    })
    expect(refusal(run(ReportingService.table({ ...table, columns: "victim-sex" })))).toEqual({
      _tag: "InvalidInput",
      field: "columns",
      rule: "reporting.dimension.same",
    })
  })

  it("an unknown source, a malformed day, a year out of range, a missing field", () => {
    expect(refusal(run(ReportingService.table({ ...table, source: "victims" })))).toEqual({
      _tag: "InvalidInput",
      field: "source",
      rule: "reporting.source.unknown",
    })
    expect(
      refusal(run(ReportingService.table({ ...table, period: { start: "2025-02-30", end: "2025-12-31" } }))),
    ).toEqual({
      _tag: "InvalidInput",
      field: "period.start",
      rule: "civil-date.malformed",
    })
    expect(refusal(run(ReportingService.yearly({ year: 1999 })))).toEqual({
      _tag: "InvalidInput",
      field: "year",
      rule: "reporting.year.out-of-range",
    })
    expect(refusal(run(ReportingService.yearly({})))).toEqual({
      _tag: "InvalidInput",
      field: "year",
      rule: "reporting.input.invalid",
    })
  })
})

describe("who may see what", () => {
  it("national figures: the national coordinator only", () => {
    expect(refusal(run(ReportingService.yearly({ year: 2025 }), gjilanCoordinator))).toEqual({
      _tag: "Forbidden",
      rule: "reporting.scope.national-role-required",
    })
    expect(Either.isRight(run(ReportingService.yearly({ year: 2025 }), national).result)).toBe(true)
  })

  it("a mechanism's figures: its coordinator or the national coordinator; not a case worker, not another mechanism", () => {
    const gjilan = { year: 2025, mechanismId: mechanisms.gjilan }
    expect(Either.isRight(run(ReportingService.yearly(gjilan), gjilanCoordinator).result)).toBe(true)
    expect(Either.isRight(run(ReportingService.yearly(gjilan), national).result)).toBe(true)
    expect(refusal(run(ReportingService.yearly(gjilan), caseWorker))).toEqual({
      _tag: "Forbidden",
      rule: "reporting.scope.not-member",
    })
    expect(
      refusal(run(ReportingService.yearly({ year: 2025, mechanismId: mechanisms.prishtina }), gjilanCoordinator)),
    ).toEqual({ _tag: "Forbidden", rule: "reporting.scope.not-member" })
  })

  it("nothing hidden only inside the mechanism, for its coordinator", () => {
    const internal = { year: 2025, mechanismId: mechanisms.gjilan, disclosure: "internal" }
    expect(Either.isRight(run(ReportingService.yearly(internal), gjilanCoordinator).result)).toBe(true)
    expect(refusal(run(ReportingService.yearly(internal), national))).toEqual({
      _tag: "Forbidden",
      rule: "reporting.disclosure.internal-not-allowed",
    })
    expect(refusal(run(ReportingService.yearly({ year: 2025, disclosure: "internal" }), national))).toEqual({
      _tag: "Forbidden",
      rule: "reporting.disclosure.internal-not-allowed",
    })
  })

  it("a refusal names the action, never a value", () => {
    const denied = ReportAccess.authorize(caseWorker, undefined, "published")
    expect(Either.isLeft(denied) && denied.left.action).toBe("reporting.report.read")
  })
})
