/**
 * The port through which the agenda gets the cases a mechanism reviews, as
 * pseudonymised summaries only: a reference, the risk level, whether children
 * are involved, the sectors involved, when the case was opened and last
 * reviewed — never a name. The application wires it to the case package.
 */
import { Id, Sector } from "@bashke/kernel"
import { Context, Effect, Layer, Schema } from "effect"

/**
 * A case reference such as `GJL-2026-0042`: capitals, digits and hyphens only,
 * so that no name can travel in it.
 */
export const CaseReference = Schema.String.pipe(
  Schema.pattern(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/),
  Schema.maxLength(40),
  Schema.annotations({ identifier: "CaseReference", message: () => "meeting.case.reference-invalid" }),
)

/**
 * The risk level of the case's latest assessment.
 */
export const RiskLevel = Schema.Literal("standard", "medium", "high").annotations({ identifier: "RiskLevel" })

export type RiskLevel = typeof RiskLevel.Type

/**
 * A ground for reviewing a case at a case conference, as the case package
 * computes them (its `ConferenceEligibility`): visible high risk, a
 * practitioner's judgement raising it, escalation, a repeat incident, a
 * breached protection order.
 */
export const ConferenceReason = Schema.Literal(
  "high-risk",
  "professional-judgement",
  "escalation",
  "repeat",
  "order-breach",
).annotations({ identifier: "ConferenceReason" })

export type ConferenceReason = typeof ConferenceReason.Type

/**
 * A pseudonymised case summary. `hasChildren` orders the agenda (cases with
 * children come first) and is not shown; `lastReviewedAt` is absent for a case
 * never reviewed by the mechanism. `conferenceReasons` are the grounds the
 * case meets for a conference (none: it is not reviewed) and
 * `conferenceConsent` whether the survivor's consent in force allows a case
 * conference at all.
 */
export const CaseSummary = Schema.Struct({
  caseId: Id.CaseId,
  reference: CaseReference,
  riskLevel: RiskLevel,
  hasChildren: Schema.Boolean,
  sectors: Schema.Array(Sector.Sector),
  conferenceReasons: Schema.Array(ConferenceReason),
  conferenceConsent: Schema.Boolean,
  openedAt: Schema.Date,
  lastReviewedAt: Schema.optional(Schema.Date),
}).annotations({ identifier: "CaseSummary" })

export type CaseSummary = typeof CaseSummary.Type

export interface Service {
  /** The open cases on the mechanism's list for a meeting at `at`. */
  readonly forMeeting: (mechanismId: Id.MechanismId, at: Date) => Effect.Effect<ReadonlyArray<CaseSummary>>
}

export class CaseSummaries extends Context.Tag("@bashke/meeting/CaseSummaries")<CaseSummaries, Service>() {}

/**
 * The port wired to a function, e.g. the case package's query.
 */
export const layer = (forMeeting: Service["forMeeting"]): Layer.Layer<CaseSummaries> =>
  Layer.succeed(CaseSummaries, { forMeeting })

/**
 * Fixed summaries per mechanism, for tests and examples (until the case package exists).
 */
export const layerTest = (
  summaries: ReadonlyArray<{ readonly mechanismId: Id.MechanismId; readonly cases: ReadonlyArray<CaseSummary> }>,
): Layer.Layer<CaseSummaries> =>
  layer((mechanismId) => Effect.succeed(summaries.find((entry) => entry.mechanismId === mechanismId)?.cases ?? []))

/**
 * The cases on a mechanism's list for a meeting at `at`.
 */
export const forMeeting = (
  mechanismId: Id.MechanismId,
  at: Date,
): Effect.Effect<ReadonlyArray<CaseSummary>, never, CaseSummaries> =>
  Effect.flatMap(CaseSummaries, (port) => port.forMeeting(mechanismId, at))
