// The README's example, imports pointed at the sources (Readme.test.ts runs it).
import { Id, JurisdictionProfile } from "@bashke/kernel"
import { Either } from "effect"
import {
  Case,
  CaseLifecycle,
  CaseReference,
  CaseSummary,
  ConferenceEligibility,
  Dash,
  ProtectionOrderDeadlines,
  ProtectionOrderLifecycle,
  RiskAssessment,
} from "../../src"

export const main = () => {
  const profile = JurisdictionProfile.kosovo
  const id = (n: number) => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10))
  const socialWork = id(1) as Id.InstitutionId
  const police = id(2) as Id.InstitutionId

  // GJI-2026-0042: the 42nd case of the Gjilan mechanism in 2026.
  const reference = Either.getOrThrow(CaseReference.format({ municipality: "GJI" as never, year: 2026, sequence: 42 }))

  // A DASH-style checklist: 11 "yes" answers are medium; the police officer's judgement raises it to high.
  const answers = Object.fromEntries(Dash.questionIds.map((q, i) => [q, i < 11 ? "yes" : "no"] as const))
  const assessment = Either.getOrThrow(
    RiskAssessment.assess(
      Dash.instrument,
      {
        id: id(3) as RiskAssessment.RiskAssessmentId,
        answers,
        judgement: { level: "high", reason: "victim-fears-for-life" },
        assessedAt: new Date("2026-03-02T10:00:00Z"),
        assessedBy: police,
      },
      profile,
    ),
  )

  // An emergency protection order: the court decides within the profile's hours; remind 2 days before expiry.
  const requested = Either.getOrThrow(
    ProtectionOrderLifecycle.start(
      {
        id: id(4) as Id.ProtectionOrderId,
        kind: "emergency-protection-order",
        petitioner: "police",
        requestedAt: new Date("2026-03-02T11:00:00Z"),
      },
      0,
      profile,
    ),
  )
  const order = Either.getOrThrow(
    ProtectionOrderLifecycle.apply(
      requested,
      ProtectionOrderLifecycle.Event.Issued({ at: new Date("2026-03-02T16:00:00Z") }),
      0,
      profile,
    ),
  )

  const aCase: Case.Case = {
    id: id(5) as Id.CaseId,
    mechanismId: id(6) as Id.MechanismId,
    reference,
    status: "assessed",
    team: {
      lead: socialWork,
      members: [
        { institution: socialWork, sector: "social-work", access: "full" },
        { institution: police, sector: "police", access: "full" },
      ],
    },
    persons: [
      { id: id(7) as Id.PersonId, role: "victim", sex: "female", birthYear: 1991, disabilities: [] },
      {
        id: id(8) as Id.PersonId,
        role: "alleged-perpetrator",
        sex: "male",
        disabilities: [],
        relationship: { kind: "married", time: "current" },
      },
    ],
    incidents: [],
    assessments: [assessment],
    orders: [order],
    safetyPlan: { measures: [] },
    consents: [],
    openedAt: new Date("2026-03-02T09:00:00Z"),
    version: 0,
  }

  const now = new Date("2026-03-05T09:00:00Z")
  const active = Either.getOrThrow(Case.transition(aCase, CaseLifecycle.Command.activate(), now))
  const closeWithoutReason = Case.transition(active, CaseLifecycle.Command.close({}), now)
  const summary = CaseSummary.summarize(active, now, profile)

  return {
    reference, // "GJI-2026-0042"
    level: assessment.level, // "high"
    reassessOn: assessment.reassessOn, // "2026-04-27"
    // ["extension-reminder 2026-03-15T16:00:00.000Z", "expiry 2026-03-17T16:00:00.000Z"]
    reminders: ProtectionOrderDeadlines.reminders(order, profile).map((r) => `${r.kind} ${r.at.toISOString()}`),
    conference: ConferenceEligibility.reasons(active, now, profile), // ["professional-judgement"]
    // "case.close.high-risk-reason-required"
    closeWithoutReason: Either.isLeft(closeWithoutReason)
      ? closeWithoutReason.left._tag === "InvalidInput" && closeWithoutReason.left.rule
      : "closed",
    // { reference: "GJI-2026-0042", riskLevel: "high", sectors: ["police", "social-work"] }
    summary: { reference: summary.reference, riskLevel: summary.riskLevel, sectors: summary.sectors },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main())
