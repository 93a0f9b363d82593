/**
 * What a mechanism's meetings record, for counts outside the package (the
 * action plan's indicators): when each meeting was scheduled and whether it
 * was held, and when a held meeting decided about a case. Only kinds, statuses,
 * dates and ids leave the package — never minutes, reasons or a decision's
 * text — so no principal is asked; the caller answers figures. Reads only.
 */
import { type Id, Span } from "@bashke/kernel"
import { Effect } from "effect"
import * as Meeting from "./Meeting"
import { MeetingRepository } from "./MeetingRepository"

/** A meeting as a count of meetings held sees it. */
export type Scheduled = Pick<Meeting.Meeting, "id" | "kind" | "status" | "schedule">

/** A decision about a case, recorded at a held meeting. */
export interface CaseDecision {
  readonly caseId: Id.CaseId
  readonly recordedAt: Date
}

/** Every meeting of the mechanism, requested, scheduled, held or cancelled. */
export const schedules = (
  mechanismId: Id.MechanismId,
): Effect.Effect<ReadonlyArray<Scheduled>, never, MeetingRepository> =>
  Effect.flatMap(MeetingRepository, (meetings) => meetings.list(mechanismId)).pipe(
    Effect.map((listed) => listed.map(({ id, kind, status, schedule }): Scheduled => ({ id, kind, status, schedule }))),
    Span.untraced("MeetingService.schedules"),
  )

/** The decisions about a case recorded at the mechanism's held meetings, meeting by meeting. */
export const caseDecisions = (
  mechanismId: Id.MechanismId,
): Effect.Effect<ReadonlyArray<CaseDecision>, never, MeetingRepository> =>
  Effect.gen(function* () {
    const meetings = yield* MeetingRepository
    const held = (yield* meetings.list(mechanismId)).filter(Meeting.wasHeld)
    const found: Array<CaseDecision> = []
    for (const meeting of held)
      for (const decision of yield* meetings.decisions(meeting.id))
        if (decision.caseId !== undefined) found.push({ caseId: decision.caseId, recordedAt: decision.recordedAt })
    return found
  }).pipe(Span.untraced("MeetingService.caseDecisions"))
