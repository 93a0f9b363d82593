/**
 * The meeting use cases, as Effects: decode the input, check the policy, run
 * the lifecycle's rules, then write the meeting, its outbox event (and, for
 * minutes, the audit entry) in one transaction. A refused command writes
 * nothing.
 *
 * Each needs the repositories, the mechanism roster, the `SqlClient`, an id
 * generator and the current principal; minutes also need the audit log, and
 * the agenda the case summaries. Legal numbers come from `CurrentJurisdiction`.
 */

import {
  CivilDate,
  Cursor,
  Errors,
  Id,
  Instant,
  JurisdictionProfile,
  type Locale,
  Pagination,
  Principal,
  Span,
} from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"
import { ActionItemRepository } from "./ActionItemRepository"
import * as Agenda from "./Agenda"
import * as AgendaEdits from "./AgendaEdits"
import * as Attendance from "./Attendance"
import * as CadenceCompliance from "./CadenceCompliance"
import * as CaseSummaries from "./CaseSummaries"
import { concernsCase, type Decision, DecisionId } from "./Decision"
import * as DecisionOwnership from "./DecisionOwnership"
import * as ICalendar from "./ICalendar"
import { decodeInput } from "./internal/Input"
import { recordTextRead } from "./internal/TextReads"
import * as MechanismRoster from "./MechanismRoster"
import { AmendmentId, type Meeting, type Minutes } from "./Meeting"
import * as MeetingCommands from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingLifecycle from "./MeetingLifecycle"
import * as MeetingPolicy from "./MeetingPolicy"
import { type Listed, type MeetingPage, MeetingRepository } from "./MeetingRepository"
import * as MinutesCirculation from "./MinutesCirculation"
import * as OverdueReferrals from "./OverdueReferrals"
import * as SchedulingDeadline from "./SchedulingDeadline"

/**
 * What every meeting use case needs.
 */
export type Requirements =
  | MeetingRepository
  | MechanismRoster.MechanismRoster
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Principal.CurrentPrincipal

const stale = (meeting: Meeting, expectedVersion: number) =>
  meeting.version === expectedVersion
    ? Effect.void
    : Effect.fail(
        new Errors.Conflict({
          entity: "Meeting",
          id: meeting.id,
          rule: "version.stale",
          expectedVersion,
          actualVersion: meeting.version,
        }),
      )

/** The day whose roster governs a meeting: its start, or now for a request. */
const meetingDay = (meeting: Pick<Meeting, "schedule">, at: Date): Date => meeting.schedule?.startsAt ?? at

const withoutMinutes = (meeting: Meeting): Listed => {
  const { minutes: _minutes, ...listed } = meeting
  return listed
}

const audit = (principal: Principal.Principal, meeting: Meeting, action: "read" | "write") =>
  Effect.flatMap(AuditLog.AuditLog, (log) =>
    log.append({
      ...AuditEntry.actor(principal),
      mechanismId: meeting.mechanismId,
      action,
      purpose: "case-conference",
    }),
  ).pipe(Effect.orDie)

/** The sealed free texts a listed meeting carries: the request's reason, the cancellation's. */
const carriesText = (meeting: Listed): boolean =>
  meeting.request?.reason !== undefined || meeting.cancellation?.reason !== undefined

const quorumOf = (meeting: Meeting, attendance: ReadonlyArray<Attendance.Attendance>) =>
  Effect.gen(function* () {
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, meetingDay(meeting, yield* Instant.now))
    return {
      roster,
      quorum: Attendance.quorum(MechanismRoster.quorumRule(roster, profile), roster.members, attendance),
    }
  })

/**
 * A member institution requests an ad hoc meeting. The request's deadline is
 * computed now, with the profile in force, and stored with it.
 *
 * Fails with `InvalidInput` (bad input), `Forbidden`
 * (`meeting.request.not-a-member`) or `NotFound` (unknown mechanism).
 */
export const requestAdHoc = (
  input: typeof MeetingCommands.RequestAdHoc.Encoded,
): Effect.Effect<Meeting, Errors.InvalidInput | Errors.Forbidden | Errors.NotFound, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(MeetingCommands.RequestAdHoc)(input)
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const roster = yield* MechanismRoster.rosterAt(command.mechanismId, at)
    const institution = yield* MeetingPolicy.requireRequester(roster, principal)
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
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
    const repository = yield* MeetingRepository
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* repository.insert(meeting)
        yield* Events.append("meeting.request.created", meeting.id, {
          meetingId: meeting.id,
          mechanismId: meeting.mechanismId,
          institution,
          urgency: command.urgency,
          deadline: meeting.request?.deadline.toISOString() ?? "",
        })
      }),
    )
    return meeting
  }).pipe(Span.untraced("MeetingService.requestAdHoc"))

/**
 * The coordinator schedules a new meeting: a regular one, or an ad hoc one
 * nobody requested. Fails with `InvalidInput` (`meeting.schedule.in-past`,
 * `meeting.schedule.ends-before-start`, …), `Forbidden`
 * (`meeting.coordinator.required`) or `NotFound`.
 */
export const schedule = (
  input: typeof MeetingCommands.ScheduleMeeting.Encoded,
): Effect.Effect<Meeting, Errors.InvalidInput | Errors.Forbidden | Errors.NotFound, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(MeetingCommands.ScheduleMeeting)(input)
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const roster = yield* MechanismRoster.rosterAt(command.mechanismId, at)
    yield* MeetingPolicy.requireCoordinator(roster, principal, "meeting.schedule")
    const meeting = yield* MeetingLifecycle.scheduled({
      id: yield* Id.MeetingId.generate,
      mechanismId: command.mechanismId,
      kind: command.kind,
      schedule: { startsAt: command.startsAt, endsAt: command.endsAt, place: command.place },
      at,
    })
    const repository = yield* MeetingRepository
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* repository.insert(meeting)
        yield* Events.append("meeting.meeting.scheduled", meeting.id, {
          meetingId: meeting.id,
          mechanismId: meeting.mechanismId,
          kind: meeting.kind,
          startsAt: command.startsAt.toISOString(),
          endsAt: command.endsAt.toISOString(),
          sequence: meeting.sequence,
          requested: false,
        })
      }),
    )
    return meeting
  }).pipe(Span.untraced("MeetingService.schedule"))

/**
 * Runs one lifecycle command on a stored meeting: load, check the version and
 * the policy, build the command, transition, then store the result with the
 * side effects (`written`) in one transaction.
 */
const change = <E, R, E2, R2>(options: {
  readonly meetingId: Id.MeetingId
  readonly expectedVersion: number
  readonly action: string
  readonly build: (context: {
    readonly meeting: Meeting
    readonly principal: Principal.Principal
    readonly at: Date
  }) => Effect.Effect<MeetingLifecycle.Command, E, R>
  readonly written: (context: {
    readonly before: Meeting
    readonly after: Meeting
    readonly principal: Principal.Principal
  }) => Effect.Effect<void, E2, R2>
}) =>
  Effect.gen(function* () {
    const repository = yield* MeetingRepository
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const meeting = yield* repository.find(options.meetingId)
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, at)
    yield* MeetingPolicy.requireCoordinator(roster, principal, options.action)
    yield* stale(meeting, options.expectedVersion)
    const command = yield* options.build({ meeting, principal, at })
    const next = yield* MeetingLifecycle.transition(meeting, command)
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* repository.update(next, options.expectedVersion)
        yield* options.written({ before: meeting, after: stored, principal })
        return stored
      }),
    )
  }).pipe(Span.untraced(`MeetingService.${options.action}`))

type ChangeError = Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition

/**
 * A requested meeting starts before its request's deadline
 * (`SchedulingDeadline.checkStart`). Checked only from the status the command
 * moves from; from any other the lifecycle refuses the command itself.
 */
const withinDeadline = (
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
 * The coordinator gives a requested meeting its date, time and place. The
 * request's timeliness (in time or late) follows from when this happens.
 */
export const scheduleRequested = (
  input: typeof MeetingCommands.SetSchedule.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements> =>
  Effect.flatMap(decodeInput(MeetingCommands.SetSchedule)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.schedule-requested",
      build: ({ meeting, at }) =>
        Effect.map(withinDeadline(meeting, "requested", command, at), () =>
          MeetingLifecycle.Command.Schedule({
            schedule: { startsAt: command.startsAt, endsAt: command.endsAt, place: command.place },
            at,
          }),
        ),
      written: ({ after }) =>
        Events.append("meeting.meeting.scheduled", after.id, {
          meetingId: after.id,
          mechanismId: after.mechanismId,
          kind: after.kind,
          startsAt: command.startsAt.toISOString(),
          endsAt: command.endsAt.toISOString(),
          sequence: after.sequence,
          requested: true,
        }),
    }),
  )

/**
 * The coordinator changes a scheduled meeting's date, time or place (the
 * calendar's SEQUENCE grows when something changed).
 */
export const reschedule = (
  input: typeof MeetingCommands.SetSchedule.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements> =>
  Effect.flatMap(decodeInput(MeetingCommands.SetSchedule)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.reschedule",
      build: ({ meeting, at }) =>
        Effect.map(withinDeadline(meeting, "scheduled", command, at), () =>
          MeetingLifecycle.Command.Reschedule({
            schedule: { startsAt: command.startsAt, endsAt: command.endsAt, place: command.place },
            at,
          }),
        ),
      written: ({ after }) =>
        Events.append("meeting.meeting.rescheduled", after.id, {
          meetingId: after.id,
          mechanismId: after.mechanismId,
          startsAt: command.startsAt.toISOString(),
          endsAt: command.endsAt.toISOString(),
          sequence: after.sequence,
        }),
    }),
  )

const attendanceCommand = (
  meeting: Meeting,
  attendance: ReadonlyArray<Attendance.Attendance>,
): Effect.Effect<
  ReadonlyArray<Attendance.Attendance>,
  Errors.InvalidInput | Errors.NotFound,
  MechanismRoster.MechanismRoster
> =>
  Effect.gen(function* () {
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, meetingDay(meeting, yield* Instant.now))
    return yield* Attendance.checkMembers(roster.members, attendance)
  })

/**
 * The coordinator records that a scheduled meeting took place, with the
 * attendance of member institutions (`meeting.attendance.unknown-member` for an
 * institution that was not a member on the meeting's date).
 */
export const hold = (
  input: typeof MeetingCommands.SetAttendance.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements> =>
  Effect.flatMap(decodeInput(MeetingCommands.SetAttendance)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.hold",
      build: ({ meeting, at }) =>
        Effect.gen(function* () {
          const attendance = yield* attendanceCommand(meeting, command.attendance)
          const profile = yield* JurisdictionProfile.CurrentJurisdiction
          return MeetingLifecycle.Command.Hold({ attendance, at, minutesDue: MinutesCirculation.due(at, profile) })
        }),
      written: ({ after }) =>
        Effect.flatMap(quorumOf(after, after.attendance), ({ quorum }) =>
          Events.append("meeting.meeting.held", after.id, {
            meetingId: after.id,
            mechanismId: after.mechanismId,
            present: quorum.present,
            members: quorum.members,
            quorumMet: quorum.met,
          }),
        ),
    }),
  )

/**
 * The coordinator corrects the attendance of a held meeting, until its
 * minutes are approved (`meeting.minutes.locked` afterwards).
 */
export const recordAttendance = (
  input: typeof MeetingCommands.SetAttendance.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements> =>
  Effect.flatMap(decodeInput(MeetingCommands.SetAttendance)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.record-attendance",
      build: ({ meeting, at }) =>
        Effect.map(attendanceCommand(meeting, command.attendance), (attendance) =>
          MeetingLifecycle.Command.RecordAttendance({ attendance, at }),
        ),
      written: ({ after }) =>
        Effect.flatMap(quorumOf(after, after.attendance), ({ quorum }) =>
          Events.append("meeting.attendance.recorded", after.id, {
            meetingId: after.id,
            mechanismId: after.mechanismId,
            present: quorum.present,
            members: quorum.members,
            quorumMet: quorum.met,
          }),
        ),
    }),
  )

/**
 * The coordinator writes or rewrites the minutes' draft (each save a new
 * revision). Approved minutes refuse with `Conflict` `meeting.minutes.locked`.
 */
export const draftMinutes = (
  input: typeof MeetingCommands.DraftMinutes.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements | AuditLog.AuditLog> =>
  Effect.flatMap(decodeInput(MeetingCommands.DraftMinutes)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.draft-minutes",
      build: ({ principal, at }) =>
        Effect.succeed(MeetingLifecycle.Command.DraftMinutes({ body: command.body, by: principal.id, at })),
      written: ({ after, principal }) =>
        Effect.zipRight(
          audit(principal, after, "write"),
          Events.append("meeting.minutes.drafted", after.id, {
            meetingId: after.id,
            mechanismId: after.mechanismId,
            revision: after.minutes?.revision ?? 0,
          }),
        ),
    }),
  )

/**
 * The coordinator approves the minutes, which locks them. Refused with
 * `Conflict` `meeting.minutes.quorum-required` when the attendance does not
 * meet the quorum rule against the members on the meeting's date.
 */
export const approveMinutes = (
  input: typeof MeetingCommands.ApproveMinutes.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements | AuditLog.AuditLog> =>
  Effect.flatMap(decodeInput(MeetingCommands.ApproveMinutes)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.approve-minutes",
      build: ({ meeting, principal, at }) =>
        Effect.map(quorumOf(meeting, meeting.attendance), ({ quorum }) =>
          MeetingLifecycle.Command.ApproveMinutes({ quorumMet: quorum.met, by: principal.id, at }),
        ),
      written: ({ after, principal }) =>
        Effect.zipRight(
          audit(principal, after, "write"),
          Events.append("meeting.minutes.approved", after.id, {
            meetingId: after.id,
            mechanismId: after.mechanismId,
            revision: after.minutes?.revision ?? 0,
          }),
        ),
    }),
  )

/**
 * The coordinator appends an amendment (author, reason, text, time) to
 * approved minutes; the approved body itself never changes.
 */
export const amendMinutes = (
  input: typeof MeetingCommands.AmendMinutes.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements | AuditLog.AuditLog> =>
  Effect.flatMap(decodeInput(MeetingCommands.AmendMinutes)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.amend-minutes",
      build: ({ principal, at }) =>
        Effect.map(AmendmentId.generate, (id) =>
          MeetingLifecycle.Command.AmendMinutes({
            amendment: { id, author: principal.id, reason: command.reason, text: command.text, at },
            at,
          }),
        ),
      written: ({ after, principal }) => {
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
    }),
  )

/**
 * The coordinator cancels a requested or scheduled meeting, with a reason.
 * The calendar keeps the event with STATUS:CANCELLED.
 */
export const cancel = (
  input: typeof MeetingCommands.CancelMeeting.Encoded,
): Effect.Effect<Meeting, ChangeError, Requirements> =>
  Effect.flatMap(decodeInput(MeetingCommands.CancelMeeting)(input), (command) =>
    change({
      meetingId: command.meetingId,
      expectedVersion: command.expectedVersion,
      action: "meeting.cancel",
      build: ({ principal, at }) =>
        Effect.succeed(MeetingLifecycle.Command.Cancel({ reason: command.reason, by: principal.id, at })),
      written: ({ after }) =>
        Events.append("meeting.meeting.cancelled", after.id, {
          meetingId: after.id,
          mechanismId: after.mechanismId,
          sequence: after.sequence,
        }),
    }),
  )

/**
 * The coordinator records a decision of a held meeting (until its minutes
 * are approved: `meeting.minutes.locked`), optionally owned by a member
 * institution with a due date (`DecisionOwnership`).
 */
export const recordDecision = (
  input: typeof MeetingCommands.RecordDecision.Encoded,
): Effect.Effect<Decision, ChangeError, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(MeetingCommands.RecordDecision)(input)
    const repository = yield* MeetingRepository
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const meeting = yield* repository.find(command.meetingId)
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, at)
    yield* MeetingPolicy.requireCoordinator(roster, principal, "meeting.record-decision")
    yield* MeetingLifecycle.acceptsRecords(meeting, "record-decision")
    const decidedAt = meeting.schedule?.startsAt ?? at
    const ownership = yield* DecisionOwnership.check(command, {
      members: (yield* MechanismRoster.rosterAt(meeting.mechanismId, decidedAt)).members,
      meetingDay: CivilDate.ofInstant(decidedAt, (yield* JurisdictionProfile.CurrentJurisdiction).timezone),
    })
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
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* repository.insertDecision(decision)
        yield* Events.append("meeting.decision.recorded", decision.id, {
          decisionId: decision.id,
          meetingId: meeting.id,
          mechanismId: meeting.mechanismId,
          caseId: decision.caseId ?? null,
          owner: decision.owner ?? null,
          dueDate: decision.dueDate ?? null,
        })
      }),
    )
    return decision
  }).pipe(Span.untraced("MeetingService.recordDecision"))

const readable = (meetingId: Id.MeetingId, action: string) =>
  Effect.gen(function* () {
    const repository = yield* MeetingRepository
    const principal = yield* Principal.CurrentPrincipal
    const meeting = yield* repository.find(meetingId)
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, yield* Instant.now)
    yield* MeetingPolicy.requireMember(roster, principal, action)
    return { meeting, principal, roster }
  })

/**
 * A meeting as members see it, without its minutes (read those with {@link minutes}).
 * The reasons of its request and cancellation are sealed free text: reading
 * them is audited.
 */
export const find = (
  meetingId: Id.MeetingId,
): Effect.Effect<Listed, Errors.NotFound | Errors.Forbidden, Requirements | AuditLog.AuditLog> =>
  Effect.gen(function* () {
    const { meeting, principal } = yield* readable(meetingId, "meeting.read")
    const listed = withoutMinutes(meeting)
    if (carriesText(listed)) yield* recordTextRead(principal, meeting.mechanismId, [undefined])
    return listed
  }).pipe(Span.untraced("MeetingService.find"))

/**
 * A meeting's minutes with their amendments, for a member; the read is
 * written to the audit log (the minutes may name people). `None` before any
 * draft exists.
 */
export const minutes = (
  meetingId: Id.MeetingId,
): Effect.Effect<Option.Option<Minutes>, Errors.NotFound | Errors.Forbidden, Requirements | AuditLog.AuditLog> =>
  Effect.gen(function* () {
    const { meeting, principal } = yield* readable(meetingId, "meeting.read-minutes")
    if (meeting.minutes === undefined) return Option.none()
    yield* Transaction.run(audit(principal, meeting, "read"))
    return Option.some(meeting.minutes)
  }).pipe(Span.untraced("MeetingService.minutes"))

/**
 * A meeting's decisions, for a member: those about a case only for whoever
 * sees case data (`MeetingPolicy.seesCaseData`: the coordinator and the
 * signatories of the memorandum in force). The read is audited, per case the
 * decisions read are about.
 */
export const decisions = (
  meetingId: Id.MeetingId,
): Effect.Effect<ReadonlyArray<Decision>, Errors.NotFound | Errors.Forbidden, Requirements | AuditLog.AuditLog> =>
  Effect.gen(function* () {
    const { meeting, principal, roster } = yield* readable(meetingId, "meeting.read-decisions")
    const stored = yield* Effect.flatMap(MeetingRepository, (repository) => repository.decisions(meeting.id))
    const found = MeetingPolicy.seesCaseData(roster, principal)
      ? stored
      : stored.filter((decision) => !concernsCase(decision))
    yield* recordTextRead(
      principal,
      meeting.mechanismId,
      found.map((decision) => decision.caseId),
    )
    return found
  }).pipe(Span.untraced("MeetingService.decisions"))

/** A page read for a member: refused as the meeting's reads are, or for a malformed cursor. */
type PageRead<A> = Effect.Effect<
  Pagination.Page<A>,
  Errors.NotFound | Errors.Forbidden | Errors.InvalidInput,
  Requirements | AuditLog.AuditLog
>

/** The key decision pages are ordered by: when each was recorded, then id. */
export const decisionKey = (decision: Decision): Cursor.Key => [decision.recordedAt.getTime(), decision.id]

const DecisionKey = Schema.Tuple(Schema.Number, DecisionId)

/**
 * A page of a meeting's decisions by when they were recorded, as
 * {@link decisions} (those about a case only for whoever sees case data; the
 * read audited per case), paged in SQL by keyset.
 */
export const decisionPage = (meetingId: Id.MeetingId, query: MeetingPageQuery): PageRead<Decision> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterKey(DecisionKey, query.after)
    const { meeting, principal, roster } = yield* readable(meetingId, "meeting.read-decisions")
    const rows = yield* Effect.flatMap(MeetingRepository, (repository) =>
      repository.decisionPage(meeting.id, {
        after: after === undefined ? undefined : { recordedAt: new Date(after[0]), id: after[1] },
        limit: query.limit + 1,
        withoutCases: !MeetingPolicy.seesCaseData(roster, principal),
      }),
    )
    const page = Pagination.paginate(rows, query.limit, decisionKey)
    yield* recordTextRead(
      principal,
      meeting.mechanismId,
      page.items.map((decision) => decision.caseId),
    )
    return page
  }).pipe(Span.untraced("MeetingService.decisionPage"))

/**
 * A meeting's agenda, built by `Agenda.build` from the open action items, the
 * case summaries for the meeting's date, the mechanism's overdue referrals at
 * the meeting's start and the previous meeting's start, with the
 * coordinator's edits applied (`AgendaEdits`; reading their topics, typed
 * text, is audited). A meeting with no date yet (a request) has no agenda
 * (`InvalidTransition`).
 * Whoever does not see case data (`MeetingPolicy.seesCaseData`) gets it
 * without its case items (`Agenda.withoutCaseData`).
 */
export const agenda = (
  meetingId: Id.MeetingId,
): Effect.Effect<
  Agenda.Agenda,
  Errors.NotFound | Errors.Forbidden | Errors.InvalidTransition,
  | Requirements
  | ActionItemRepository
  | CaseSummaries.CaseSummaries
  | OverdueReferrals.OverdueReferrals
  | AuditLog.AuditLog
> =>
  Effect.gen(function* () {
    const { meeting, principal, roster } = yield* readable(meetingId, "meeting.agenda")
    const schedule = meeting.schedule
    if (schedule === undefined)
      return yield* Effect.fail(
        new Errors.InvalidTransition({ entity: "Meeting", from: meeting.status, command: "agenda" }),
      )
    const repository = yield* MeetingRepository
    const actionItems = yield* Effect.flatMap(ActionItemRepository, (items) => items.open(meeting.mechanismId))
    const cases = yield* CaseSummaries.forMeeting(meeting.mechanismId, schedule.startsAt)
    const overdueReferrals = yield* OverdueReferrals.forMechanism(meeting.mechanismId, schedule.startsAt)
    const previous = yield* repository.previousHeldStart(meeting.mechanismId, schedule.startsAt)
    const edits = yield* repository.agendaEdits(meeting.id)
    // The coordinator's topics are typed text: reading them is audited.
    if (edits.topics.length > 0) yield* recordTextRead(principal, meeting.mechanismId, [undefined])
    const built = Agenda.build({
      meeting: { id: meeting.id, mechanismId: meeting.mechanismId, startsAt: schedule.startsAt },
      previousStartsAt: Option.getOrUndefined(previous),
      actionItems,
      cases,
      overdueReferrals,
      profile: yield* JurisdictionProfile.CurrentJurisdiction,
    })
    // Edits after the filter: a member who does not see case data is not told which case items were left out.
    return AgendaEdits.apply(
      MeetingPolicy.seesCaseData(roster, principal) ? built : Agenda.withoutCaseData(built),
      edits,
    )
  }).pipe(Span.untraced("MeetingService.agenda"))

// The mechanism's meetings for a member, their texts not yet recorded as read.
const listed = (mechanismId: Id.MechanismId, action: string) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const roster = yield* MechanismRoster.rosterAt(mechanismId, yield* Instant.now)
    yield* MeetingPolicy.requireMember(roster, principal, action)
    const meetings = yield* Effect.flatMap(MeetingRepository, (repository) => repository.list(mechanismId))
    return { principal, meetings }
  })

// The meetings, once the read of their sealed reasons is recorded.
const recorded = (mechanismId: Id.MechanismId, principal: Principal.Principal, meetings: ReadonlyArray<Listed>) =>
  Effect.as(recordTextRead(principal, mechanismId, meetings.some(carriesText) ? [undefined] : []), meetings)

/**
 * The mechanism's meetings, for a member. The reasons of requests and
 * cancellations are sealed free text: reading them is audited.
 */
export const list = (
  mechanismId: Id.MechanismId,
): Effect.Effect<ReadonlyArray<Listed>, Errors.NotFound | Errors.Forbidden, Requirements | AuditLog.AuditLog> =>
  Effect.gen(function* () {
    const { principal, meetings } = yield* listed(mechanismId, "meeting.list")
    return yield* recorded(mechanismId, principal, meetings)
  }).pipe(Span.untraced("MeetingService.list"))

/**
 * The mechanism's ad hoc requests not scheduled by their deadline (their
 * reasons' read audited, as in {@link list}).
 */
export const overdueRequests = (
  mechanismId: Id.MechanismId,
): Effect.Effect<ReadonlyArray<Listed>, Errors.NotFound | Errors.Forbidden, Requirements | AuditLog.AuditLog> =>
  Effect.gen(function* () {
    const { principal, meetings } = yield* listed(mechanismId, "meeting.list")
    const at = yield* Instant.now
    return yield* recorded(
      mechanismId,
      principal,
      meetings.filter((meeting) => SchedulingDeadline.isOverdue(meeting, at)),
    )
  }).pipe(Span.untraced("MeetingService.overdueRequests"))

/** A request for a page of meetings: `limit` after the `after` cursor of the previous page. */
export interface MeetingPageQuery {
  readonly limit: number
  readonly after?: string | undefined
}

/** The key meeting pages are ordered by: the start (a request, with none, after every start), then id. */
export const meetingKey = (meeting: Listed): Cursor.Key => [
  meeting.schedule?.startsAt.getTime() ?? Number.MAX_SAFE_INTEGER,
  meeting.id,
]

const MeetingKey = Schema.Tuple(Schema.Number, Id.MeetingId)

// One keyset step of the repository from a page key (the start as a time, or the requests' mark).
const listStep =
  (mechanismId: Id.MechanismId, filter: Pick<MeetingPage, "status" | "kind">) =>
  (after: Cursor.Key | undefined, limit: number) =>
    Effect.flatMap(MeetingRepository, (repository) =>
      repository.listPage(mechanismId, {
        ...filter,
        limit,
        after:
          after === undefined
            ? undefined
            : {
                startsAt: after[0] === Number.MAX_SAFE_INTEGER ? undefined : new Date(after[0] as number),
                id: after[1] as Id.MeetingId,
              },
      }),
    )

// A page of the mechanism's meetings `keep` allows, for a member, their texts' read recorded.
const meetingPage = (
  mechanismId: Id.MechanismId,
  query: MeetingPageQuery,
  filter: Pick<MeetingPage, "status" | "kind">,
  keep: (meeting: Listed) => boolean,
) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const roster = yield* MechanismRoster.rosterAt(mechanismId, yield* Instant.now)
    yield* MeetingPolicy.requireMember(roster, principal, "meeting.list")
    const after = yield* Cursor.afterKey(MeetingKey, query.after)
    const page = yield* Pagination.visible({
      step: listStep(mechanismId, filter),
      visible: (meeting) => Effect.succeed(keep(meeting)),
      keyOf: meetingKey,
      limit: query.limit,
      after,
    })
    yield* recorded(mechanismId, principal, page.items)
    return page
  })

/**
 * A page of the mechanism's meetings (of one `status` and `kind` when given),
 * scheduled ones by start, then requests, for a member, paged in SQL by
 * keyset. Reading the sealed reasons on the page is audited, as in {@link list}.
 */
export const page = (
  mechanismId: Id.MechanismId,
  query: MeetingPageQuery & Pick<MeetingPage, "status" | "kind">,
): PageRead<Listed> =>
  meetingPage(mechanismId, query, { status: query.status, kind: query.kind }, () => true).pipe(
    Span.untraced("MeetingService.page"),
  )

/**
 * A page of the mechanism's ad hoc requests not scheduled by their deadline,
 * as {@link page}: the requests are walked in SQL, the deadline (a rule of the
 * jurisdiction profile) is checked on each.
 */
export const overdueRequestPage = (mechanismId: Id.MechanismId, query: MeetingPageQuery): PageRead<Listed> =>
  Effect.gen(function* () {
    const at = yield* Instant.now
    return yield* meetingPage(mechanismId, query, { status: "requested" }, (meeting) =>
      SchedulingDeadline.isOverdue(meeting, at),
    )
  }).pipe(Span.untraced("MeetingService.overdueRequestPage"))

/**
 * The iCalendar feed of the mechanism's meetings in `locale`, for a member. It
 * carries no reason, so nothing is audited.
 */
export const calendar = (
  mechanismId: Id.MechanismId,
  locale: Locale.Locale,
): Effect.Effect<string, Errors.NotFound | Errors.Forbidden, Requirements> =>
  Effect.map(listed(mechanismId, "meeting.list"), ({ meetings }) => ICalendar.feed(meetings, locale))

/**
 * The mechanism's cadence compliance in a calendar year, for a member or the
 * national coordinator. Required: the mechanism's cadence, at least the
 * profile's minimum.
 */
export const compliance = (
  mechanismId: Id.MechanismId,
  year: number,
): Effect.Effect<CadenceCompliance.Compliance, Errors.NotFound | Errors.Forbidden, Requirements> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const roster = yield* MechanismRoster.rosterAt(mechanismId, at)
    yield* MeetingPolicy.requireComplianceReader(roster, principal)
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const meetings = yield* Effect.flatMap(MeetingRepository, (repository) => repository.list(mechanismId))
    return CadenceCompliance.compute({
      year,
      required: MechanismRoster.requiredPerYear(roster, profile),
      meetings,
      timeZone: profile.timezone,
      asOf: at,
    })
  }).pipe(Span.untraced("MeetingService.compliance"))
