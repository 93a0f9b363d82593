/**
 * The action item use cases: the coordinator records an item decided at a
 * held meeting; its owner (or the coordinator) closes it as done or not done
 * with the reason, or extends its due date with the reason (the previous date
 * kept in its history). Each command writes the item and its outbox event in
 * one transaction; a refused command writes nothing.
 */

import { Cursor, Errors, Id, Instant, JurisdictionProfile, Pagination, Principal, Span } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import * as ActionItem from "./ActionItem"
import * as ActionItemCommands from "./ActionItemCommands"
import * as ActionItemExtension from "./ActionItemExtension"
import * as ActionItemLifecycle from "./ActionItemLifecycle"
import { ActionItemRepository, type ItemPage } from "./ActionItemRepository"
import { decodeInput } from "./internal/Input"
import { recordTextRead } from "./internal/TextReads"
import * as MechanismRoster from "./MechanismRoster"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"
import * as MeetingPolicy from "./MeetingPolicy"
import { MeetingRepository } from "./MeetingRepository"

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
 * The coordinator records an action item of a held meeting (until its minutes
 * are approved). The owner must be a member on the meeting's date
 * (`meeting.action-item.owner-not-a-member`) and the item cannot be due before
 * the meeting's local day (`meeting.action-item.due-in-past`).
 */
export const add = (
  input: typeof ActionItemCommands.AddActionItem.Encoded,
): Effect.Effect<
  ActionItem.ActionItem,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition,
  Requirements
> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionItemCommands.AddActionItem)(input)
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const meeting = yield* Effect.flatMap(MeetingRepository, (meetings) => meetings.find(command.meetingId))
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, at)
    yield* MeetingPolicy.requireCoordinator(roster, principal, "meeting.action-item.add")
    yield* MeetingLifecycle.acceptsRecords(meeting, "add-action-item")
    const decidedAt = meeting.schedule?.startsAt ?? at
    const members = yield* MechanismRoster.rosterAt(meeting.mechanismId, decidedAt)
    if (!members.members.includes(command.owner))
      return yield* Effect.fail(
        new Errors.InvalidInput({ field: "owner", rule: "meeting.action-item.owner-not-a-member" }),
      )
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    if (command.dueDate < ActionItem.localDate(decidedAt, profile.timezone))
      return yield* Effect.fail(new Errors.InvalidInput({ field: "dueDate", rule: "meeting.action-item.due-in-past" }))
    const item: ActionItem.ActionItem = {
      id: yield* Id.ActionItemId.generate,
      mechanismId: meeting.mechanismId,
      meetingId: meeting.id,
      decidedAt,
      owner: command.owner,
      dueDate: command.dueDate,
      ...(command.link === undefined ? {} : { link: command.link }),
      description: command.description,
      status: "open",
      version: 1,
      createdAt: at,
      updatedAt: at,
    }
    const repository = yield* ActionItemRepository
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* repository.insert(item)
        yield* Events.append("meeting.action-item.created", item.id, {
          actionItemId: item.id,
          meetingId: item.meetingId,
          mechanismId: item.mechanismId,
          owner: item.owner,
          dueDate: item.dueDate,
          caseId: item.link?._tag === "case" ? item.link.caseId : null,
          activityId: item.link?._tag === "activity" ? item.link.activityId : null,
        })
      }),
    )
    return item
  }).pipe(Span.untraced("ActionItemService.add"))

/**
 * The item a command changes, once the owner institution or the coordinator
 * may change it and the command was made against its current version: what
 * closing and extending share.
 */
const itemToChange = (command: {
  readonly actionItemId: ActionItem.ActionItem["id"]
  readonly expectedVersion: number
}) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const repository = yield* ActionItemRepository
    const item = yield* repository.find(command.actionItemId)
    const roster = yield* MechanismRoster.rosterAt(item.mechanismId, at)
    yield* MeetingPolicy.requireOwnerOrCoordinator(roster, principal, item.owner)
    if (item.version !== command.expectedVersion)
      return yield* Effect.fail(
        new Errors.Conflict({
          entity: "ActionItem",
          id: item.id,
          rule: "version.stale",
          expectedVersion: command.expectedVersion,
          actualVersion: item.version,
        }),
      )
    return { principal, at, repository, item }
  })

/**
 * The owner institution (or the coordinator) closes an open item: `done`, or
 * `not-done` with the reason `circumstances-changed` or `not-done`.
 */
export const close = (
  input: typeof ActionItemCommands.CloseActionItem.Encoded,
): Effect.Effect<
  ActionItem.ActionItem,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition,
  Requirements
> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionItemCommands.CloseActionItem)(input)
    const { principal, at, repository, item } = yield* itemToChange(command)
    const next = yield* ActionItemLifecycle.transition(
      item,
      command.status === "done" || command.reason === undefined
        ? ActionItemLifecycle.Command.Complete({ by: principal.id, at })
        : ActionItemLifecycle.Command.MarkNotDone({ reason: command.reason, by: principal.id, at }),
    )
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* repository.update(next, command.expectedVersion)
        yield* Events.append("meeting.action-item.updated", stored.id, {
          actionItemId: stored.id,
          mechanismId: stored.mechanismId,
          status: stored.status,
          notDoneReason: stored.notDoneReason ?? null,
        })
        return stored
      }),
    )
  }).pipe(Span.untraced("ActionItemService.close"))

/**
 * The owner institution (or the coordinator) moves an open item's due date
 * later (`ActionItemExtension.check`), with the reason. The previous date, who
 * extended it, for which institution, when and why are kept in the item's
 * history; the item, the history, the outbox event (without the reason) and
 * the audit entry of the sealed reason's write are one transaction.
 */
export const extend = (
  input: typeof ActionItemCommands.ExtendActionItem.Encoded,
): Effect.Effect<
  ActionItem.ActionItem,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict,
  Requirements | AuditLog.AuditLog
> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(ActionItemCommands.ExtendActionItem)(input)
    const { principal, at, repository, item } = yield* itemToChange(command)
    const institution = principal.institution
    // Either acts for an institution: the owner's, or the coordinating one.
    if (institution === undefined)
      return yield* Effect.fail(
        new Errors.Forbidden({ action: "meeting.action-item.update", rule: "meeting.action-item.owner-required" }),
      )
    const dueDate = yield* ActionItemExtension.check(item, command.dueDate)
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
    return yield* Transaction.run(
      Effect.gen(function* () {
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
    )
  }).pipe(Span.untraced("ActionItemService.extend"))

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
