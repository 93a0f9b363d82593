/**
 * The deadlines and reminders of a protection order, all from the
 * jurisdiction profile and computed in its time zone: when the court's
 * decision is due (an unconfirmed number in Kosovo, so a setting), when an
 * issued order expires (its kind's duration), and when to remind about an
 * extension (the kind's `extensionReminderBeforeExpiry` before the expiry: two
 * days in Kosovo, for the emergency order), and when to remind about the
 * court hearing in force (the profile's `protectionOrders.hearingReminderBefore`
 * before it: the day before, a project default in Kosovo).
 */
import type { JurisdictionProfile } from "@bashke/kernel"
import { Deadline } from "@bashke/kernel"
import { nextHearing, type ProtectionOrder } from "./ProtectionOrder"

/**
 * What a reminder is about. Each has a catalogue key for its title,
 * `case.order.reminder.<kind>`.
 */
export type ReminderKind = "decision-due" | "extension-reminder" | "expiry" | "hearing"

/**
 * A reminder: when, about what, and the catalogue key of its title.
 */
export interface Reminder {
  readonly kind: ReminderKind
  readonly at: Date
  readonly title: `case.order.reminder.${ReminderKind}`
}

const kindOf = (profile: JurisdictionProfile.JurisdictionProfile, order: Pick<ProtectionOrder, "kind">) =>
  Object.hasOwn(profile.protectionOrders.kinds, order.kind) ? profile.protectionOrders.kinds[order.kind] : undefined

/**
 * When the court must decide a requested order: the request plus the kind's
 * `decisionWithin`. Undefined for a kind without one (an order the police
 * issue) or an order not requested.
 */
export const decisionDue = (
  order: Pick<ProtectionOrder, "kind" | "requestedAt">,
  profile: JurisdictionProfile.JurisdictionProfile,
): Date | undefined => {
  const within = kindOf(profile, order)?.decisionWithin
  return within === undefined || order.requestedAt === undefined
    ? undefined
    : Deadline.addToInstant(order.requestedAt, within, profile.timezone)
}

/**
 * The expiry of an order of `kind` issued at `issuedAt`: plus the kind's
 * duration. Undefined for a kind the profile does not know.
 */
export const expiryOf = (
  kind: string,
  issuedAt: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): Date | undefined => {
  const definition = kindOf(profile, { kind })
  return definition === undefined ? undefined : Deadline.addToInstant(issuedAt, definition.duration, profile.timezone)
}

/**
 * When to remind about extending the order: its expiry minus the kind's
 * `extensionReminderBeforeExpiry`. Undefined for a kind without one or an
 * order without an expiry.
 */
export const extensionReminder = (
  order: Pick<ProtectionOrder, "kind" | "expiresAt">,
  profile: JurisdictionProfile.JurisdictionProfile,
): Date | undefined => {
  const before = kindOf(profile, order)?.extensionReminderBeforeExpiry
  return before === undefined || order.expiresAt === undefined
    ? undefined
    : Deadline.addToInstant(order.expiresAt, before, profile.timezone, -1)
}

/**
 * When to remind about the hearing in force: the profile's
 * `protectionOrders.hearingReminderBefore` before it, in local days (the same
 * local time the day before, across a daylight-saving change). Never after the
 * hearing: a reminder that local time would move past it (a zero lead on the
 * night the clocks go back) falls at the hearing itself. Undefined without a
 * hearing.
 */
export const hearingReminder = (
  order: Pick<ProtectionOrder, "hearings">,
  profile: JurisdictionProfile.JurisdictionProfile,
): Date | undefined => {
  const hearing = nextHearing(order)
  if (hearing === undefined) return undefined
  const at = Deadline.addToInstant(hearing.at, profile.protectionOrders.hearingReminderBefore, profile.timezone, -1)
  return at.getTime() > hearing.at.getTime() ? hearing.at : at
}

/**
 * The order's reminders that still matter for its status, earliest first: the
 * decision due while requested; the extension reminder and the expiry while
 * issued or extended; the hearing reminder while requested, issued or
 * extended. A rejected or expired order has none.
 */
export const reminders = (
  order: ProtectionOrder,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<Reminder> => {
  const out: Array<Reminder> = []
  const add = (kind: ReminderKind, at: Date | undefined) => {
    if (at !== undefined) out.push({ kind, at, title: `case.order.reminder.${kind}` })
  }
  if (order.status === "requested") add("decision-due", decisionDue(order, profile))
  if (order.status === "issued" || order.status === "extended") {
    add("extension-reminder", extensionReminder(order, profile))
    add("expiry", order.expiresAt)
  }
  if (order.status === "requested" || order.status === "issued" || order.status === "extended")
    add("hearing", hearingReminder(order, profile))
  return out.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/**
 * Whether a requested order's decision is overdue at `now`.
 */
export const decisionOverdue = (
  order: ProtectionOrder,
  now: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): boolean => {
  if (order.status !== "requested") return false
  const due = decisionDue(order, profile)
  return due !== undefined && due.getTime() < now.getTime()
}
