/**
 * The coordinator records that a scheduled meeting took place, with the
 * attendance of member institutions (`meeting.attendance.unknown-member` for
 * an institution that was not a member on the meeting's date); the minutes
 * fall due by the profile's circulation period. The meeting's new version and
 * `meeting.meeting.held` (with the quorum) commit together.
 */
import { JurisdictionProfile } from "@bashke/kernel"
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
import * as MinutesCirculation from "./MinutesCirculation"

/**
 * Records the meeting as held and answers it with its new version.
 */
export const hold: (
  input: typeof MeetingCommands.SetAttendance.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements> = meetingChange({
  action: "meeting.hold",
  command: MeetingCommands.SetAttendance,
  build: ({ meeting, at }, command) =>
    Effect.gen(function* () {
      const attendance = yield* checkedAttendance(meeting, command.attendance)
      const profile = yield* JurisdictionProfile.CurrentJurisdiction
      return MeetingLifecycle.Command.Hold({ attendance, at, minutesDue: MinutesCirculation.due(at, profile) })
    }),
  written: (after) => attendanceEvent("meeting.meeting.held", after),
})
