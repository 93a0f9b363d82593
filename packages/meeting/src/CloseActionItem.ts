/**
 * The owner institution (or the coordinator) closes an open item: `done`, or
 * `not-done` with the reason `circumstances-changed` or `not-done`. The item's
 * new version and `meeting.action-item.updated` commit together.
 */
import type { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import type * as ActionItem from "./ActionItem"
import * as ActionItemCommands from "./ActionItemCommands"
import * as ActionItemLifecycle from "./ActionItemLifecycle"
import { ActionItemRepository } from "./ActionItemRepository"
import { loadItem, mayChange } from "./internal/ActionItemChange"
import { useCase } from "./internal/Input"
import type { Requirements } from "./internal/MeetingChange"
import * as Events from "./MeetingEvents"

/**
 * Closes the item and answers it with its new version.
 */
export const close: (
  input: typeof ActionItemCommands.CloseActionItem.Encoded,
) => Effect.Effect<
  ActionItem.ActionItem,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition,
  Requirements | ActionItemRepository
> = useCase({
  span: "ActionItemService.close",
  command: ActionItemCommands.CloseActionItem,
  load: loadItem,
  decide: (loaded, command) =>
    Effect.zipRight(
      mayChange(loaded, command),
      ActionItemLifecycle.transition(
        loaded.item,
        command.status === "done" || command.reason === undefined
          ? ActionItemLifecycle.Command.Complete({ by: loaded.principal.id, at: loaded.at })
          : ActionItemLifecycle.Command.MarkNotDone({ reason: command.reason, by: loaded.principal.id, at: loaded.at }),
      ),
    ),
  write: (next, _, command) =>
    Effect.gen(function* () {
      const stored = yield* (yield* ActionItemRepository).update(next, command.expectedVersion)
      yield* Events.append("meeting.action-item.updated", stored.id, {
        actionItemId: stored.id,
        mechanismId: stored.mechanismId,
        status: stored.status,
        notDoneReason: stored.notDoneReason ?? null,
      })
      return stored
    }),
})
