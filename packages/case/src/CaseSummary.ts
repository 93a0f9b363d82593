/**
 * The pseudonymised case summary that case conferences and statistics see:
 * the reference, status, current risk level, the sectors on the team, how many
 * safety measures are open, whether children are involved, the protection
 * orders in force, the conference grounds met, whether the consent allows a
 * conference, when the case was opened and last reviewed, and its version
 * (what a change decided on the summary names in `If-Match`: the
 * coordinator's transfer proposal, made without reading the whole case). No name, personal number, address, phone or contact can
 * reach it: it is built from the case's non-personal fields only, and the
 * personal details are not part of the case aggregate at all.
 *
 * Its fields include those of the meeting package's `CaseSummaries.CaseSummary`
 * port, the case's `id` there being `caseId` (on an agenda the case is what an
 * item is about, not the item).
 */
import { Id, type JurisdictionProfile, Sector } from "@bashke/kernel"
import { Schema } from "effect"
import * as Case from "./Case"
import * as CaseLifecycle from "./CaseLifecycle"
import { CaseReference } from "./CaseReference"
import * as CaseTeam from "./CaseTeam"
import * as ConferenceEligibility from "./ConferenceEligibility"
import * as Consent from "./Consent"
import { Instant } from "./internal/Instant"
import * as RiskInstrument from "./RiskInstrument"
import * as SafetyPlan from "./SafetyPlan"

/**
 * A case summary. `id` is the case's id, as in the case itself (and in every
 * list of the API, a listed thing's own id is `id`). `riskLevel` is
 * `standard` for a case never assessed, and `riskAssessed` says so.
 */
export const CaseSummary = Schema.Struct({
  id: Id.CaseId,
  reference: CaseReference,
  status: CaseLifecycle.Status,
  riskLevel: RiskInstrument.RiskLevel,
  riskAssessed: Schema.Boolean,
  sectors: Schema.Array(Sector.Sector),
  openActions: Schema.Int.pipe(Schema.nonNegative()),
  hasChildren: Schema.Boolean,
  ordersInForce: Schema.Int.pipe(Schema.nonNegative()),
  conferenceReasons: Schema.Array(ConferenceEligibility.Reason),
  /** Whether the survivor's consent in force allows a case conference (`Consent.allowsConference`). */
  conferenceConsent: Schema.Boolean,
  openedAt: Instant,
  lastReviewedAt: Schema.optional(Instant),
  version: Schema.Int.pipe(Schema.nonNegative()),
}).annotations({ identifier: "CaseSummary" })

export type CaseSummary = typeof CaseSummary.Type

/**
 * The summary of a case at `at`, under `profile`.
 */
export const summarize = (
  aCase: Case.Case,
  at: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): CaseSummary => {
  const risk = Case.currentRisk(aCase)
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: profile.timezone, year: "numeric" }).format(at))
  return {
    id: aCase.id,
    reference: aCase.reference,
    status: aCase.status,
    riskLevel: risk ?? "standard",
    riskAssessed: risk !== undefined,
    sectors: CaseTeam.sectors(aCase.team),
    openActions: SafetyPlan.openMeasures(aCase.safetyPlan).length,
    hasChildren: Case.hasChild(aCase, year),
    ordersInForce: Case.ordersInForce(aCase, at).length,
    conferenceReasons: ConferenceEligibility.reasons(aCase, at, profile),
    conferenceConsent: Consent.allowsConference(aCase.consents, at),
    openedAt: aCase.openedAt,
    ...(aCase.lastReviewedAt === undefined ? {} : { lastReviewedAt: aCase.lastReviewedAt }),
    version: aCase.version,
  }
}
