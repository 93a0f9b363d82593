/**
 * The mechanism a meeting or an action item belongs to, read before anything
 * else about it: the app checks the caller's reach into that mechanism first,
 * so that a caller outside it is refused in the time an unknown id takes,
 * before any sealed text is opened.
 */
import type { Errors, Id } from "@bashke/kernel"
import { Effect, type Option } from "effect"
import { ActionItemRepository } from "./ActionItemRepository"
import { MeetingRepository } from "./MeetingRepository"

/** The meeting's mechanism; `None` for an unknown meeting. */
export const ofMeeting = (
  meetingId: Id.MeetingId,
): Effect.Effect<Option.Option<Id.MechanismId>, never, MeetingRepository> =>
  Effect.flatMap(MeetingRepository, (meetings) => meetings.mechanismOf(meetingId))

/**
 * The action item's mechanism (`NotFound` for an unknown item), read alone: the
 * item's sealed text is not opened for a caller who may not know of it.
 */
export const ofActionItem = (
  actionItemId: Id.ActionItemId,
): Effect.Effect<Id.MechanismId, Errors.NotFound, ActionItemRepository> =>
  Effect.flatMap(ActionItemRepository, (items) => items.mechanismOf(actionItemId))
