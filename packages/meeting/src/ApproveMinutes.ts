/**
 * The coordinator approves the minutes, which locks them. Refused with
 * `Conflict` `meeting.minutes.quorum-required` when the attendance does not
 * meet the quorum rule against the members on the meeting's date. The
 * meeting's new version, the audit entry and `meeting.minutes.approved`
 * commit together.
 */
import type { AuditLog } from "@bashke/security"
import { Effect } from "effect"
import { audit, type ChangeError, meetingChange, quorumOf, type Requirements } from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Approves the minutes and answers the meeting with its new version.
 */
export const approveMinutes: (
  input: typeof MeetingCommands.ApproveMinutes.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements | AuditLog.AuditLog> = meetingChange({
  action: "meeting.approve-minutes",
  command: MeetingCommands.ApproveMinutes,
  build: ({ meeting, principal, at }) =>
    Effect.map(quorumOf(meeting, meeting.attendance), ({ quorum }) =>
      MeetingLifecycle.Command.ApproveMinutes({ quorumMet: quorum.met, by: principal.id, at }),
    ),
  written: (after, { principal }) =>
    Effect.zipRight(
      audit(principal, after, "write"),
      Events.append("meeting.minutes.approved", after.id, {
        meetingId: after.id,
        mechanismId: after.mechanismId,
        revision: after.minutes?.revision ?? 0,
      }),
    ),
})
