/**
 * The coordinator changes a scheduled meeting's date, time or place (the
 * calendar's SEQUENCE grows when something changed). The meeting's new
 * version and `meeting.meeting.rescheduled` commit together.
 */
import type { Effect } from "effect"
import type { ChangeError, Requirements } from "./internal/MeetingChange"
import { scheduleChange } from "./internal/ScheduleChange"
import type { Meeting } from "./Meeting"
import type * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Reschedules the meeting and answers it with its new version.
 */
export const reschedule: (
  input: typeof MeetingCommands.SetSchedule.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements> = scheduleChange({
  action: "meeting.reschedule",
  from: "scheduled",
  transition: MeetingLifecycle.Command.Reschedule,
  written: (after, fields) => Events.append("meeting.meeting.rescheduled", after.id, fields),
})
