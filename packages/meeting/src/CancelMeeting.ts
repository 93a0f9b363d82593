/**
 * The coordinator cancels a requested or scheduled meeting, with a reason.
 * The calendar keeps the event with STATUS:CANCELLED. The meeting's new
 * version and `meeting.meeting.cancelled` commit together.
 */
import { Effect } from "effect"
import { type ChangeError, meetingChange, type Requirements } from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * Cancels the meeting and answers it with its new version.
 */
export const cancel: (
  input: typeof MeetingCommands.CancelMeeting.Encoded,
) => Effect.Effect<Meeting, ChangeError, Requirements> = meetingChange({
  action: "meeting.cancel",
  command: MeetingCommands.CancelMeeting,
  build: ({ principal, at }, command) =>
    Effect.succeed(MeetingLifecycle.Command.Cancel({ reason: command.reason, by: principal.id, at })),
  written: (after) =>
    Events.append("meeting.meeting.cancelled", after.id, {
      meetingId: after.id,
      mechanismId: after.mechanismId,
      sequence: after.sequence,
    }),
})
