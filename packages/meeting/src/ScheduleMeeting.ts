/**
 * The coordinator schedules a new meeting: a regular one, or an ad hoc one
 * nobody requested. The meeting and `meeting.meeting.scheduled` commit
 * together.
 *
 * Fails with `InvalidInput` (`meeting.schedule.in-past`,
 * `meeting.schedule.ends-before-start`, …), `Forbidden`
 * (`meeting.coordinator.required`) or `NotFound`.
 */
import { type Errors, Id } from "@bashke/kernel"
import { Effect } from "effect"
import { useCase } from "./internal/Input"
import { loadRoster, type Requirements } from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"
import * as MeetingPolicy from "./MeetingPolicy"
import { MeetingRepository } from "./MeetingRepository"

/**
 * Schedules the meeting and answers it.
 */
export const schedule: (
  input: typeof MeetingCommands.ScheduleMeeting.Encoded,
) => Effect.Effect<Meeting, Errors.InvalidInput | Errors.Forbidden | Errors.NotFound, Requirements> = useCase({
  span: "MeetingService.schedule",
  command: MeetingCommands.ScheduleMeeting,
  load: (command) => loadRoster(command.mechanismId),
  decide: ({ at, principal, roster }, command) =>
    Effect.gen(function* () {
      yield* MeetingPolicy.requireCoordinator(roster, principal, "meeting.schedule")
      return yield* MeetingLifecycle.scheduled({
        id: yield* Id.MeetingId.generate,
        mechanismId: command.mechanismId,
        kind: command.kind,
        schedule: { startsAt: command.startsAt, endsAt: command.endsAt, place: command.place },
        at,
      })
    }),
  write: (meeting, _, command) =>
    Effect.gen(function* () {
      yield* (yield* MeetingRepository).insert(meeting)
      yield* Events.append("meeting.meeting.scheduled", meeting.id, {
        meetingId: meeting.id,
        mechanismId: meeting.mechanismId,
        kind: meeting.kind,
        startsAt: command.startsAt.toISOString(),
        endsAt: command.endsAt.toISOString(),
        sequence: meeting.sequence,
        requested: false,
      })
      return meeting
    }),
})
