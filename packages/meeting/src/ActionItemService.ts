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

import { Cursor, Errors, Id, Instant, Pagination, Principal, Span } from "@bashke/kernel"
import type { AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import * as ActionItem from "./ActionItem"
import type * as ActionItemExtension from "./ActionItemExtension"
import { ActionItemRepository, type ItemPage } from "./ActionItemRepository"
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
  items: (withoutCases: boolean) => Effect.Effect<ReadonlyArray<ActionItem.ActionItem>, never, ActionItemRepository>,
) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const roster = yield* MechanismRoster.rosterAt(mechanismId, yield* Instant.now)
    yield* MeetingPolicy.requireMember(roster, principal, "meeting.action-item.list")
    const withoutCases = !MeetingPolicy.seesCaseData(roster, principal)
    const stored = yield* items(withoutCases)
    const found = withoutCases ? stored.filter((item) => !ActionItem.concernsCase(item)) : stored
    yield* recordTextRead(
      principal,
      mechanismId,
      found.map((item) => (item.link?._tag === "case" ? item.link.caseId : undefined)),
    )
    return found
  })

/** A request for a page of items: `limit` after the `after` cursor (`[dueDate, id]`) of the previous page. */
export interface ItemPageQuery {
  readonly limit: number
  readonly after?: string | undefined
}

/** The key item pages are ordered by: due date, then id. */
export const itemKey = (item: ActionItem.ActionItem): Cursor.Key => [item.dueDate, item.id]

const ItemKey = Schema.Tuple(ActionItem.DueDate, Id.ActionItemId)

// A page of items read in SQL by keyset: `limit + 1` rows, the extra one telling whether a next page exists.
const itemPage = (
  mechanismId: Id.MechanismId,
  query: ItemPageQuery,
  step: (page: ItemPage) => Effect.Effect<ReadonlyArray<ActionItem.ActionItem>, never, ActionItemRepository>,
) =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterKey(ItemKey, query.after)
    const rows = yield* readable(mechanismId, (withoutCases) => step({ after, limit: query.limit + 1, withoutCases }))
    return Pagination.paginate(rows, query.limit, itemKey)
  })

/**
 * A page of the mechanism's open action items (of one `owner` when given), by
 * due date then id, for a member (case-linked ones for those who see case
 * data; the read audited), paged in SQL.
 */
export const openPage = (
  mechanismId: Id.MechanismId,
  query: ItemPageQuery & { readonly owner?: Id.InstitutionId | undefined },
): Effect.Effect<
  Pagination.Page<ActionItem.ActionItem>,
  Errors.NotFound | Errors.Forbidden | Errors.InvalidInput,
  Requirements | AuditLog.AuditLog
> =>
  itemPage(mechanismId, query, (page) =>
    Effect.flatMap(ActionItemRepository, (repository) =>
      repository.openPage(mechanismId, { ...page, owner: query.owner }),
    ),
  ).pipe(Span.untraced("ActionItemService.openPage"))

/**
 * A page of the items decided at a meeting, open or closed, by due date then
 * id, for a member (case-linked ones for those who see case data; the read
 * audited), paged in SQL.
 */
export const meetingPage = (
  meetingId: Id.MeetingId,
  query: ItemPageQuery,
): Effect.Effect<
  Pagination.Page<ActionItem.ActionItem>,
  Errors.NotFound | Errors.Forbidden | Errors.InvalidInput,
  Requirements | AuditLog.AuditLog
> =>
  Effect.gen(function* () {
    const meeting = yield* Effect.flatMap(MeetingRepository, (meetings) => meetings.find(meetingId))
    return yield* itemPage(meeting.mechanismId, query, (page) =>
      Effect.flatMap(ActionItemRepository, (repository) => repository.meetingPage(meetingId, page)),
    )
  }).pipe(Span.untraced("ActionItemService.meetingPage"))

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
  readable(mechanismId, () => Effect.flatMap(ActionItemRepository, (repository) => repository.open(mechanismId))).pipe(
    Span.untraced("ActionItemService.open"),
  )

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
    return yield* readable(meeting.mechanismId, () =>
      Effect.flatMap(ActionItemRepository, (repository) => repository.byMeeting(meetingId)),
    )
  }).pipe(Span.untraced("ActionItemService.byMeeting"))
