/**
 * The port through which meetings and their decisions are stored. Effects
 * fail only with the kernel's `NotFound` and `Conflict`; storage failures are
 * defects. The SQL adapter is `SqlMeetingRepository`.
 */
import type { Errors, Id } from "@bashke/kernel"
import type { Effect, Option } from "effect"
import { Context } from "effect"
import type { Edits } from "./AgendaEdits"
import type { Decision } from "./Decision"
import type { Meeting } from "./Meeting"

/**
 * A meeting as listed: everything but its minutes, which are read one meeting
 * at a time (and audited) with `find`.
 */
export type Listed = Omit<Meeting, "minutes">

/**
 * One keyset step of a mechanism's meetings: scheduled ones by start then id,
 * then the requests (no start yet) by id; at most `limit` after `after` (the
 * start and id of the last meeting read, the start `undefined` for a
 * request), of one `status` and `kind` when given.
 */
export interface MeetingPage {
  readonly after?: { readonly startsAt: Date | undefined; readonly id: Id.MeetingId } | undefined
  readonly limit: number
  readonly status?: Meeting["status"] | undefined
  readonly kind?: Meeting["kind"] | undefined
}

export interface Service {
  /** Stores a new meeting (version 1). */
  readonly insert: (meeting: Meeting) => Effect.Effect<void>
  /**
   * Stores a changed meeting if its stored version is still `expectedVersion`,
   * and returns it with its new version. `Conflict` (`version.stale`) or
   * `NotFound` change nothing. Approved minutes and amendments already stored
   * are never rewritten.
   */
  readonly update: (
    meeting: Meeting,
    expectedVersion: number,
  ) => Effect.Effect<Meeting, Errors.NotFound | Errors.Conflict>
  /**
   * The mechanism a meeting belongs to, or `None`: one cheap look-up, so a
   * caller outside the mechanism is refused in the time an unknown id takes
   * (opening the sealed minutes would tell the two apart).
   */
  readonly mechanismOf: (id: Id.MeetingId) => Effect.Effect<Option.Option<Id.MechanismId>>
  /** A meeting with its attendance, minutes and amendments. */
  readonly find: (id: Id.MeetingId) => Effect.Effect<Meeting, Errors.NotFound>
  /** A mechanism's meetings, scheduled ones by start, then requests; optionally only those starting in `[from, to)`. */
  readonly list: (
    mechanismId: Id.MechanismId,
    range?: { readonly from?: Date; readonly to?: Date },
  ) => Effect.Effect<ReadonlyArray<Listed>>
  /** One keyset step of a mechanism's meetings (meeting migration 9's index). */
  readonly listPage: (mechanismId: Id.MechanismId, page: MeetingPage) => Effect.Effect<ReadonlyArray<Listed>>
  /** When the latest meeting of the mechanism held before `before` started. */
  readonly previousHeldStart: (mechanismId: Id.MechanismId, before: Date) => Effect.Effect<Option.Option<Date>>
  /** Stores a decision. */
  readonly insertDecision: (decision: Decision) => Effect.Effect<void>
  /** A meeting's decisions, in the order they were recorded. */
  readonly decisions: (meetingId: Id.MeetingId) => Effect.Effect<ReadonlyArray<Decision>>
  /**
   * One keyset step of a meeting's decisions by (recorded at, id): at most
   * `limit` after `after`, without those about a case when `withoutCases`
   * (meeting migration 9's index).
   */
  readonly decisionPage: (
    meetingId: Id.MeetingId,
    page: {
      readonly after?: { readonly recordedAt: Date; readonly id: string } | undefined
      readonly limit: number
      readonly withoutCases: boolean
    },
  ) => Effect.Effect<ReadonlyArray<Decision>>
  /** The coordinator's edits of a meeting's agenda (none: `AgendaEdits.none`). */
  readonly agendaEdits: (meetingId: Id.MeetingId) => Effect.Effect<Edits>
  /** Replaces the edits of a meeting's agenda (in the caller's transaction). */
  readonly saveAgendaEdits: (meetingId: Id.MeetingId, edits: Edits) => Effect.Effect<void>
}

export class MeetingRepository extends Context.Tag("@bashke/meeting/MeetingRepository")<MeetingRepository, Service>() {}
