/**
 * The coordinator appends an amendment (author, reason, text, time) to
 * approved minutes; the approved body itself never changes. The meeting's new
 * version, the audit entry and `meeting.minutes.amended` commit together.
 */
import type { AuditLog } from "@bashke/security"
import { Effect } from "effect"
import { audit, type ChangeError, meetingChange, type Requirements } from "./internal/MeetingChange"
import { AmendmentId, type Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Appends the amendment and answers the meeting with its new version.
 */
export const amendMinutes: (
  input: typeof MeetingCommands.AmendMinutes.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements | AuditLog.AuditLog> = meetingChange({
  action: "meeting.amend-minutes",
  command: MeetingCommands.AmendMinutes,
  build: ({ principal, at }, command) =>
    Effect.map(AmendmentId.generate, (id) =>
      MeetingLifecycle.Command.AmendMinutes({
        amendment: { id, author: principal.id, reason: command.reason, text: command.text, at },
        at,
      }),
    ),
  written: (after, { principal }) => {
    const amendments = after.minutes?.amendments ?? []
    return Effect.zipRight(
      audit(principal, after, "write"),
      Events.append("meeting.minutes.amended", after.id, {
        meetingId: after.id,
        mechanismId: after.mechanismId,
        amendmentId: amendments[amendments.length - 1]?.id ?? "",
        amendments: amendments.length,
      }),
    )
  },
})
