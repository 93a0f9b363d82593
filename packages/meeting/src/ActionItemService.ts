/**
 * The action item use cases: the coordinator records an item decided at a
 * held meeting; its owner (or the coordinator) closes it as done or not done
 * with the reason. Each command writes the item and its outbox event in one
 * transaction; a refused command writes nothing.
 */

import { Errors, Id, Instant, JurisdictionProfile, Principal, Span } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import type { AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import * as ActionItem from "./ActionItem"
import * as ActionItemCommands from "./ActionItemCommands"
import * as ActionItemLifecycle from "./ActionItemLifecycle"
import { ActionItemRepository } from "./ActionItemRepository"
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
