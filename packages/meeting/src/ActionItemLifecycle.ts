/**
 * An action item's lifecycle: `open` → `done`, or `open` → `not-done` with the
 * reason (`circumstances-changed` or `not-done`). Both ends are final: an item
 * that must be done after all is a new item at the next meeting.
 */
import { Errors, type Id } from "@bashke/kernel"
import { Data, Either } from "effect"
import type { ActionItem, NotDoneReason } from "./ActionItem"

/**
 * A command to an action item.
 */
export type Command = Data.TaggedEnum<{
  Complete: { readonly by: Id.PrincipalId; readonly at: Date }
  MarkNotDone: { readonly reason: NotDoneReason; readonly by: Id.PrincipalId; readonly at: Date }
}>

/**
 * Constructors and matchers for {@link Command}.
 */
export const Command = Data.taggedEnum<Command>()

/**
 * The item after `command`, or `InvalidTransition` when it is already closed.
 */
export const transition = (item: ActionItem, command: Command): Either.Either<ActionItem, Errors.InvalidTransition> => {
  if (item.status !== "open")
    return Either.left(
      new Errors.InvalidTransition({
        entity: "ActionItem",
        from: item.status,
        command: command._tag === "Complete" ? "complete" : "mark-not-done",
      }),
    )
  switch (command._tag) {
    case "Complete":
      return Either.right({
        ...item,
        status: "done",
        closedAt: command.at,
        closedBy: command.by,
        updatedAt: command.at,
      })
    case "MarkNotDone":
      return Either.right({
        ...item,
        status: "not-done",
        notDoneReason: command.reason,
        closedAt: command.at,
        closedBy: command.by,
        updatedAt: command.at,
      })
  }
}

/**
 * What is wrong with an item; empty for every item the lifecycle can reach.
 */
export const violations = (item: ActionItem): ReadonlyArray<string> => {
  const out: Array<string> = []
  const open = item.status === "open"
  if (open === (item.closedAt !== undefined)) out.push("a closed item, and only it, has the time it was closed")
  if (open === (item.closedBy !== undefined)) out.push("a closed item, and only it, names who closed it")
  if ((item.status === "not-done") !== (item.notDoneReason !== undefined))
    out.push("an item not done, and only it, has the reason")
  return out
}

/**
 * Whether an item is one the lifecycle can reach.
 */
export const isLegal = (item: ActionItem): boolean => violations(item).length === 0
