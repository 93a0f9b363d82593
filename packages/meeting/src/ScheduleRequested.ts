/**
 * The coordinator gives a requested meeting its date, time and place, before
 * the request's deadline (`SchedulingDeadline`); the request's timeliness (in
 * time or late) follows from when this happens. The meeting's new version and
 * `meeting.meeting.scheduled` commit together.
 */
import type { Effect } from "effect"
import type { ChangeError, Requirements } from "./internal/MeetingChange"
import { scheduleChange } from "./internal/ScheduleChange"
import type { Meeting } from "./Meeting"
import type * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Schedules the requested meeting and answers it with its new version.
 */
export const scheduleRequested: (
  input: typeof MeetingCommands.SetSchedule.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements> = scheduleChange({
  action: "meeting.schedule-requested",
  from: "requested",
  transition: MeetingLifecycle.Command.Schedule,
  written: (after, fields) =>
    Events.append("meeting.meeting.scheduled", after.id, { ...fields, kind: after.kind, requested: true }),
})
