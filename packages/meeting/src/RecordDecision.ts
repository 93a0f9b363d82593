/**
 * The coordinator records a decision of a held meeting (until its minutes
 * are approved: `meeting.minutes.locked`), optionally owned by a member
 * institution with a due date (`DecisionOwnership`). The decision and
 * `meeting.decision.recorded` commit together.
 */
import { CivilDate, JurisdictionProfile } from "@bashke/kernel"
import { Effect } from "effect"
import { type Decision, DecisionId } from "./Decision"
import * as DecisionOwnership from "./DecisionOwnership"
import { useCase } from "./internal/Input"
import { type ChangeError, loadMeeting, type Requirements } from "./internal/MeetingChange"
import * as MechanismRoster from "./MechanismRoster"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"
import * as MeetingPolicy from "./MeetingPolicy"
import { MeetingRepository } from "./MeetingRepository"

/**
 * Records the decision and answers it.
 */
export const recordDecision: (
  input: typeof MeetingCommands.RecordDecision.Encoded,
) => Effect.Effect<Decision, ChangeError, Requirements> = useCase({
  span: "MeetingService.recordDecision",
  command: MeetingCommands.RecordDecision,
  load: (command) => loadMeeting(command.meetingId),
  decide: ({ at, meeting, principal, roster }, command) =>
    Effect.gen(function* () {
      yield* MeetingPolicy.requireCoordinator(roster, principal, "meeting.record-decision")
      yield* MeetingLifecycle.acceptsRecords(meeting, "record-decision")
      const decidedAt = meeting.schedule?.startsAt ?? at
      return yield* DecisionOwnership.check(command, {
        members: (yield* MechanismRoster.rosterAt(meeting.mechanismId, decidedAt)).members,
        meetingDay: CivilDate.ofInstant(decidedAt, (yield* JurisdictionProfile.CurrentJurisdiction).timezone),
      })
    }),
  write: (ownership, { at, meeting, principal }, command) =>
    Effect.gen(function* () {
      const decision: Decision = {
        id: yield* DecisionId.generate,
        meetingId: meeting.id,
        mechanismId: meeting.mechanismId,
        text: command.text,
        ...(command.caseId === undefined ? {} : { caseId: command.caseId }),
        ...ownership,
        recordedAt: at,
        recordedBy: principal.id,
      }
      yield* (yield* MeetingRepository).insertDecision(decision)
      yield* Events.append("meeting.decision.recorded", decision.id, {
        decisionId: decision.id,
        meetingId: meeting.id,
        mechanismId: meeting.mechanismId,
        caseId: decision.caseId ?? null,
        owner: decision.owner ?? null,
        dueDate: decision.dueDate ?? null,
      })
      return decision
    }),
})
