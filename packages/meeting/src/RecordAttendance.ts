/**
 * The coordinator corrects the attendance of a held meeting, until its
 * minutes are approved (`meeting.minutes.locked` afterwards). The meeting's
 * new version and `meeting.attendance.recorded` (with the quorum) commit
 * together.
 */
import { Effect } from "effect"
import {
  attendanceEvent,
  type ChangeError,
  checkedAttendance,
  meetingChange,
  type Requirements,
} from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Records the attendance and answers the meeting with its new version.
 */
export const recordAttendance: (
  input: typeof MeetingCommands.SetAttendance.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements> = meetingChange({
  action: "meeting.record-attendance",
  command: MeetingCommands.SetAttendance,
  build: ({ meeting, at }, command) =>
    Effect.map(checkedAttendance(meeting, command.attendance), (attendance) =>
      MeetingLifecycle.Command.RecordAttendance({ attendance, at }),
    ),
  written: (after) => attendanceEvent("meeting.attendance.recorded", after),
})
