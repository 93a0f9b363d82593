/**
 * The coordinator records an action item of a held meeting (until its minutes
 * are approved). The owner must be a member on the meeting's date
 * (`meeting.action-item.owner-not-a-member`) and the item cannot be due before
 * the meeting's local day (`meeting.action-item.due-in-past`). The item and
 * `meeting.action-item.created` commit together.
 */
import { Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect } from "effect"
import * as ActionItem from "./ActionItem"
import * as ActionItemCommands from "./ActionItemCommands"
import { ActionItemRepository } from "./ActionItemRepository"
import { useCase } from "./internal/Input"
import { loadMeeting, type Requirements } from "./internal/MeetingChange"
import * as MechanismRoster from "./MechanismRoster"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"
import * as MeetingPolicy from "./MeetingPolicy"

/**
 * Records the item and answers it (version 1).
 */
export const add: (
  input: typeof ActionItemCommands.AddActionItem.Encoded,
) => Effect.Effect<
  ActionItem.ActionItem,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition,
  Requirements | ActionItemRepository
> = useCase({
  span: "ActionItemService.add",
  command: ActionItemCommands.AddActionItem,
  load: (command) => loadMeeting(command.meetingId),
  decide: ({ at, meeting, principal, roster }, command) =>
    Effect.gen(function* () {
      yield* MeetingPolicy.requireCoordinator(roster, principal, "meeting.action-item.add")
      yield* MeetingLifecycle.acceptsRecords(meeting, "add-action-item")
      const decidedAt = meeting.schedule?.startsAt ?? at
      const members = yield* MechanismRoster.rosterAt(meeting.mechanismId, decidedAt)
      if (!members.members.includes(command.owner))
        return yield* new Errors.InvalidInput({ field: "owner", rule: "meeting.action-item.owner-not-a-member" })
      const profile = yield* JurisdictionProfile.CurrentJurisdiction
      if (command.dueDate < ActionItem.localDate(decidedAt, profile.timezone))
        return yield* new Errors.InvalidInput({ field: "dueDate", rule: "meeting.action-item.due-in-past" })
      return decidedAt
    }),
  write: (decidedAt, { at, meeting }, command) =>
    Effect.gen(function* () {
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
      yield* (yield* ActionItemRepository).insert(item)
      yield* Events.append("meeting.action-item.created", item.id, {
        actionItemId: item.id,
        meetingId: item.meetingId,
        mechanismId: item.mechanismId,
        owner: item.owner,
        dueDate: item.dueDate,
        caseId: item.link?._tag === "case" ? item.link.caseId : null,
        activityId: item.link?._tag === "activity" ? item.link.activityId : null,
      })
      return item
    }),
})
