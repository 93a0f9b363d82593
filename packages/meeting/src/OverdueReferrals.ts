/**
 * The port through which the agenda gets a mechanism's overdue referrals, as
 * pseudonymised facts only: the referral, the case (by id and, when known, its
 * reference), the receiving institution and service, the late step and when it
 * was due — never a name. The application wires it to the referral package:
 * its `ReferralDeadlines.Overdue` maps onto {@link OverdueReferral} in one line.
 */
import { Id } from "@bashke/kernel"
import { Context, Effect, Layer, Schema } from "effect"
import { CaseReference } from "./CaseSummaries"

/**
 * Which step of the referral is late: acknowledging it, or deciding on it
 * (accepting or declining).
 */
export const Step = Schema.Literal("acknowledge", "decide").annotations({ identifier: "OverdueReferralStep" })

export type Step = typeof Step.Type

/**
 * An overdue referral. `caseId` and `caseReference` are optional because the
 * referral package's overdue list carries ids and dates only; the application
 * may add them when it knows the case.
 */
export const OverdueReferral = Schema.Struct({
  referralId: Id.ReferralId,
  caseId: Schema.optional(Id.CaseId),
  caseReference: Schema.optional(CaseReference),
  to: Id.InstitutionId,
  service: Id.ServiceId,
  step: Step,
  due: Schema.Date,
}).annotations({ identifier: "OverdueReferral" })

export type OverdueReferral = typeof OverdueReferral.Type

export interface Service {
  /** The mechanism's referrals overdue at `at` (any order: the agenda sorts them). */
  readonly forMechanism: (mechanismId: Id.MechanismId, at: Date) => Effect.Effect<ReadonlyArray<OverdueReferral>>
}

export class OverdueReferrals extends Context.Tag("@bashke/meeting/OverdueReferrals")<OverdueReferrals, Service>() {}

/**
 * The port wired to a function, e.g. the referral package's query:
 * `layer((mechanismId) => Effect.map(referrals.overdueFor(mechanismId), (late) => late.map(({ referral, case: caseId, to, service, step, due }) => ({ referralId: referral, caseId, to, service, step, due }))))`.
 */
export const layer = (forMechanism: Service["forMechanism"]): Layer.Layer<OverdueReferrals> =>
  Layer.succeed(OverdueReferrals, { forMechanism })

/**
 * Fixed overdue referrals per mechanism, for tests and examples. A mechanism
 * not listed has none.
 */
export const layerTest = (
  overdue: ReadonlyArray<{ readonly mechanismId: Id.MechanismId; readonly referrals: ReadonlyArray<OverdueReferral> }>,
): Layer.Layer<OverdueReferrals> =>
  layer((mechanismId) => Effect.succeed(overdue.find((entry) => entry.mechanismId === mechanismId)?.referrals ?? []))

/**
 * The mechanism's referrals overdue at `at`.
 */
export const forMechanism = (
  mechanismId: Id.MechanismId,
  at: Date,
): Effect.Effect<ReadonlyArray<OverdueReferral>, never, OverdueReferrals> =>
  Effect.flatMap(OverdueReferrals, (port) => port.forMechanism(mechanismId, at))
