/**
 * The port through which action items are stored. Effects fail only with the
 * kernel's `NotFound` and `Conflict`. The SQL adapter is `SqlActionItemRepository`.
 */
import type { Errors, Id } from "@bashke/kernel"
import type { Effect } from "effect"
import { Context } from "effect"
import type { ActionItem } from "./ActionItem"
import type { Extension } from "./ActionItemExtension"

/**
 * One keyset step of a list of items by due date, then id: at most `limit`
 * after the key `after`, without the case-linked ones when `withoutCases`
 * (for whoever does not see case data).
 */
export interface ItemPage {
  readonly after?: readonly [dueDate: string, id: string] | undefined
  readonly limit: number
  readonly withoutCases: boolean
}

export interface Service {
  /** Stores a new item (version 1). */
  readonly insert: (item: ActionItem) => Effect.Effect<void>
  /** Stores a changed item if its stored version is still `expectedVersion`; returns it with the new version. */
  readonly update: (
    item: ActionItem,
    expectedVersion: number,
  ) => Effect.Effect<ActionItem, Errors.NotFound | Errors.Conflict>
  /** Keeps an extension in the item's history (the item itself is changed through `update`). */
  readonly recordExtension: (extension: Extension) => Effect.Effect<void>
  /** The item's extensions, oldest first. */
  readonly extensions: (id: Id.ActionItemId) => Effect.Effect<ReadonlyArray<Extension>>
  /** The extensions of any of the items, oldest first; none for no items. */
  readonly extensionsOf: (ids: ReadonlyArray<Id.ActionItemId>) => Effect.Effect<ReadonlyArray<Extension>>
  readonly find: (id: Id.ActionItemId) => Effect.Effect<ActionItem, Errors.NotFound>
  /**
   * The item's mechanism alone (`NotFound` for an unknown item): what decides
   * whether the caller may know of the item, read before any sealed text is
   * opened, so that an outsider is refused after the same work as for an
   * unknown id.
   */
  readonly mechanismOf: (id: Id.ActionItemId) => Effect.Effect<Id.MechanismId, Errors.NotFound>
  /** The mechanism's open items, by due date. */
  readonly open: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<ActionItem>>
  /** One keyset step of the mechanism's open items (of one owner when given), by due date then id (meeting migration 9). */
  readonly openPage: (
    mechanismId: Id.MechanismId,
    page: ItemPage & { readonly owner?: Id.InstitutionId | undefined },
  ) => Effect.Effect<ReadonlyArray<ActionItem>>
  /** One keyset step of the items decided at a meeting, open or closed, by due date then id (meeting migration 9). */
  readonly meetingPage: (meetingId: Id.MeetingId, page: ItemPage) => Effect.Effect<ReadonlyArray<ActionItem>>
  /** The items decided at a meeting, in the order they were recorded. */
  readonly byMeeting: (meetingId: Id.MeetingId) => Effect.Effect<ReadonlyArray<ActionItem>>
  /**
   * The items linked to a case, whatever their meeting or status, by id (the
   * order they were recorded): at most `limit`, after the item `after`.
   */
  readonly byCase: (
    caseId: Id.CaseId,
    page: { readonly limit: number; readonly after: Id.ActionItemId | undefined },
  ) => Effect.Effect<ReadonlyArray<ActionItem>>
  /**
   * The items linked to any of the local action plan's activities, whatever
   * their status, by due date then id; none for no activities.
   */
  readonly byActivities: (activityIds: ReadonlyArray<Id.ActivityId>) => Effect.Effect<ReadonlyArray<ActionItem>>
}

export class ActionItemRepository extends Context.Tag("@bashke/meeting/ActionItemRepository")<
  ActionItemRepository,
  Service
>() {}
