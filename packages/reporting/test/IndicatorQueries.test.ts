// The counting rules of the computed indicators, with worked examples and
// properties: a ratio never counts more than it may, items outside the period
// never count, and the outcome of an item still undecided is not guessed.
import type { Period } from "@bashke/action-plan"
import { Id, JurisdictionProfile } from "@bashke/kernel"
import type { Meeting } from "@bashke/meeting"
import type { Referral } from "@bashke/referral"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as IndicatorQueries from "../src/IndicatorQueries"

const profile = JurisdictionProfile.kosovo
const t = (iso: string) => new Date(iso)
const hour = 3_600_000
const march: Period.Period = { start: "2026-03-01", end: "2026-03-31" }
const id = (n: number) => Id.ulidAt(1_770_000_000_000 + n, new Uint8Array(10).fill(n % 256))
const actor = { principal: id(900) as Id.PrincipalId, institution: id(901) as Id.InstitutionId }

const referral = (
  n: number,
  sent: string,
  urgency: Referral.Urgency,
  steps: ReadonlyArray<readonly [Referral.Status, string]> = [],
): Referral.Referral => {
  const history: Referral.Referral["history"] = [
    { status: "sent", at: t(sent), actor },
    ...steps.map(([status, at]) => ({ status, at: t(at), actor })),
  ]
  return {
    id: id(n) as Id.ReferralId,
    mechanism: id(902) as Id.MechanismId,
    case: id(903) as Id.CaseId,
    from: actor.institution,
    to: actor.institution,
    service: id(904) as Id.ServiceId,
    reason: "shelter-needed",
    urgency,
    basis: { _tag: "Consent", consent: id(905) as Id.ConsentId },
    status: history[history.length - 1]?.status ?? "sent",
    history,
    version: history.length,
  }
}

describe("referrals-acknowledged-in-time", () => {
  const referrals = [
    // Acknowledged 6 h after sending: in time (standard, 24 h).
    referral(1, "2026-03-02T09:00:00Z", "standard", [["acknowledged", "2026-03-02T15:00:00Z"]]),
    // Acknowledged 5 h after sending: late (high risk, 4 h).
    referral(2, "2026-03-05T09:00:00Z", "high", [["acknowledged", "2026-03-05T14:00:00Z"]]),
    // Accepted straight away the next morning: the decision acknowledges it, in time.
    referral(3, "2026-03-10T09:00:00Z", "standard", [["accepted", "2026-03-11T08:00:00Z"]]),
    // Never answered, deadline long past: late.
    referral(4, "2026-03-12T09:00:00Z", "standard"),
    // Cancelled by the sender before its deadline, never answered: not counted.
    referral(5, "2026-03-20T09:00:00Z", "standard", [["cancelled", "2026-03-20T12:00:00Z"]]),
    // Sent in February: not counted.
    referral(6, "2026-02-27T09:00:00Z", "standard", [["acknowledged", "2026-02-27T10:00:00Z"]]),
    // 31 March 23:30 in Gjilan (UTC+2 since 29 March): in the period.
    referral(7, "2026-03-31T21:30:00Z", "standard", [["acknowledged", "2026-04-01T08:00:00Z"]]),
    // 1 April 00:30 in Gjilan: not in the period.
    referral(8, "2026-03-31T22:30:00Z", "standard", [["acknowledged", "2026-04-01T08:00:00Z"]]),
  ]

  it("counts the referrals sent in the period whose outcome is known, and those answered in time", () => {
    expect(IndicatorQueries.referralsAcknowledgedInTime(referrals, march, t("2026-04-10T00:00:00Z"), profile)).toEqual({
      numerator: 3,
      denominator: 5,
    })
  })

  it("does not count a referral still within its deadline", () => {
    // On 12 March at 10:00 referral 4 has been waiting an hour: not late yet, so not counted.
    const early = referrals.slice(0, 4)
    expect(IndicatorQueries.referralsAcknowledgedInTime(early, march, t("2026-03-12T10:00:00Z"), profile)).toEqual({
      numerator: 2,
      denominator: 3,
    })
  })

  it("counts a referral cancelled after its deadline passed unanswered as late", () => {
    const lateThenCancelled = referral(9, "2026-03-02T09:00:00Z", "high", [["cancelled", "2026-03-02T20:00:00Z"]])
    expect(
      IndicatorQueries.referralsAcknowledgedInTime([lateThenCancelled], march, t("2026-04-01T00:00:00Z"), profile),
    ).toEqual({ numerator: 0, denominator: 1 })
  })

  it("never counts more answered in time than counted, nor anything sent outside the period", () => {
    const arbitraryReferral = fc
      .record({
        sent: fc.integer({ min: Date.parse("2026-02-20T00:00:00Z"), max: Date.parse("2026-04-10T00:00:00Z") }),
        urgency: fc.constantFrom<Referral.Urgency>("high", "standard"),
        answerAfterHours: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        answer: fc.constantFrom<Referral.Status>("acknowledged", "accepted", "declined", "cancelled"),
      })
      .map(({ sent, urgency, answerAfterHours, answer }) =>
        referral(
          1,
          new Date(sent).toISOString(),
          urgency,
          answerAfterHours === undefined ? [] : [[answer, new Date(sent + answerAfterHours * hour).toISOString()]],
        ),
      )
    fc.assert(
      fc.property(fc.array(arbitraryReferral, { maxLength: 20 }), fc.integer({ min: 0, max: 60 }), (list, days) => {
        const now = new Date(Date.parse("2026-03-01T00:00:00Z") + days * 24 * hour)
        const ratio = IndicatorQueries.referralsAcknowledgedInTime(list, march, now, profile)
        expect(ratio.numerator).toBeLessThanOrEqual(ratio.denominator)
        const inside = list.filter((r) => IndicatorQueries.inPeriod(march, r.history[0].at, profile.timezone))
        expect(ratio.denominator).toBeLessThanOrEqual(inside.length)
        expect(IndicatorQueries.referralsAcknowledgedInTime(inside, march, now, profile)).toEqual(ratio)
      }),
    )
  })
})

describe("high-risk-cases-reviewed-within-30-days", () => {
  const cases: ReadonlyArray<IndicatorQueries.CaseReviews> = [
    // Reviewed after 10 days: in time.
    { openedAt: t("2026-03-02T09:00:00Z"), highRisk: true, reviewedAt: [t("2026-03-12T09:00:00Z")] },
    // First reviewed after 40 days: late.
    { openedAt: t("2026-03-03T09:00:00Z"), highRisk: true, reviewedAt: [t("2026-04-12T09:00:00Z")] },
    // A late review and an earlier one in time (a decision at a meeting): in time.
    {
      openedAt: t("2026-03-04T09:00:00Z"),
      highRisk: true,
      reviewedAt: [t("2026-05-01T09:00:00Z"), t("2026-03-20T09:00:00Z")],
    },
    // Not high risk: not counted.
    { openedAt: t("2026-03-05T09:00:00Z"), highRisk: false, reviewedAt: [] },
    // Opened in April: not counted.
    { openedAt: t("2026-04-02T09:00:00Z"), highRisk: true, reviewedAt: [t("2026-04-03T09:00:00Z")] },
    // Never reviewed, opened on 25 March: late on 1 May, not yet on 10 April.
    { openedAt: t("2026-03-25T09:00:00Z"), highRisk: true, reviewedAt: [] },
  ]

  it("counts the high-risk cases opened in the period and those reviewed within 30 days", () => {
    expect(IndicatorQueries.highRiskCasesReviewedInTime(cases, march, t("2026-05-10T00:00:00Z"), profile)).toEqual({
      numerator: 2,
      denominator: 4,
    })
    expect(IndicatorQueries.highRiskCasesReviewedInTime(cases, march, t("2026-04-10T00:00:00Z"), profile)).toEqual({
      numerator: 2,
      denominator: 3,
    })
  })

  it("counts the 30 days in the profile's zone, the last instant included", () => {
    // 11:00 in Gjilan on 20 March; 30 days later on the local clock is 11:00 summer time, 09:00 UTC.
    const opened = t("2026-03-20T10:00:00Z")
    const due = t("2026-04-19T09:00:00Z")
    const at = (review: Date) =>
      IndicatorQueries.highRiskCasesReviewedInTime(
        [{ openedAt: opened, highRisk: true, reviewedAt: [review] }],
        march,
        t("2026-06-01T00:00:00Z"),
        profile,
      ).numerator
    expect(at(due)).toBe(1)
    expect(at(new Date(due.getTime() + 1))).toBe(0)
  })

  it("never counts more reviewed than counted", () => {
    const arbitraryCase = fc.record({
      openedAt: fc.date({ min: t("2026-02-01T00:00:00Z"), max: t("2026-05-01T00:00:00Z"), noInvalidDate: true }),
      highRisk: fc.boolean(),
      reviewedAt: fc.array(
        fc.date({ min: t("2026-02-01T00:00:00Z"), max: t("2026-07-01T00:00:00Z"), noInvalidDate: true }),
        { maxLength: 3 },
      ),
    })
    fc.assert(
      fc.property(
        fc.array(arbitraryCase, { maxLength: 20 }),
        fc.date({ min: t("2026-03-01T00:00:00Z"), max: t("2026-08-01T00:00:00Z"), noInvalidDate: true }),
        (list, now) => {
          const ratio = IndicatorQueries.highRiskCasesReviewedInTime(list, march, now, profile)
          expect(ratio.numerator).toBeLessThanOrEqual(ratio.denominator)
          expect(ratio.denominator).toBeLessThanOrEqual(list.filter((c) => c.highRisk).length)
        },
      ),
    )
  })
})

describe("meetings-held-vs-required", () => {
  type Listed = Pick<Meeting.Meeting, "kind" | "status" | "schedule">
  const meeting = (startsAt: string, kind: Meeting.Kind = "regular", status: Meeting.Status = "held"): Listed => ({
    kind,
    status,
    schedule: { startsAt: t(startsAt), endsAt: new Date(t(startsAt).getTime() + 2 * hour), place: "Salla" },
  })
  const meetings = [
    meeting("2025-02-10T09:00:00Z"),
    meeting("2025-05-12T09:00:00Z", "regular", "minutes-approved"),
    meeting("2025-07-01T09:00:00Z", "ad-hoc"),
    meeting("2025-11-03T09:00:00Z", "regular", "minutes-drafted"),
    meeting("2025-12-15T09:00:00Z", "regular", "cancelled"),
  ]
  const now = t("2026-02-01T00:00:00Z")

  it("counts a year's regular meetings held against the cadence", () => {
    expect(
      IndicatorQueries.meetingsHeldVsRequired(meetings, 4, { start: "2025-01-01", end: "2025-12-31" }, now, profile),
    ).toEqual({ numerator: 3, denominator: 4 })
  })

  it("requires a year's cadence in proportion to the days of the period", () => {
    // A quarter of a four-a-year cadence requires one; May's meeting was held.
    expect(
      IndicatorQueries.meetingsHeldVsRequired(meetings, 4, { start: "2025-04-01", end: "2025-06-30" }, now, profile),
    ).toEqual({ numerator: 1, denominator: 1 })
    // Mid-2024 to mid-2025: half of each year, four required, two held.
    expect(
      IndicatorQueries.meetingsHeldVsRequired(meetings, 4, { start: "2024-07-01", end: "2025-06-30" }, now, profile),
    ).toEqual({ numerator: 2, denominator: 4 })
    // A six-a-year cadence over 2025: six required.
    expect(
      IndicatorQueries.meetingsHeldVsRequired(meetings, 6, { start: "2025-01-01", end: "2025-12-31" }, now, profile),
    ).toEqual({ numerator: 3, denominator: 6 })
  })

  it("never counts more held than required", () => {
    const many = [1, 2, 3, 4, 5].map((day) => meeting(`2025-05-0${day}T09:00:00Z`))
    expect(
      IndicatorQueries.meetingsHeldVsRequired(many, 4, { start: "2025-04-01", end: "2025-06-30" }, now, profile),
    ).toEqual({ numerator: 1, denominator: 1 })
  })

  it("counts by the local day a meeting starts on", () => {
    // 31 December 2025, 23:30 in Gjilan is 22:30 UTC; 1 January 2026, 00:30 is 23:30 UTC the day before.
    const edges = [meeting("2025-12-31T22:30:00Z"), meeting("2025-12-31T23:30:00Z")]
    expect(
      IndicatorQueries.meetingsHeldVsRequired(edges, 4, { start: "2025-10-01", end: "2025-12-31" }, now, profile),
    ).toEqual({ numerator: 1, denominator: 1 })
  })

  it("requires the whole cadence over whole years, and never counts more held than required", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2030 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 4, max: 12 }),
        fc.array(fc.date({ min: t("2019-01-01T00:00:00Z"), max: t("2034-01-01T00:00:00Z"), noInvalidDate: true }), {
          maxLength: 30,
        }),
        (year, years, cadence, starts) => {
          const period = { start: `${year}-01-01`, end: `${year + years - 1}-12-31` }
          const ratio = IndicatorQueries.meetingsHeldVsRequired(
            starts.map((start) => meeting(start.toISOString())),
            cadence,
            period,
            now,
            profile,
          )
          expect(ratio.denominator).toBe(cadence * years)
          expect(ratio.numerator).toBeLessThanOrEqual(ratio.denominator)
        },
      ),
    )
  })
})
