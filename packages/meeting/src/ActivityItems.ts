/**
 * The action items linked to activities of the local action plan, for the
 * action plan's progress: ids, due date and status only (never an item's
 * description), so no principal is asked. Reads only.
 */
import { type Id, Span } from "@bashke/kernel"
import { Effect } from "effect"
import type * as ActionItem from "./ActionItem"
import { ActionItemRepository } from "./ActionItemRepository"

/** An item as a plan activity's progress sees it. */
export interface ActivityItem {
  readonly actionItemId: Id.ActionItemId
  readonly meetingId: Id.MeetingId
  readonly activityId: Id.ActivityId
  readonly dueDate: ActionItem.ActionItem["dueDate"]
  readonly status: ActionItem.ActionItem["status"]
}

/** The items linked to any of `activityIds`. */
export const byActivities = (
  activityIds: ReadonlyArray<Id.ActivityId>,
): Effect.Effect<ReadonlyArray<ActivityItem>, never, ActionItemRepository> =>
  Effect.flatMap(ActionItemRepository, (repository) => repository.byActivities(activityIds)).pipe(
    Effect.map((items) =>
      items.flatMap(
        (item): ReadonlyArray<ActivityItem> =>
          item.link?._tag === "activity"
            ? [
                {
                  actionItemId: item.id,
                  meetingId: item.meetingId,
                  activityId: item.link.activityId,
                  dueDate: item.dueDate,
                  status: item.status,
                },
              ]
            : [],
      ),
    ),
    Span.untraced("MeetingService.activityItems"),
  )
