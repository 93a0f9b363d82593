/**
 * Whether a case should go to a case conference (a MARAC-style review by the
 * mechanism), and on which grounds. Each ground is computed from the case's
 * record; the numbers come from the jurisdiction profile (`risk.conference`):
 *
 * - `high-risk`: the latest assessment's answers reach `high` (visible high risk);
 * - `professional-judgement`: a practitioner's judgement raised the latest
 *   assessment to `high`;
 * - `escalation`: at least `escalationIncidents` incidents (3) within
 *   `escalationWindow` (12 months) up to the day of the check;
 * - `repeat`: a new incident within `repeatWindow` (12 months) after the
 *   mechanism's last review of the case;
 * - `order-breach`: a protection order breached since the last review (or ever,
 *   for a case never reviewed).
 */

import type { JurisdictionProfile } from "@bashke/kernel"
import { CivilDate, Deadline } from "@bashke/kernel"
import { Schema } from "effect"
import type { Incident } from "./Incident"
import type { ProtectionOrder } from "./ProtectionOrder"
import * as RiskAssessment from "./RiskAssessment"

/**
 * A ground for a conference, in the order they are listed.
 */
export const Reason = Schema.Literal(
  "high-risk",
  "professional-judgement",
  "escalation",
  "repeat",
  "order-breach",
).annotations({ identifier: "ConferenceReason" })

export type Reason = typeof Reason.Type

/**
 * The part of a case the grounds are computed from.
 */
export interface Record {
  readonly assessments: ReadonlyArray<RiskAssessment.RiskAssessment>
  readonly incidents: ReadonlyArray<Pick<Incident, "occurredOn">>
  readonly orders: ReadonlyArray<Pick<ProtectionOrder, "breaches">>
  readonly lastReviewedAt?: Date | undefined
}

/**
 * The grounds met at `at` (an instant, read as a day in the profile's time
 * zone), in the order of {@link Reason}. Empty when the case is not eligible.
 */
export const reasons = (
  record: Record,
  at: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<Reason> => {
  const out: Array<Reason> = []
  const conference = profile.risk.conference
  const latest = RiskAssessment.latest(record.assessments)
  if (latest?.computedLevel === "high") out.push("high-risk")
  if (latest !== undefined && latest.level === "high" && RiskAssessment.raisedByJudgement(latest))
    out.push("professional-judgement")

  const today = CivilDate.ofInstant(at, profile.timezone)
  const windowStart = Deadline.addToDate(today, conference.escalationWindow, -1)
  const recent = record.incidents.filter((i) => i.occurredOn > windowStart && i.occurredOn <= today).length
  if (recent >= conference.escalationIncidents.value) out.push("escalation")

  const reviewed = record.lastReviewedAt
  if (reviewed !== undefined) {
    const reviewDay = CivilDate.ofInstant(reviewed, profile.timezone)
    const repeatUntil = Deadline.addToDate(reviewDay, conference.repeatWindow)
    if (record.incidents.some((i) => i.occurredOn > reviewDay && i.occurredOn <= repeatUntil && i.occurredOn <= today))
      out.push("repeat")
  }

  const since = reviewed?.getTime() ?? Number.NEGATIVE_INFINITY
  const now = at.getTime()
  if (record.orders.some((o) => o.breaches.some((b) => b.at.getTime() > since && b.at.getTime() <= now)))
    out.push("order-breach")
  return out
}

/**
 * Whether any ground is met.
 */
export const eligible = (record: Record, at: Date, profile: JurisdictionProfile.JurisdictionProfile): boolean =>
  reasons(record, at, profile).length > 0

/**
 * The catalogue key of a ground's label.
 */
export const reasonLabelKey = (reason: Reason): `case.conference.reason.${Reason}` => `case.conference.reason.${reason}`
