/**
 * The port through which an indicator is computed from the system's own data
 * instead of typed in: each named query answers `{ numerator, denominator }`
 * for a period, and the indicator's value is their share in percent. The app
 * wires it to case, referral and meeting data; {@link layerTest} answers from a
 * table.
 */
import { Context, Effect, Layer, Schema } from "effect"
import type { Period } from "./Period"

/**
 * The named queries:
 * - `high-risk-cases-reviewed-within-30-days`: high-risk cases opened in the period (denominator) reviewed at a meeting within 30 days (numerator);
 * - `referrals-acknowledged-in-time`: referrals sent in the period, and those acknowledged within their deadline;
 * - `meetings-held-vs-required`: regular meetings the cadence requires in the period, and those held.
 */
export const QueryName = Schema.Literal(
  "high-risk-cases-reviewed-within-30-days",
  "referrals-acknowledged-in-time",
  "meetings-held-vs-required",
).annotations({ identifier: "IndicatorQueryName" })

export type QueryName = typeof QueryName.Type

/**
 * A query's answer for a period.
 */
export const Ratio = Schema.Struct({
  numerator: Schema.NonNegativeInt,
  denominator: Schema.NonNegativeInt,
}).annotations({ identifier: "IndicatorRatio" })

export type Ratio = typeof Ratio.Type

/**
 * The share in percent, or undefined when there is nothing to count.
 */
export const percent = (ratio: Ratio): number | undefined =>
  ratio.denominator === 0 ? undefined : (ratio.numerator / ratio.denominator) * 100

export interface Service {
  /** The query's answer for the mechanism over the period. */
  readonly measure: (query: QueryName, mechanismId: string, period: Period) => Effect.Effect<Ratio>
}

export class IndicatorSources extends Context.Tag("@bashke/action-plan/IndicatorSources")<
  IndicatorSources,
  Service
>() {}

/**
 * A test layer answering from a table by query name; an unknown query counts nothing.
 */
export const layerTest = (answers: Partial<Record<QueryName, Ratio>>): Layer.Layer<IndicatorSources> =>
  Layer.succeed(IndicatorSources, {
    measure: (query) => Effect.succeed(answers[query] ?? { numerator: 0, denominator: 0 }),
  })
