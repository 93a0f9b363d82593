/**
 * A member institution requests an ad hoc meeting. The request's deadline is
 * computed now, with the profile in force, and stored with it; the request
 * and `meeting.request.created` commit together.
 *
 * Fails with `InvalidInput` (bad input), `Forbidden`
 * (`meeting.request.not-a-member`) or `NotFound` (unknown mechanism).
 */
import { type Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect } from "effect"
import { useCase } from "./internal/Input"
import { loadRoster, type Requirements } from "./internal/MeetingChange"
import type { Meeting } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"
import * as MeetingPolicy from "./MeetingPolicy"
import { MeetingRepository } from "./MeetingRepository"
import * as SchedulingDeadline from "./SchedulingDeadline"

/**
 * Records the request and answers the requested meeting.
 */
export const requestAdHoc: (
  input: typeof MeetingCommands.RequestAdHoc.Encoded,
) => Effect.Effect<Meeting, Errors.InvalidInput | Errors.Forbidden | Errors.NotFound, Requirements> = useCase({
  span: "MeetingService.requestAdHoc",
  command: MeetingCommands.RequestAdHoc,
  load: (command) =>
    Effect.gen(function* () {
      return { ...(yield* loadRoster(command.mechanismId)), profile: yield* JurisdictionProfile.CurrentJurisdiction }
    }),
  decide: ({ roster, principal }) => MeetingPolicy.requireRequester(roster, principal),
  write: (institution, { at, principal, profile }, command) =>
    Effect.gen(function* () {
      const meeting = MeetingLifecycle.requested({
        id: yield* Id.MeetingId.generate,
        mechanismId: command.mechanismId,
        request: {
          institution,
          principal: principal.id,
          reason: command.reason,
          urgency: command.urgency,
          requestedAt: at,
          deadline: SchedulingDeadline.deadline(profile, at, command.urgency),
          profileVersion: profile.version,
        },
      })
      yield* (yield* MeetingRepository).insert(meeting)
      yield* Events.append("meeting.request.created", meeting.id, {
        meetingId: meeting.id,
        mechanismId: meeting.mechanismId,
        institution,
        urgency: command.urgency,
        deadline: meeting.request?.deadline.toISOString() ?? "",
      })
      return meeting
    }),
})
