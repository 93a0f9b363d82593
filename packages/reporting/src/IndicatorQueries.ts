/**
 * The counting rules behind the action plan's computed indicators
 * (`IndicatorSources.QueryName`), as plain functions over what the case,
 * referral and meeting packages hold. They live here, above the domain
 * packages, because each counts another package's data for the action plan
 * (which imports no other domain); the app reads the data through those
 * packages' ports and hands it here. Each answer is `{ numerator, denominator }`
 * for a period of calendar days in the jurisdiction's time zone; every window
 * and deadline comes from the jurisdiction profile.
 *
 * An item whose outcome cannot be known yet is left out of both counts, so a
 * report for a running period does not count as failures what may still
 * happen in time: a high-risk case whose review window
 * (`risk.highRiskReviewWithin`) has not run out without a review, a referral
 * whose acknowledgement deadline has not passed unanswered.
 */
import type { IndicatorSources, Period } from "@bashke/action-plan"
import { Period as PeriodRules } from "@bashke/action-plan"
import { CivilDate, Deadline, type JurisdictionProfile } from "@bashke/kernel"
import { CadenceCompliance, type Meeting } from "@bashke/meeting"
import { Referral, ReferralDeadlines } from "@bashke/referral"

type Ratio = IndicatorSources.Ratio

/** Whether an instant falls on a day of the period, in the time zone. */
export const inPeriod = (period: Period.Period, at: Date, timeZone: string): boolean =>
  PeriodRules.contains(period, CivilDate.ofInstant(at, timeZone))

/**
 * What the review count needs of a case: when it was opened, whether it was
 * ever assessed high risk (or is high now, after a breach), and every time the
 * mechanism is known to have reviewed it.
 */
export interface CaseReviews {
  readonly openedAt: Date
  readonly highRisk: boolean
  readonly reviewedAt: ReadonlyArray<Date>
}

/**
 * `high-risk-cases-reviewed-within-30-days`: of the high-risk cases opened in
 * the period, those reviewed within the profile's `risk.highRiskReviewWithin`
 * (30 days in Kosovo's) of their opening, the deadline added in the profile's
 * time zone. A case with no review whose window is still running at `now` is
 * not counted yet.
 */
export const highRiskCasesReviewedInTime = (
  cases: ReadonlyArray<CaseReviews>,
  period: Period.Period,
  now: Date,
  profile: Pick<JurisdictionProfile.JurisdictionProfile, "timezone" | "risk">,
): Ratio => {
  const reviewWithin = profile.risk.highRiskReviewWithin
  let numerator = 0
  let denominator = 0
  for (const aCase of cases) {
    if (!aCase.highRisk || !inPeriod(period, aCase.openedAt, profile.timezone)) continue
    const due = Deadline.addToInstant(aCase.openedAt, reviewWithin, profile.timezone)
    const inTime = aCase.reviewedAt.some(
      (at) => at.getTime() >= aCase.openedAt.getTime() && at.getTime() <= due.getTime(),
    )
    if (inTime) numerator++
    if (inTime || now.getTime() > due.getTime()) denominator++
  }
  return { numerator, denominator }
}

const answers: ReadonlyArray<Referral.Status> = ["acknowledged", "accepted", "declined"]
const withdrawn: ReadonlyArray<Referral.Status> = ["cancelled", "revoked"]

/**
 * `referrals-acknowledged-in-time`: of the referrals sent in the period, those
 * answered (acknowledged, or accepted or declined straight away) by their
 * acknowledgement deadline (`ReferralDeadlines.deadlines`, by urgency, from the
 * profile). Not counted: a referral still unanswered before its deadline, and
 * one the sender cancelled or revoked before its deadline without an answer
 * (the receiver had no chance to be late).
 */
export const referralsAcknowledgedInTime = (
  referrals: ReadonlyArray<Referral.Referral>,
  period: Period.Period,
  now: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): Ratio => {
  let numerator = 0
  let denominator = 0
  for (const referral of referrals) {
    const sent = Referral.sentAt(referral)
    if (!inPeriod(period, sent, profile.timezone)) continue
    const due = ReferralDeadlines.deadlines(sent, referral.urgency, profile).acknowledgeBy.getTime()
    const answered = Referral.reachedAt(referral, answers)
    if (answered !== undefined) {
      denominator++
      if (answered.getTime() <= due) numerator++
      continue
    }
    const closed = Referral.reachedAt(referral, withdrawn)
    const withdrawnInTime = closed !== undefined && closed.getTime() <= due
    if (!withdrawnInTime && now.getTime() > due) denominator++
  }
  return { numerator, denominator }
}

const daysInYear = (year: number): number => CivilDate.daysBetween(`${year}-01-01`, `${year + 1}-01-01`)

/**
 * `meetings-held-vs-required`: the regular meetings the cadence requires in the
 * period (denominator), and how many of them were held (numerator, at most
 * the denominator). Each calendar year the period touches is counted by the
 * meeting package's `CadenceCompliance` over the meetings that started on a day
 * of the period; a year's requirement counts in proportion to the days of the
 * period in it (a quarter of a four-a-year cadence requires one), and the total
 * is rounded to whole meetings.
 */
export const meetingsHeldVsRequired = (
  meetings: ReadonlyArray<Pick<Meeting.Meeting, "kind" | "status" | "schedule">>,
  requiredPerYear: number,
  period: Period.Period,
  now: Date,
  profile: Pick<JurisdictionProfile.JurisdictionProfile, "timezone">,
): Ratio => {
  const inside = meetings.filter(
    (meeting) => meeting.schedule !== undefined && inPeriod(period, meeting.schedule.startsAt, profile.timezone),
  )
  let held = 0
  let required = 0
  for (let year = CivilDate.year(period.start); year <= CivilDate.year(period.end); year++) {
    const compliance = CadenceCompliance.compute({
      year,
      required: requiredPerYear,
      meetings: inside,
      timeZone: profile.timezone,
      asOf: now,
    })
    const first = CivilDate.max(period.start, `${year}-01-01`)
    const last = period.end < `${year}-12-31` ? period.end : `${year}-12-31`
    held += compliance.held
    required += (compliance.required * (CivilDate.daysBetween(first, last) + 1)) / daysInYear(year)
  }
  const denominator = Math.round(required)
  return { numerator: Math.min(held, denominator), denominator }
}
