/**
 * @internal Setting a meeting's date, time and place as a lifecycle command.
 * Scheduling a requested meeting and rescheduling a scheduled one differ only
 * in the status the deadline is checked from, the lifecycle command and the
 * event; the schedule they set and the event's schedule fields are one rule.
 */
import { Effect } from "effect"
import type { Meeting, Schedule } from "../Meeting"
import * as MeetingCommands from "../MeetingCommands"
import type * as MeetingLifecycle from "../MeetingLifecycle"
import { type ChangeError, meetingChange, type Requirements, withinDeadline } from "./MeetingChange"

/** @internal The schedule fields of `meeting.meeting.scheduled` and `meeting.meeting.rescheduled`. */
export interface ScheduleFields {
  readonly meetingId: Meeting["id"]
  readonly mechanismId: Meeting["mechanismId"]
  readonly startsAt: string
  readonly endsAt: string
  readonly sequence: number
}

/** @internal A use case setting the schedule from `from`, answering the meeting's new version. */
export const scheduleChange = <E, R>(options: {
  readonly action: string
  readonly from: Meeting["status"]
  readonly transition: (change: { readonly schedule: Schedule; readonly at: Date }) => MeetingLifecycle.Command
  readonly written: (after: Meeting, fields: ScheduleFields) => Effect.Effect<void, E, R>
}): ((
  input: typeof MeetingCommands.SetSchedule.Encoded,
) => Effect.Effect<Meeting, ChangeError | E, Requirements | R>) =>
  meetingChange({
    action: options.action,
    command: MeetingCommands.SetSchedule,
    build: ({ meeting, at }, command) =>
      Effect.map(withinDeadline(meeting, options.from, command, at), () =>
        options.transition({
          schedule: { startsAt: command.startsAt, endsAt: command.endsAt, place: command.place },
          at,
        }),
      ),
    written: (after, _, command) =>
      options.written(after, {
        meetingId: after.id,
        mechanismId: after.mechanismId,
        startsAt: command.startsAt.toISOString(),
        endsAt: command.endsAt.toISOString(),
        sequence: after.sequence,
      }),
  })
