/**
 * The port through which a monitoring report finds the meeting action items
 * linked to each activity (the meeting package's action items carry an
 * optional plan-activity link). The app wires it to the meeting package;
 * {@link layerTest} answers from a list.
 */
import { CivilDate, Id } from "@bashke/kernel"
import { Context, Effect, Layer, Schema } from "effect"

/**
 * What a report shows of a linked action item: ids, due date and status only.
 */
export const LinkedActionItem = Schema.Struct({
  actionItemId: Id.ActionItemId,
  meetingId: Id.MeetingId,
  activityId: Id.ActivityId,
  dueDate: CivilDate.CivilDate,
  status: Schema.Literal("open", "done", "not-done"),
}).annotations({ identifier: "LinkedActionItem" })

export type LinkedActionItem = typeof LinkedActionItem.Type

export interface Service {
  /** The action items linked to any of the activities. */
  readonly byActivities: (activityIds: ReadonlyArray<Id.ActivityId>) => Effect.Effect<ReadonlyArray<LinkedActionItem>>
}

export class ActivityActionItems extends Context.Tag("@bashke/action-plan/ActivityActionItems")<
  ActivityActionItems,
  Service
>() {}

/**
 * A test layer over a fixed list of items.
 */
export const layerTest = (items: ReadonlyArray<LinkedActionItem>): Layer.Layer<ActivityActionItems> =>
  Layer.succeed(ActivityActionItems, {
    byActivities: (activityIds) => Effect.succeed(items.filter((item) => activityIds.includes(item.activityId))),
  })
