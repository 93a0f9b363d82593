/**
 * A referral's deadlines, from the jurisdiction profile's `referrals` numbers:
 * acknowledge within `acknowledgeWithin.highRisk` or `.standard` of sending, by
 * urgency, and decide (accept or decline) within `decideWithin` of sending.
 * Durations are added in the profile's time zone (hours as exact elapsed time,
 * calendar units on the local calendar), so a deadline is right across the
 * daylight-saving changes of Europe/Belgrade.
 */
import type { Id, JurisdictionProfile } from "@bashke/kernel"
import { Deadline } from "@bashke/kernel"
import { type Referral, reachedAt, sentAt, type Urgency } from "./Referral"

/**
 * The two deadlines of a referral.
 */
export interface Deadlines {
  readonly acknowledgeBy: Date
  readonly decideBy: Date
}

/**
 * The deadlines of a referral sent at `sent` with `urgency`.
 */
export const deadlines = (
  sent: Date,
  urgency: Urgency,
  profile: JurisdictionProfile.JurisdictionProfile,
): Deadlines => {
  const rules = profile.referrals
  const acknowledge = urgency === "high" ? rules.acknowledgeWithin.highRisk : rules.acknowledgeWithin.standard
  return {
    acknowledgeBy: Deadline.addToInstant(sent, acknowledge, profile.timezone),
    decideBy: Deadline.addToInstant(sent, rules.decideWithin, profile.timezone),
  }
}

/**
 * Which step is late.
 */
export type Step = "acknowledge" | "decide"

/**
 * An overdue referral: ids and dates only, fit for an outbox payload.
 */
export interface Overdue {
  readonly referral: Id.ReferralId
  readonly case: Id.CaseId
  readonly mechanism: Id.MechanismId
  readonly to: Id.InstitutionId
  readonly service: Id.ServiceId
  readonly step: Step
  readonly due: Date
}

/**
 * The referrals overdue at `now`, the most urgent first (earliest due). A
 * referral not yet acknowledged past its acknowledgement deadline is late to
 * `acknowledge`; one not yet accepted or declined past its decision deadline is
 * late to `decide` (that wins, being the later and graver step). Closed and
 * decided referrals are never overdue.
 */
export const overdue = (
  referrals: ReadonlyArray<Referral>,
  now: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<Overdue> => {
  const late: Array<Overdue> = []
  for (const referral of referrals) {
    if (referral.status !== "sent" && referral.status !== "acknowledged") continue
    const due = deadlines(sentAt(referral), referral.urgency, profile)
    const base = {
      referral: referral.id,
      case: referral.case,
      mechanism: referral.mechanism,
      to: referral.to,
      service: referral.service,
    }
    if (now.getTime() > due.decideBy.getTime()) late.push({ ...base, step: "decide", due: due.decideBy })
    else if (reachedAt(referral, ["acknowledged"]) === undefined && now.getTime() > due.acknowledgeBy.getTime())
      late.push({ ...base, step: "acknowledge", due: due.acknowledgeBy })
  }
  return late.sort((a, b) => a.due.getTime() - b.due.getTime())
}

/**
 * The catalogue key of an overdue step's label (an agenda item's title).
 */
export const overdueLabelKey = (step: Step): `referral.overdue.${Step}` => `referral.overdue.${step}`
