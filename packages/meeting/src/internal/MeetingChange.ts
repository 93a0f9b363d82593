// The steps the meeting's lifecycle commands share: the coordinator of the
// mechanism changes a stored meeting whose version they read; the command is
// built and run through `MeetingLifecycle.transition`; the meeting's new
// version and the command's own writes (`written`: its event, an audit entry)
// commit together.
import { type Errors, type Id, Instant, JurisdictionProfile, Principal } from "@bashke/kernel"
import { OptimisticConcurrency } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, type Schema } from "effect"
import type * as Attendance from "../Attendance"
import * as AttendanceRules from "../Attendance"
import * as MechanismRoster from "../MechanismRoster"
import type { Meeting } from "../Meeting"
import * as Events from "../MeetingEvents"
import * as MeetingLifecycle from "../MeetingLifecycle"
import * as MeetingPolicy from "../MeetingPolicy"
import { MeetingRepository } from "../MeetingRepository"
import * as SchedulingDeadline from "../SchedulingDeadline"
import { useCase } from "./Input"

/**
 * @internal What every meeting use case needs.
 */
export type Requirements =
  | MeetingRepository
  | MechanismRoster.MechanismRoster
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Principal.CurrentPrincipal

/** @internal The errors of a lifecycle command. */
export type ChangeError =
  | Errors.InvalidInput
  | Errors.Forbidden
  | Errors.NotFound
  | Errors.Conflict
  | Errors.InvalidTransition

/** @internal The day whose roster governs a meeting: its start, or now for a request. */
export const meetingDay = (meeting: Pick<Meeting, "schedule">, at: Date): Date => meeting.schedule?.startsAt ?? at

/** @internal The audit entry of a read or write of the minutes (purpose `case-conference`). */
export const audit = (
  principal: Principal.Principal,
  meeting: Meeting,
  action: "read" | "write",
): Effect.Effect<void, never, AuditLog.AuditLog> =>
  Effect.flatMap(AuditLog.AuditLog, (log) =>
    log.append({
      ...AuditEntry.actor(principal),
      mechanismId: meeting.mechanismId,
      action,
      purpose: "case-conference",
    }),
  ).pipe(Effect.asVoid, Effect.orDie)

/** @internal The quorum of an attendance against the members on the meeting's day. */
export const quorumOf = (
  meeting: Meeting,
  attendance: ReadonlyArray<Attendance.Attendance>,
): Effect.Effect<
  { readonly roster: MechanismRoster.Roster; readonly quorum: Attendance.Quorum },
  Errors.NotFound,
  MechanismRoster.MechanismRoster
> =>
  Effect.gen(function* () {
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, meetingDay(meeting, yield* Instant.now))
    return {
      roster,
      quorum: AttendanceRules.quorum(MechanismRoster.quorumRule(roster, profile), roster.members, attendance),
    }
  })

/**
 * @internal A requested meeting starts before its request's deadline
 * (`SchedulingDeadline.checkStart`). Checked only from the status the command
 * moves from; from any other the lifecycle refuses the command itself.
 */
export const withinDeadline = (
  meeting: Meeting,
  from: Meeting["status"],
  schedule: { readonly startsAt: Date },
  at: Date,
): Effect.Effect<void, Errors.InvalidInput> =>
  meeting.status !== from
    ? Effect.void
    : Effect.flatMap(JurisdictionProfile.CurrentJurisdiction, (profile) =>
        SchedulingDeadline.checkStart(meeting, schedule, at, profile),
      )

/**
 * @internal The attendance, once every institution in it was a member on the
 * meeting's day (`meeting.attendance.unknown-member` otherwise).
 */
export const checkedAttendance = (
  meeting: Meeting,
  attendance: ReadonlyArray<Attendance.Attendance>,
): Effect.Effect<
  ReadonlyArray<Attendance.Attendance>,
  Errors.InvalidInput | Errors.NotFound,
  MechanismRoster.MechanismRoster
> =>
  Effect.gen(function* () {
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, meetingDay(meeting, yield* Instant.now))
    return yield* AttendanceRules.checkMembers(roster.members, attendance)
  })

/** @internal Who acts, when, and the mechanism's roster now: what a command on a mechanism loads. */
export const loadRoster = (
  mechanismId: Id.MechanismId,
): Effect.Effect<
  { readonly at: Date; readonly principal: Principal.Principal; readonly roster: MechanismRoster.Roster },
  Errors.NotFound,
  MechanismRoster.MechanismRoster | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const at = yield* Instant.now
    return {
      at,
      principal: yield* Principal.CurrentPrincipal,
      roster: yield* MechanismRoster.rosterAt(mechanismId, at),
    }
  })

/** @internal What a command on a stored meeting loads: the meeting, and `loadRoster` of its mechanism. */
export const loadMeeting = (
  meetingId: Id.MeetingId,
): Effect.Effect<
  {
    readonly meeting: Meeting
    readonly at: Date
    readonly principal: Principal.Principal
    readonly roster: MechanismRoster.Roster
  },
  Errors.NotFound,
  MeetingRepository | MechanismRoster.MechanismRoster | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const meeting = yield* (yield* MeetingRepository).find(meetingId)
    return { meeting, ...(yield* loadRoster(meeting.mechanismId)) }
  })

/**
 * @internal The outbox event of an attendance written (`meeting.meeting.held`,
 * `meeting.attendance.recorded`), with the quorum it meets or not.
 */
export const attendanceEvent = (
  topic: Events.Topic,
  after: Meeting,
): Effect.Effect<void, Errors.NotFound, MechanismRoster.MechanismRoster | SqlClient.SqlClient | Id.IdGenerator> =>
  Effect.flatMap(quorumOf(after, after.attendance), ({ quorum }) =>
    Events.append(topic, after.id, {
      meetingId: after.id,
      mechanismId: after.mechanismId,
      present: quorum.present,
      members: quorum.members,
      quorumMet: quorum.met,
    }),
  )

/** @internal What a command's `build` and `written` see. */
export interface Context {
  readonly meeting: Meeting
  readonly principal: Principal.Principal
  readonly at: Date
}

/**
 * @internal A lifecycle command as a use case: load the meeting, then the
 * coordinator's policy, the version read and the command's own checks
 * (`build`) decide the transition; the new version and `written` commit
 * together.
 */
export const meetingChange = <
  C extends { readonly meetingId: Id.MeetingId; readonly expectedVersion: number },
  I,
  E,
  R,
  E2,
  R2,
>(options: {
  readonly action: string
  readonly command: Schema.Schema<C, I>
  readonly build: (context: Context, command: C) => Effect.Effect<MeetingLifecycle.Command, E, R>
  readonly written: (after: Meeting, context: Context, command: C) => Effect.Effect<void, E2, R2>
}): ((input: I) => Effect.Effect<Meeting, ChangeError | E | E2, Requirements | R | R2>) =>
  useCase({
    span: `MeetingService.${options.action}`,
    command: options.command,
    load: (command) => loadMeeting(command.meetingId),
    decide: ({ roster, ...context }, command) =>
      Effect.gen(function* () {
        yield* MeetingPolicy.requireCoordinator(roster, context.principal, options.action)
        yield* OptimisticConcurrency.requireVersion(
          "Meeting",
          context.meeting.id,
          command.expectedVersion,
          context.meeting.version,
        )
        return yield* MeetingLifecycle.transition(context.meeting, yield* options.build(context, command))
      }),
    write: (next, { roster: _, ...context }, command) =>
      Effect.gen(function* () {
        const stored = yield* (yield* MeetingRepository).update(next, command.expectedVersion)
        yield* options.written(stored, context, command)
        return stored
      }),
  })
