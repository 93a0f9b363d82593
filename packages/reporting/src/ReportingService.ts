/**
 * The use cases: one count table by two dimensions ({@link table}), the
 * standard tables for a period ({@link report}) or a calendar year
 * ({@link yearly}). Each decodes its untrusted input, checks who asks
 * (`ReportAccess`), reads the statistics views through the `Statistics` port
 * and returns codes and numbers; small cells are hidden unless the figures
 * stay inside the mechanism. The threshold, the consent rule and the time
 * zone come from the jurisdiction profile in effect. Nothing is written: a
 * refused request reads nothing either.
 *
 * A report asks one query per source (the dimensions of all its tables at
 * once) and draws its tables from the answers, so every table of a report
 * comes from the same counts; the queries run concurrently where the
 * database allows.
 */
import { type Errors, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Effect } from "effect"
import * as Cube from "./Cube"
import { decodeInput } from "./internal/Input"
import * as MeasureTables from "./MeasureTables"
import { PlanImplementation } from "./PlanImplementation"
import * as Report from "./Report"
import * as ReportAccess from "./ReportAccess"
import * as ReportPeriod from "./ReportPeriod"
import * as ReportRequest from "./ReportRequest"
import type * as Source from "./Source"
import * as StandardTables from "./StandardTables"
import { type Filter, Statistics } from "./Statistics"

const prepare = (request: {
  readonly period: ReportPeriod.ReportPeriod
  readonly mechanismId?: ReportRequest.TableRequest["mechanismId"]
  readonly disclosure: ReportRequest.Disclosure
}) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    yield* ReportAccess.authorize(principal, request.mechanismId, request.disclosure)
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const filter: Filter = {
      ...ReportPeriod.instants(request.period, profile.timezone),
      mechanismId: request.mechanismId,
      consentRequired: profile.statistics.consentRequired.value,
    }
    const threshold = request.disclosure === "published" ? profile.statistics.smallCellThreshold.value : undefined
    return { profile, filter, threshold }
  })

/**
 * One count table: a source by two of its dimensions.
 */
export const table = (
  input: unknown,
): Effect.Effect<Report.CountTable, Errors.InvalidInput | Errors.Forbidden, Statistics | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const request = yield* decodeInput(ReportRequest.TableRequest)(input)
    const { profile, filter, threshold } = yield* prepare(request)
    const statistics = yield* Statistics
    const dimensions = [request.rows, request.columns]
    const groups = yield* statistics.groups(request.source, dimensions, filter)
    return Report.countTable({
      name: "custom",
      source: request.source,
      rowDimension: request.rows,
      columnDimension: request.columns,
      table: Cube.table({ dimensions, groups }, request.rows, request.columns, profile),
      threshold,
    })
  }).pipe(Effect.withSpan("ReportingService.table"))

const standard = (request: ReportRequest.ReportRequest) =>
  Effect.gen(function* () {
    const { profile, filter, threshold } = yield* prepare(request)
    const statistics = yield* Statistics
    const plans = yield* PlanImplementation
    // Nationally, the cases are counted by mechanism too: the mechanisms with a
    // case in the period are listed in the meeting and plan tables beside
    // those that ever met (a mechanism that holds no meeting must show).
    const cube = (source: Source.Source) => {
      const dimensions = [
        ...StandardTables.dimensionsOf(source),
        ...(source === "cases" && request.mechanismId === undefined ? (["mechanism"] as const) : []),
      ]
      return Effect.map(statistics.groups(source, dimensions, filter), (groups): Cube.Cube => ({ dimensions, groups }))
    }
    const answers = yield* Effect.all(
      {
        cases: cube("cases"),
        perpetrators: cube("perpetrators"),
        orders: cube("protection-orders"),
        referrals: cube("referrals"),
        incidents: cube("incidents"),
        responseTimes: statistics.responseTimes(filter),
        meetings: statistics.meetings(filter),
        met: request.mechanismId === undefined ? statistics.mechanisms : Effect.succeed([request.mechanismId]),
      },
      { concurrency: "unbounded" },
    )
    const cubes: { readonly [S in Source.Source]: Cube.Cube } = {
      cases: answers.cases,
      perpetrators: answers.perpetrators,
      "protection-orders": answers.orders,
      referrals: answers.referrals,
      incidents: answers.incidents,
    }
    const withCases = answers.cases.groups.map((group) => group.values[answers.cases.dimensions.indexOf("mechanism")])
    const mechanisms = [
      ...new Set([...answers.met, ...withCases.filter((id): id is Id.MechanismId => id !== undefined)]),
    ].sort()
    const levels = yield* plans.levels(mechanisms, request.period)
    const tables: ReadonlyArray<Report.Table> = [
      ...StandardTables.counts.map((spec) =>
        Report.countTable({
          name: spec.name,
          source: spec.source,
          rowDimension: spec.rows,
          columnDimension: spec.columns,
          table: Cube.table(cubes[spec.source], spec.rows, spec.columns, profile),
          threshold,
        }),
      ),
      MeasureTables.responseTimes(answers.responseTimes, threshold, profile),
      MeasureTables.meetings(mechanisms, answers.meetings, MeasureTables.requiredMeetings(profile, request.period)),
      MeasureTables.planImplementation(mechanisms, levels),
    ]
    const report: Report.Report = {
      scope:
        request.mechanismId === undefined
          ? { _tag: "National" }
          : { _tag: "Mechanism", mechanismId: request.mechanismId },
      period: request.period,
      disclosure: request.disclosure,
      threshold: profile.statistics.smallCellThreshold.value,
      consentRequired: profile.statistics.consentRequired.value,
      tables,
    }
    return report
  })

/**
 * The standard tables for a period.
 */
export const report = (
  input: unknown,
): Effect.Effect<
  Report.Report,
  Errors.InvalidInput | Errors.Forbidden,
  Statistics | PlanImplementation | Principal.CurrentPrincipal
> =>
  Effect.flatMap(decodeInput(ReportRequest.ReportRequest)(input), standard).pipe(
    Effect.withSpan("ReportingService.report"),
  )

/**
 * The standard tables for a calendar year (1 January to 31 December in the
 * jurisdiction's time zone).
 */
export const yearly = (
  input: unknown,
): Effect.Effect<
  Report.Report,
  Errors.InvalidInput | Errors.Forbidden,
  Statistics | PlanImplementation | Principal.CurrentPrincipal
> =>
  Effect.flatMap(decodeInput(ReportRequest.YearlyRequest)(input), (request) =>
    standard({
      period: ReportPeriod.ofYear(request.year),
      disclosure: request.disclosure,
      ...(request.mechanismId === undefined ? {} : { mechanismId: request.mechanismId }),
    }),
  ).pipe(Effect.withSpan("ReportingService.yearly"))
