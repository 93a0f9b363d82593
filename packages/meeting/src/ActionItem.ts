/**
 * Action items decided at a meeting: an owner institution, a due date, an
 * optional link to a case or to an activity of the local action plan, and a
 * status — open, done, or not done with the reason told apart
 * (`circumstances-changed` versus plain `not-done`, as MARAC minutes do).
 * Open items carry over to the agenda of every later meeting until closed.
 */
import { CivilDate, Id } from "@bashke/kernel"
import { Order, Schema } from "effect"

export const Status = Schema.Literal("open", "done", "not-done").annotations({ identifier: "ActionItemStatus" })

export type Status = typeof Status.Type

/**
 * Why an item was not done: the circumstances changed (nothing left to do),
 * or it simply was not done.
 */
export const NotDoneReason = Schema.Literal("circumstances-changed", "not-done").annotations({
  identifier: "NotDoneReason",
})

export type NotDoneReason = typeof NotDoneReason.Type

/**
 * A due date: the kernel's calendar date, `YYYY-MM-DD` (a real day; a failed
 * decode reports `civil-date.malformed`). Such strings sort chronologically.
 */
export const DueDate = CivilDate.CivilDate

export type DueDate = CivilDate.CivilDate

/**
 * What an item is about: a case (its id, never its people) or an activity of
 * the local action plan.
 */
export const Link = Schema.Union(
  Schema.TaggedStruct("case", { caseId: Id.CaseId }),
  Schema.TaggedStruct("activity", { activityId: Id.ActivityId }),
).annotations({ identifier: "ActionItemLink" })

export type Link = typeof Link.Type

/**
 * Whether an item is case data: it is linked to a case. Only those who see
 * case data read it (`MeetingPolicy.seesCaseData`).
 */
export const concernsCase = (item: { readonly link?: Link | undefined }): boolean => item.link?._tag === "case"

/**
 * The longest description, in characters.
 */
export const maxDescriptionLength = 2000

/**
 * What is to be done: 1 to 2000 characters. Stored sealed (it may name people).
 */
export const Description = Schema.String.pipe(
  Schema.filter((s) => (s.trim().length > 0 && s.length <= maxDescriptionLength) || "meeting.action-item.invalid", {
    identifier: "ActionItemDescription",
    arbitrary: () => (fc) =>
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
  }),
)

/**
 * An action item. `decidedAt` is the start of the meeting that decided it;
 * `closedAt` and `closedBy` are set when it is done or not done, and
 * `notDoneReason` exactly when it is not done.
 */
export const ActionItem = Schema.Struct({
  id: Id.ActionItemId,
  mechanismId: Id.MechanismId,
  meetingId: Id.MeetingId,
  decidedAt: Schema.Date,
  owner: Id.InstitutionId,
  dueDate: DueDate,
  link: Schema.optional(Link),
  description: Description,
  status: Status,
  notDoneReason: Schema.optional(NotDoneReason),
  closedAt: Schema.optional(Schema.Date),
  closedBy: Schema.optional(Id.PrincipalId),
  version: Schema.Int.pipe(Schema.positive()),
  createdAt: Schema.Date,
  updatedAt: Schema.Date,
}).annotations({ identifier: "ActionItem" })

export type ActionItem = typeof ActionItem.Type

/**
 * The local calendar date of an instant in `timeZone`, as `YYYY-MM-DD`.
 */
export const localDate = (instant: Date, timeZone: string): DueDate => CivilDate.ofInstant(instant, timeZone)

/**
 * Whether an item is overdue on a local date: still open, and due before it.
 */
export const isOverdue = (item: Pick<ActionItem, "status" | "dueDate">, on: DueDate): boolean =>
  item.status === "open" && item.dueDate < on

/**
 * The items that carry over to a meeting starting at `startsAt`: open items
 * of the mechanism decided at an earlier meeting.
 */
export const carriedOver = (
  items: ReadonlyArray<ActionItem>,
  meeting: { readonly id: Id.MeetingId; readonly mechanismId: Id.MechanismId; readonly startsAt: Date },
): ReadonlyArray<ActionItem> =>
  items.filter(
    (item) =>
      item.status === "open" &&
      item.mechanismId === meeting.mechanismId &&
      item.meetingId !== meeting.id &&
      item.decidedAt.getTime() < meeting.startsAt.getTime(),
  )

/**
 * The order items are reviewed in on a local date: overdue first, then by due
 * date, then by id (creation order).
 */
export const reviewOrder = (on: DueDate): Order.Order<ActionItem> =>
  Order.combine(
    Order.mapInput(Order.boolean, (item: ActionItem) => !isOverdue(item, on)),
    Order.combine(
      Order.mapInput(Order.string, (item: ActionItem) => item.dueDate),
      Order.mapInput(Order.string, (item: ActionItem) => item.id),
    ),
  )
