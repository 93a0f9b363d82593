/**
 * What an open case makes due, in the kernel's `Due` words, every duration
 * from the jurisdiction profile:
 *
 * - `case.order.decision`: a requested order the court has not decided by its
 *   `decisionWithin` (`ProtectionOrderDeadlines.decisionDue`) is overdue —
 *   the case lead and the coordinator are told at the deadline;
 * - `case.order.expiry`: an issued or extended order expires — the case lead
 *   is reminded `protectionOrders.expiryReminderBefore` ahead, the whole case
 *   team told when it expires (the survivor is no longer protected by it);
 * - `case.order.extension`: a kind whose extension may be requested shortly
 *   before expiry (the emergency order, two days in Kosovo) reminds the case
 *   lead then (`ProtectionOrderDeadlines.extensionReminder`), until expiry;
 * - `case.order.hearing`: the hearing in force, the case team reminded
 *   `protectionOrders.hearingReminderBefore` ahead, until it starts;
 * - `case.reassessment`: the latest risk assessment's `reassessOn` day, the
 *   case lead reminded that morning (the profile's
 *   `notifications.workdayStartsAt`).
 *
 * An order's expiry and hearing are keyed by their time, so an extension or
 * a rescheduled hearing makes a new item with its own reminders. A closed
 * case makes nothing due.
 */
import { type CivilDate, Deadline, Due, type Id, type JurisdictionProfile } from "@bashke/kernel"
import type { CaseReference } from "./CaseReference"
import type * as ProtectionOrder from "./ProtectionOrder"
import * as ProtectionOrderDeadlines from "./ProtectionOrderDeadlines"

/**
 * An order as the rules read it: still requested, issued or extended.
 */
export type ActiveOrder = Pick<
  ProtectionOrder.ProtectionOrder,
  "id" | "kind" | "status" | "requestedAt" | "expiresAt" | "hearings"
>

/**
 * An open case as the rules read it: ids, its reference, who leads it, the
 * institutions on its team, its active orders and the day its latest risk
 * assessment is due again.
 */
export interface OpenCase {
  readonly id: Id.CaseId
  readonly mechanism: Id.MechanismId
  readonly reference: CaseReference
  readonly lead: Id.InstitutionId
  readonly team: ReadonlyArray<Id.InstitutionId>
  readonly orders: ReadonlyArray<ActiveOrder>
  readonly reassessOn?: CivilDate.CivilDate | undefined
}

/**
 * The order statuses the rules read.
 */
export const activeStatuses: ReadonlyArray<ProtectionOrder.Status> = ["requested", "issued", "extended"]

/**
 * The kinds of things a case makes due.
 */
export const kinds = [
  "case.order.decision",
  "case.order.expiry",
  "case.order.extension",
  "case.order.hearing",
  "case.reassessment",
] as const

export type DueKind = (typeof kinds)[number]

const teamOf = (aCase: OpenCase): ReadonlyArray<Due.Audience> =>
  Due.distinctAudiences([aCase.lead, ...aCase.team].map(Due.institution))

const orderItems = (
  aCase: OpenCase,
  order: ActiveOrder,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<Due.Item> => {
  const lead = [Due.institution(aCase.lead)]
  const about = (kind: DueKind, key: string, dueAt: Date, reminders: ReadonlyArray<Due.Reminder>): Due.Item => ({
    key: `${kind}:${key}`,
    kind,
    mechanism: aCase.mechanism,
    case: aCase.id,
    subject: { type: "protection-order", id: order.id },
    dueAt,
    responsible: lead,
    reminders,
  })
  const out: Array<Due.Item> = []
  if (order.status === "requested") {
    const due = ProtectionOrderDeadlines.decisionDue(order, profile)
    if (due !== undefined)
      out.push(
        about("case.order.decision", order.id, due, [
          { stage: "overdue", at: due, audience: [...lead, Due.coordinator] },
        ]),
      )
  }
  if ((order.status === "issued" || order.status === "extended") && order.expiresAt !== undefined) {
    const expiry = order.expiresAt
    const at = `${order.id}:${expiry.toISOString()}`
    const ahead = Deadline.addToInstant(expiry, profile.protectionOrders.expiryReminderBefore, profile.timezone, -1)
    out.push(
      about("case.order.expiry", at, expiry, [
        { stage: "approaching", at: ahead, until: expiry, audience: lead },
        { stage: "due", at: expiry, audience: teamOf(aCase) },
      ]),
    )
    const extension = ProtectionOrderDeadlines.extensionReminder(order, profile)
    if (extension !== undefined)
      out.push(
        about("case.order.extension", at, expiry, [{ stage: "due", at: extension, until: expiry, audience: lead }]),
      )
  }
  const hearing = order.hearings[order.hearings.length - 1]
  const reminder = ProtectionOrderDeadlines.hearingReminder(order, profile)
  if (hearing !== undefined && reminder !== undefined)
    out.push({
      ...about("case.order.hearing", `${order.id}:${hearing.at.toISOString()}`, hearing.at, [
        { stage: "due", at: reminder, until: hearing.at, audience: teamOf(aCase) },
      ]),
      responsible: teamOf(aCase),
      until: hearing.at,
    })
  return out
}

/**
 * What an open case makes due: each active order's items, then its
 * reassessment.
 */
export const items = (aCase: OpenCase, profile: JurisdictionProfile.JurisdictionProfile): ReadonlyArray<Due.Item> => {
  const out = aCase.orders.flatMap((order) => orderItems(aCase, order, profile))
  if (aCase.reassessOn !== undefined) {
    const lead = [Due.institution(aCase.lead)]
    out.push({
      key: `case.reassessment:${aCase.id}:${aCase.reassessOn}`,
      kind: "case.reassessment",
      mechanism: aCase.mechanism,
      case: aCase.id,
      subject: { type: "case", id: aCase.id },
      dueAt: Due.endOf(aCase.reassessOn, profile),
      day: aCase.reassessOn,
      responsible: lead,
      reminders: [{ stage: "due", at: Due.morningOf(aCase.reassessOn, profile), audience: lead }],
    })
  }
  return out
}
