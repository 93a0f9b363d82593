import { Id } from "@bashke/kernel"
/**
 * The inputs of the action item use cases, as schemas (see `MeetingCommands`).
 */
import { Schema } from "effect"
import { Description, DueDate, Link, NotDoneReason } from "./ActionItem"
import { Reason } from "./Meeting"
import { ExpectedVersion } from "./MeetingCommands"

/**
 * The coordinator records an action item decided at a held meeting.
 */
export const AddActionItem = Schema.Struct({
  meetingId: Id.MeetingId,
  owner: Id.InstitutionId,
  dueDate: DueDate,
  link: Schema.optional(Link),
  description: Description,
})

/**
 * The owner (or the coordinator) closes an item: `done`, or `not-done` with
 * the reason (`meeting.action-item.reason-required`; a done item takes none,
 * `meeting.action-item.reason-unexpected`).
 */
export const CloseActionItem = Schema.Struct({
  actionItemId: Id.ActionItemId,
  expectedVersion: ExpectedVersion,
  status: Schema.Literal("done", "not-done"),
  reason: Schema.optional(NotDoneReason),
}).pipe(
  Schema.filter((input) =>
    input.status === "not-done"
      ? input.reason !== undefined || { path: ["reason"], message: "meeting.action-item.reason-required" }
      : input.reason === undefined || { path: ["reason"], message: "meeting.action-item.reason-unexpected" },
  ),
)

/**
 * The owner (or the coordinator) moves an open item's due date later, with the
 * reason (1 to 2000 characters, `meeting.reason.invalid`; stored sealed).
 */
export const ExtendActionItem = Schema.Struct({
  actionItemId: Id.ActionItemId,
  expectedVersion: ExpectedVersion,
  dueDate: DueDate,
  reason: Reason,
})
