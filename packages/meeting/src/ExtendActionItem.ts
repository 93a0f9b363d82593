/**
 * The owner institution (or the coordinator) moves an open item's due date
 * later (`ActionItemExtension.check`), with the reason. The previous date, who
 * extended it, for which institution, when and why are kept in the item's
 * history; the item, the history, the outbox event (without the reason) and
 * the audit entry of the sealed reason's write are one transaction.
 */
import { Errors } from "@bashke/kernel"
import { AuditEntry, AuditLog } from "@bashke/security"
import { Effect } from "effect"
import type * as ActionItem from "./ActionItem"
import * as ActionItemCommands from "./ActionItemCommands"
import * as ActionItemExtension from "./ActionItemExtension"
import { ActionItemRepository } from "./ActionItemRepository"
import { loadItem, mayChange } from "./internal/ActionItemChange"
import { useCase } from "./internal/Input"
import type { Requirements } from "./internal/MeetingChange"
import * as Events from "./MeetingEvents"

/**
 * Extends the item and answers it with its new version.
 */
export const extend: (
  input: typeof ActionItemCommands.ExtendActionItem.Encoded,
) => Effect.Effect<
  ActionItem.ActionItem,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict,
  Requirements | ActionItemRepository | AuditLog.AuditLog
> = useCase({
  span: "ActionItemService.extend",
  command: ActionItemCommands.ExtendActionItem,
  load: loadItem,
  decide: (loaded, command) =>
    Effect.gen(function* () {
      yield* mayChange(loaded, command)
      const institution = loaded.principal.institution
      // Either acts for an institution: the owner's, or the coordinating one.
      if (institution === undefined)
        return yield* new Errors.Forbidden({
          action: "meeting.action-item.update",
          rule: "meeting.action-item.owner-required",
        })
      return { institution, dueDate: yield* ActionItemExtension.check(loaded.item, command.dueDate) }
    }),
  write: ({ institution, dueDate }, { principal, at, item }, command) =>
    Effect.gen(function* () {
      const repository = yield* ActionItemRepository
      const extension: ActionItemExtension.Extension = {
        id: yield* ActionItemExtension.ExtensionId.generate,
        actionItemId: item.id,
        previousDueDate: item.dueDate,
        dueDate,
        reason: command.reason,
        extendedBy: principal.id,
        institution,
        extendedAt: at,
      }
      const stored = yield* repository.update({ ...item, dueDate, updatedAt: at }, command.expectedVersion)
      yield* repository.recordExtension(extension)
      yield* Events.append("meeting.action-item.extended", stored.id, {
        actionItemId: stored.id,
        mechanismId: stored.mechanismId,
        previousDueDate: extension.previousDueDate,
        dueDate: extension.dueDate,
      })
      yield* Effect.flatMap(AuditLog.AuditLog, (log) =>
        log.append({
          ...AuditEntry.actor(principal),
          mechanismId: stored.mechanismId,
          ...(stored.link?._tag === "case" ? { caseId: stored.link.caseId } : {}),
          action: "write",
          purpose: "case-conference",
        }),
      ).pipe(Effect.orDie)
      return stored
    }),
})
