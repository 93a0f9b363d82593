/**
 * What an unanswered referral makes due, in the kernel's `Due` words: the
 * receiving institution must acknowledge it by its acknowledgement deadline
 * and accept or decline it by its decision deadline
 * (`ReferralDeadlines.deadlines`). For each of the two:
 *
 * - `approaching`: the profile's `referrals.reminderBeforeDeadline` before
 *   the deadline, to the receiving institution (until the deadline);
 * - `overdue`: at the deadline, to the receiving institution and the sending
 *   institution, which referred the survivor and must know nobody answered;
 * - `escalated`: `referrals.escalateToCoordinatorAfter` past the deadline,
 *   still unanswered, to the mechanism's coordinator.
 *
 * Both leads are by urgency (a high-risk referral is reminded an hour ahead
 * and escalated two hours late in Kosovo, both project defaults). An
 * acknowledged referral owes only its decision; an accepted, declined or
 * closed one owes nothing.
 */
import { Deadline, Due, type Id, type JurisdictionProfile } from "@bashke/kernel"
import type * as Referral from "./Referral"
import * as ReferralDeadlines from "./ReferralDeadlines"

/**
 * A referral waiting for its receiver: what the rules read, and all the
 * repository loads for them.
 */
export interface Awaiting {
  readonly id: Id.ReferralId
  readonly mechanism: Id.MechanismId
  readonly case: Id.CaseId
  readonly from: Id.InstitutionId
  readonly to: Id.InstitutionId
  readonly urgency: Referral.Urgency
  readonly status: "sent" | "acknowledged"
  readonly sentAt: Date
}

/**
 * The statuses in which a referral still waits for an answer.
 */
export const awaitingStatuses: ReadonlyArray<Awaiting["status"]> = ["sent", "acknowledged"]

/**
 * The kinds of things a referral makes due.
 */
export const kinds = ["referral.acknowledge", "referral.decide"] as const

export type DueKind = (typeof kinds)[number]

/**
 * A referral as the rules read it, or `undefined` when it waits for nothing.
 */
export const awaiting = (referral: Referral.Referral): Awaiting | undefined =>
  referral.status === "sent" || referral.status === "acknowledged"
    ? {
        id: referral.id,
        mechanism: referral.mechanism,
        case: referral.case,
        from: referral.from,
        to: referral.to,
        urgency: referral.urgency,
        status: referral.status,
        sentAt: referral.history[0].at,
      }
    : undefined

const item = (
  referral: Awaiting,
  kind: DueKind,
  deadline: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): Due.Item => {
  const rules = profile.referrals
  const high = referral.urgency === "high"
  const before = high ? rules.reminderBeforeDeadline.highRisk : rules.reminderBeforeDeadline.standard
  const after = high ? rules.escalateToCoordinatorAfter.highRisk : rules.escalateToCoordinatorAfter.standard
  const receiver = Due.institution(referral.to)
  const approaching = Deadline.addToInstant(deadline, before, profile.timezone, -1)
  return {
    key: `${kind}:${referral.id}`,
    kind,
    mechanism: referral.mechanism,
    case: referral.case,
    subject: { type: "referral", id: referral.id },
    dueAt: deadline,
    responsible: [receiver],
    reminders: [
      // A lead longer than the time allowed would remind before the referral was sent.
      ...(approaching.getTime() > referral.sentAt.getTime()
        ? [{ stage: "approaching" as const, at: approaching, until: deadline, audience: [receiver] }]
        : []),
      {
        stage: "overdue",
        at: deadline,
        audience: Due.distinctAudiences([receiver, Due.institution(referral.from)]),
      },
      {
        stage: "escalated",
        at: Deadline.addToInstant(deadline, after, profile.timezone),
        audience: [Due.coordinator],
      },
    ],
  }
}

/**
 * What a referral waiting for its receiver makes due: the acknowledgement
 * while it is only sent, and the decision while it is sent or acknowledged.
 */
export const items = (
  referral: Awaiting,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<Due.Item> => {
  const deadlines = ReferralDeadlines.deadlines(referral.sentAt, referral.urgency, profile)
  return [
    ...(referral.status === "sent" ? [item(referral, "referral.acknowledge", deadlines.acknowledgeBy, profile)] : []),
    item(referral, "referral.decide", deadlines.decideBy, profile),
  ]
}
