/**
 * An action item's due date moved later, with the reason: the coordinator or
 * the owning institution extends an open item when the work needs more time.
 * The previous due date is kept, with who extended it, for which institution,
 * when and why. The reason is free text that may name people: it is stored
 * sealed and never put in events, errors or logs.
 */
import { type CivilDate, Errors, Id } from "@bashke/kernel"
import { Either, Schema } from "effect"
import type { ActionItem } from "./ActionItem"
import { DueDate } from "./ActionItem"
import { Reason } from "./Meeting"

/**
 * The id of one extension.
 */
export const ExtensionId = Id.make("ActionItemExtensionId")

export type ExtensionId = typeof ExtensionId.Type

/**
 * One extension of an item's due date, as kept in its history.
 */
export const Extension = Schema.Struct({
  id: ExtensionId,
  actionItemId: Id.ActionItemId,
  previousDueDate: DueDate,
  dueDate: DueDate,
  reason: Reason,
  extendedBy: Id.PrincipalId,
  institution: Id.InstitutionId,
  extendedAt: Schema.Date,
}).annotations({ identifier: "ActionItemExtension" })

export type Extension = typeof Extension.Type

/**
 * The new due date, when `item` may be extended to it: the item is still open
 * (`meeting.action-item.extension-closed` on `dueDate`), and the date is later
 * than the current one (`meeting.action-item.extension-not-later` on
 * `dueDate`). The current date is never before the meeting's day
 * (`ActionItemService.add`), so neither is the new one.
 */
export const check = (
  item: Pick<ActionItem, "status" | "dueDate">,
  dueDate: CivilDate.CivilDate,
): Either.Either<CivilDate.CivilDate, Errors.InvalidInput> => {
  if (item.status !== "open")
    return Either.left(new Errors.InvalidInput({ field: "dueDate", rule: "meeting.action-item.extension-closed" }))
  if (dueDate <= item.dueDate)
    return Either.left(new Errors.InvalidInput({ field: "dueDate", rule: "meeting.action-item.extension-not-later" }))
  return Either.right(dueDate)
}
