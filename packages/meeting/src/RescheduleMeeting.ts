/**
 * The coordinator changes a scheduled meeting's date, time or place (the
 * calendar's SEQUENCE grows when something changed). The meeting's new
 * version and `meeting.meeting.rescheduled` commit together.
 */
import { Effect } from "effect"
import { type ChangeError, meetingChange, type Requirements, withinDeadline } from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Reschedules the meeting and answers it with its new version.
 */
export const reschedule: (
  input: typeof MeetingCommands.SetSchedule.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements> = meetingChange({
  action: "meeting.reschedule",
  command: MeetingCommands.SetSchedule,
  build: ({ meeting, at }, command) =>
    Effect.map(withinDeadline(meeting, "scheduled", command, at), () =>
      MeetingLifecycle.Command.Reschedule({
        schedule: { startsAt: command.startsAt, endsAt: command.endsAt, place: command.place },
        at,
      }),
    ),
  written: (after, _, command) =>
    Events.append("meeting.meeting.rescheduled", after.id, {
      meetingId: after.id,
      mechanismId: after.mechanismId,
      startsAt: command.startsAt.toISOString(),
      endsAt: command.endsAt.toISOString(),
      sequence: after.sequence,
    }),
})
