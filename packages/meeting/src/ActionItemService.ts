/**
 * The action item use cases: the coordinator records an item decided at a
 * held meeting; its owner (or the coordinator) closes it as done or not done
 * with the reason, or extends its due date with the reason (the previous date
 * kept in its history). Each command writes the item and its outbox event in
 * one transaction; a refused command writes nothing.
 *
 * The commands are files run through the one pipeline (`UseCase`):
 * `AddActionItem`, `CloseActionItem`, `ExtendActionItem` (the last two share
 * `internal/ActionItemChange`); the reads stay here.
 */

import { Errors, type Id, Instant, Principal, Span } from "@bashke/kernel"
import type { AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import * as ActionItem from "./ActionItem"
import type * as ActionItemExtension from "./ActionItemExtension"
import { ActionItemRepository } from "./ActionItemRepository"
import { recordTextRead } from "./internal/TextReads"
import * as MechanismRoster from "./MechanismRoster"
import * as MeetingPolicy from "./MeetingPolicy"
import { MeetingRepository } from "./MeetingRepository"

export { add } from "./AddActionItem"
export { close } from "./CloseActionItem"
export { extend } from "./ExtendActionItem"

/**
 * What every action item use case needs.
 */
export type Requirements =
  | ActionItemRepository
  | MeetingRepository
  | MechanismRoster.MechanismRoster
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Principal.CurrentPrincipal

/**
 * An item's extensions, oldest first, for a member who may read the item
 * (a case-linked one only for whoever sees case data, else it is not found).
 * The reasons are sealed free text: the read is audited.
 */
export const extensions = (
  actionItemId: Id.ActionItemId,
): Effect.Effect<
  ReadonlyArray<ActionItemExtension.Extension>,
  Errors.NotFound | Errors.Forbidden,
  Requirements | AuditLog.AuditLog
> =>
  Effect.gen(function* () {
    const repository = yield* ActionItemRepository
    const item = yield* repository.find(actionItemId)
    const principal = yield* Principal.CurrentPrincipal
    const roster = yield* MechanismRoster.rosterAt(item.mechanismId, yield* Instant.now)
    yield* MeetingPolicy.requireMember(roster, principal, "meeting.action-item.list")
    if (ActionItem.concernsCase(item) && !MeetingPolicy.seesCaseData(roster, principal))
      return yield* Effect.fail(new Errors.NotFound({ entity: "ActionItem", id: actionItemId }))
    const found = yield* repository.extensions(actionItemId)
    yield* recordTextRead(
      principal,
      item.mechanismId,
      found.map(() => (item.link?._tag === "case" ? item.link.caseId : undefined)),
    )
    return found
  }).pipe(Span.untraced("ActionItemService.extensions"))

/**
 * The items of `mechanismId` a member may read: those linked to a case only
 * for whoever sees case data (`MeetingPolicy.seesCaseData`). Their
 * descriptions are sealed free text: the read is audited, per case the items
 * read are linked to.
 */
const readable = (
  mechanismId: Id.MechanismId,
  items: Effect.Effect<ReadonlyArray<ActionItem.ActionItem>, never, ActionItemRepository>,
) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const roster = yield* MechanismRoster.rosterAt(mechanismId, yield* Instant.now)
    yield* MeetingPolicy.requireMember(roster, principal, "meeting.action-item.list")
    const stored = yield* items
    const found = MeetingPolicy.seesCaseData(roster, principal)
      ? stored
      : stored.filter((item) => !ActionItem.concernsCase(item))
    yield* recordTextRead(
      principal,
      mechanismId,
      found.map((item) => (item.link?._tag === "case" ? item.link.caseId : undefined)),
    )
    return found
  })

/**
 * The mechanism's open action items, for a member (case-linked ones for those
 * who see case data; the read audited).
 */
export const open = (
  mechanismId: Id.MechanismId,
): Effect.Effect<
  ReadonlyArray<ActionItem.ActionItem>,
  Errors.NotFound | Errors.Forbidden,
  Requirements | AuditLog.AuditLog
> =>
  readable(
    mechanismId,
    Effect.flatMap(ActionItemRepository, (repository) => repository.open(mechanismId)),
  ).pipe(Span.untraced("ActionItemService.open"))

/**
 * The items decided at a meeting, for a member (case-linked ones for those who
 * see case data; the read audited).
 */
export const byMeeting = (
  meetingId: Id.MeetingId,
): Effect.Effect<
  ReadonlyArray<ActionItem.ActionItem>,
  Errors.NotFound | Errors.Forbidden,
  Requirements | AuditLog.AuditLog
> =>
  Effect.gen(function* () {
    const meeting = yield* Effect.flatMap(MeetingRepository, (meetings) => meetings.find(meetingId))
    return yield* readable(
      meeting.mechanismId,
      Effect.flatMap(ActionItemRepository, (repository) => repository.byMeeting(meetingId)),
    )
  }).pipe(Span.untraced("ActionItemService.byMeeting"))
