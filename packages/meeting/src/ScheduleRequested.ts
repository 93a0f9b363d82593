/**
 * The coordinator gives a requested meeting its date, time and place, before
 * the request's deadline (`SchedulingDeadline`); the request's timeliness (in
 * time or late) follows from when this happens. The meeting's new version and
 * `meeting.meeting.scheduled` commit together.
 */
import { Effect } from "effect"
import { type ChangeError, meetingChange, type Requirements, withinDeadline } from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Schedules the requested meeting and answers it with its new version.
 */
export const scheduleRequested: (
  input: typeof MeetingCommands.SetSchedule.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements> = meetingChange({
  action: "meeting.schedule-requested",
  command: MeetingCommands.SetSchedule,
  build: ({ meeting, at }, command) =>
    Effect.map(withinDeadline(meeting, "requested", command, at), () =>
      MeetingLifecycle.Command.Schedule({
        schedule: { startsAt: command.startsAt, endsAt: command.endsAt, place: command.place },
        at,
      }),
    ),
  written: (after, _, command) =>
    Events.append("meeting.meeting.scheduled", after.id, {
      meetingId: after.id,
      mechanismId: after.mechanismId,
      kind: after.kind,
      startsAt: command.startsAt.toISOString(),
      endsAt: command.endsAt.toISOString(),
      sequence: after.sequence,
      requested: true,
    }),
})
