/**
 * The coordinator writes or rewrites the minutes' draft (each save a new
 * revision). Approved minutes refuse with `Conflict` `meeting.minutes.locked`.
 * The meeting's new version, the audit entry (the minutes may name people)
 * and `meeting.minutes.drafted` commit together.
 */
import type { AuditLog } from "@bashke/security"
import { Effect } from "effect"
import { audit, type ChangeError, meetingChange, type Requirements } from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Saves the draft and answers the meeting with its new version.
 */
export const draftMinutes: (
  input: typeof MeetingCommands.DraftMinutes.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements | AuditLog.AuditLog> = meetingChange({
  action: "meeting.draft-minutes",
  command: MeetingCommands.DraftMinutes,
  build: ({ principal, at }, command) =>
    Effect.succeed(MeetingLifecycle.Command.DraftMinutes({ body: command.body, by: principal.id, at })),
  written: (after, { principal }) =>
    Effect.zipRight(
      audit(principal, after, "write"),
      Events.append("meeting.minutes.drafted", after.id, {
        meetingId: after.id,
        mechanismId: after.mechanismId,
        revision: after.minutes?.revision ?? 0,
      }),
    ),
})
