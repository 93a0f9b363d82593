/**
 * What is due: the shared words in which every domain package states its
 * deadlines, so that one scheduler can remind people of them and one worklist
 * can show them. A domain's pure rule turns an open referral, an order, a
 * meeting request or an action item into {@link Item}s; the notifications
 * package composes them, resolves each {@link Audience} to people at sending
 * time, and never decides on its own what is due or who must act.
 *
 * An item is one thing someone must do (or attend to) by `dueAt`: acknowledge a
 * referral, decide on it, extend an order before it expires. Its
 * {@link Reminder}s say when to tell whom: before the deadline, at it, and once
 * it has passed with nobody acting, escalated to the sending institution and
 * then to the coordinator. Items carry ids, codes and times only, never a
 * personal detail.
 */
import { Schema } from "effect"
import * as CivilDate from "./CivilDate"
import * as Deadline from "./Deadline"
import { type CaseId, InstitutionId, type MechanismId } from "./Id"
import type { JurisdictionProfile } from "./JurisdictionProfile"

/**
 * Who is told, in the domain's words; the notifications package turns it into
 * people when it sends, so someone who has since lost access is never told.
 *
 * - `Institution`: the people of that member institution in the mechanism;
 * - `Coordinator`: the mechanism's coordinators.
 */
export const Audience = Schema.Union(
  Schema.TaggedStruct("Institution", { institution: InstitutionId }),
  Schema.TaggedStruct("Coordinator", {}),
).annotations({ identifier: "DueAudience" })

export type Audience = typeof Audience.Type

/**
 * The people of an institution.
 */
export const institution = (id: InstitutionId): Audience => ({ _tag: "Institution", institution: id })

/**
 * The mechanism's coordinators.
 */
export const coordinator: Audience = { _tag: "Coordinator" }

/**
 * A stable text for an audience (`institution:<id>`, `coordinator`), to store
 * and to compare.
 */
export const audienceKey = (audience: Audience): string =>
  audience._tag === "Institution" ? `institution:${audience.institution}` : "coordinator"

/**
 * Audiences without repeats, in first-seen order.
 */
export const distinctAudiences = (audiences: ReadonlyArray<Audience>): ReadonlyArray<Audience> => {
  const seen = new Set<string>()
  return audiences.filter((audience) => {
    const key = audienceKey(audience)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Where a reminder stands against its item's deadline:
 *
 * - `approaching`: before the deadline, to those who must act;
 * - `due`: at the deadline (an order expiring, a hearing tomorrow);
 * - `overdue`: the deadline passed and nobody acted;
 * - `escalated`: still nobody, so people above are told.
 */
export const Stage = Schema.Literal("approaching", "due", "overdue", "escalated").annotations({
  identifier: "DueStage",
})

export type Stage = typeof Stage.Type

/**
 * The stages in the order they come.
 */
export const stages: ReadonlyArray<Stage> = Stage.literals

/**
 * What a thing due is about: an entity of a domain package, by type and id.
 */
export const SubjectType = Schema.Literal("referral", "protection-order", "meeting", "action-item", "case").annotations(
  { identifier: "DueSubjectType" },
)

export type SubjectType = typeof SubjectType.Type

export interface Subject {
  readonly type: SubjectType
  readonly id: string
}

/**
 * When to tell whom. `until` is when the reminder stops being worth sending (a
 * reminder to acknowledge, once the deadline has passed, is replaced by the
 * overdue one): a scheduler that was stopped past it records it as skipped
 * instead of sending it late.
 */
export interface Reminder {
  readonly stage: Stage
  readonly at: Date
  readonly until?: Date | undefined
  readonly audience: ReadonlyArray<Audience>
}

/**
 * One thing due. `key` is stable for as long as the same thing is due (an
 * order's expiry keyed by the expiry itself, so an extension makes a new
 * item); `kind` names what is due (`referral.acknowledge`) and keys its
 * messages; `responsible` are those who must act, whose worklist shows it;
 * `until`, when set, is when the item stops mattering (a hearing once it has
 * begun): it leaves worklists and none of its reminders is sent from then.
 */
export interface Item {
  readonly key: string
  readonly kind: string
  readonly mechanism: MechanismId
  readonly case?: CaseId | undefined
  readonly subject: Subject
  readonly dueAt: Date
  readonly responsible: ReadonlyArray<Audience>
  readonly reminders: ReadonlyArray<Reminder>
  readonly until?: Date | undefined
  /**
   * The calendar day a thing is due on, when it is due on a day rather than at
   * an instant (an action item, a reassessment): shown as that day, while
   * `dueAt` is the end of it.
   */
  readonly day?: CivilDate.CivilDate | undefined
}

/**
 * The catalogue key of what an item asks, in its domain's messages:
 * `referral.acknowledge` → `referral.due.acknowledge` ("Acknowledge the
 * referral").
 */
export const titleKey = (kind: string): string => {
  const dot = kind.indexOf(".")
  return dot < 0 ? `${kind}.due` : `${kind.slice(0, dot)}.due${kind.slice(dot)}`
}

/**
 * The catalogue key of a reminder's sentence, with the placeholder `{due}`:
 * `referral.due.acknowledge.overdue` ("The referral was not acknowledged by
 * {due}.").
 */
export const messageKey = (kind: string, stage: Stage): string => `${titleKey(kind)}.${stage}`

/**
 * Whether an item still matters at `now` (before its `until`, if any).
 */
export const current = (item: Pick<Item, "until">, now: Date): boolean =>
  item.until === undefined || now.getTime() < item.until.getTime()

/**
 * The idempotency key of one reminder of an item: the item's key and the stage.
 */
export const reminderKey = (item: Pick<Item, "key">, reminder: Pick<Reminder, "stage">): string =>
  `${item.key}#${reminder.stage}`

/**
 * Where an item stands at `now` for a worklist:
 *
 * - `overdue`: its deadline has passed;
 * - `due`: its first reminder has been sent (the deadline is near);
 * - `upcoming`: neither yet.
 */
export type State = "upcoming" | "due" | "overdue"

/**
 * An item's {@link State} at `now`.
 */
export const state = (item: Pick<Item, "dueAt" | "reminders">, now: Date): State => {
  if (item.dueAt.getTime() <= now.getTime()) return "overdue"
  const first = item.reminders.reduce((earliest, reminder) => Math.min(earliest, reminder.at.getTime()), Infinity)
  return first <= now.getTime() ? "due" : "upcoming"
}

/**
 * Whether the item has reached its `escalated` stage at `now`.
 */
export const escalated = (item: Pick<Item, "reminders">, now: Date): boolean =>
  item.reminders.some((reminder) => reminder.stage === "escalated" && reminder.at.getTime() <= now.getTime())

/**
 * The reminders of an item that are due at `now` (their time has come),
 * earliest first.
 */
export const dueReminders = (item: Pick<Item, "reminders">, now: Date): ReadonlyArray<Reminder> =>
  item.reminders
    .filter((reminder) => reminder.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())

/**
 * Whether a reminder is still worth sending at `now` (before its `until`).
 */
export const stillWorthSending = (reminder: Pick<Reminder, "until">, now: Date): boolean =>
  reminder.until === undefined || now.getTime() < reminder.until.getTime()

/**
 * The instant a reminder about a calendar day goes out: that day at the
 * profile's `notifications.workdayStartsAt` local time (08:00 in Kosovo), so
 * "the action item is due today" reaches people in the morning, not at
 * midnight.
 */
export const morningOf = (day: CivilDate.CivilDate, profile: JurisdictionProfile): Date =>
  Deadline.fromLocal(
    { date: day, millisOfDay: profile.notifications.workdayStartsAt.value * 3_600_000 },
    profile.timezone,
  )

/**
 * The end of a calendar day in the profile's time zone (the next local
 * midnight): a thing due "on" a day is late from then.
 */
export const endOf = (day: CivilDate.CivilDate, profile: JurisdictionProfile): Date =>
  CivilDate.startOfDay(CivilDate.addDays(day, 1), profile.timezone)
