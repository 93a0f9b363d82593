/**
 * What members read of their mechanism's meetings: one meeting (without its
 * minutes), its minutes, its decisions, its agenda, the mechanism's meetings,
 * its overdue requests, its iCalendar feed and its cadence compliance. Each
 * read checks `MeetingPolicy` first; reading sealed or typed text is audited.
 */
import {
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
import type { AuditLog } from "@bashke/security"
import { Effect, Option, Schema } from "effect"
import { ActionItemRepository } from "./ActionItemRepository"
import * as Agenda from "./Agenda"
import * as AgendaEdits from "./AgendaEdits"
import * as CadenceCompliance from "./CadenceCompliance"
import * as CaseSummaries from "./CaseSummaries"
import { concernsCase, type Decision, DecisionId } from "./Decision"
import * as ICalendar from "./ICalendar"
import { audit, type Requirements } from "./internal/MeetingChange"
import { recordTextRead } from "./internal/TextReads"
import * as MechanismRoster from "./MechanismRoster"
import type { Meeting, Minutes } from "./Meeting"
import * as MeetingPolicy from "./MeetingPolicy"
import { type Listed, type MeetingPage, MeetingRepository } from "./MeetingRepository"
import * as OverdueReferrals from "./OverdueReferrals"
import * as SchedulingDeadline from "./SchedulingDeadline"

const withoutMinutes = (meeting: Meeting): Listed => {
  const { minutes: _minutes, ...listed } = meeting
  return listed
}

/** The sealed free texts a listed meeting carries: the request's reason, the cancellation's. */
const carriesText = (meeting: Listed): boolean =>
  meeting.request?.reason !== undefined || meeting.cancellation?.reason !== undefined

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
