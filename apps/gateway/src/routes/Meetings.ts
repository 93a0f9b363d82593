/**
 * The meetings of a mechanism and their action items: ad hoc requests,
 * scheduling, holding with attendance, minutes (draft, approval, amendments),
 * cancellation, decisions, the agenda, overdue requests, cadence compliance and
 * the iCalendar feed.
 *
 * The meeting package decides who may do what (the coordinator runs meetings,
 * members read them and request ad hoc ones, an item's owner or the
 * coordinator closes it). Before it, each route checks the gateway's own
 * scope: the caller's token must name the meeting's mechanism (the national
 * coordinator reads compliance across mechanisms), so belonging to a member
 * institution is not enough to reach another mechanism's meetings.
 *
 * A meeting is versioned on its own: each change needs the `If-Match` of the
 * meeting (`GET /v1/meetings/:meetingId`) and answers with its new `ETag`; an
 * action item likewise. Decisions and action items are added to a held
 * meeting without changing its version.
 *
 * Case data — the agenda's case reviews, anniversary notices, overdue
 * referrals and case-linked action items, decisions about a case, action
 * items linked to a case — is for the mechanism's coordinator and the
 * institutions that signed the memorandum in force, as the mechanism's case
 * list is: another member gets them without it. The meeting package decides
 * (`MeetingPolicy.seesCaseData`).
 *
 * Minutes and decisions may name people despite the rules, so they are read
 * only through POSTs that change nothing (`safe`); no other answer carries
 * them (a command on a meeting answers with the meeting as listed, without its
 * minutes). Every read of sealed free text — minutes, decisions, action items'
 * descriptions, the reasons of a request or a cancellation — is audited by the
 * package.
 */
import { Errors, Id, JurisdictionProfile, Locale } from "@bashke/kernel"
import {
  ActionItem,
  ActionItemCommands,
  ActionItemExtension,
  Agenda,
  CadenceCompliance,
  Decision,
  EditAgenda,
  Meeting,
  MeetingCommands,
  MeetingService,
} from "@bashke/meeting"
import { Effect, Option, Schema } from "effect"
import * as Route from "../Route"
import * as InstitutionNames from "./InstitutionNames"
import * as Keyset from "./Keyset"
import * as MechanismScope from "./MechanismScope"

const tag = "meetings"

const MechanismPath = Schema.Struct({ mechanismId: Id.MechanismId })
const MeetingPath = Schema.Struct({ meetingId: Id.MeetingId })
const ActionItemPath = Schema.Struct({ actionItemId: Id.ActionItemId })

/** A use case on meetings, through the meeting package's service. */
const meetings = <A, E, R>(use: (service: MeetingService.Service["meetings"]) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(MeetingService.MeetingService, (service) => use(service.meetings))

/** A use case on action items, through the meeting package's service. */
const actionItems = <A, E, R>(use: (service: MeetingService.Service["actionItems"]) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(MeetingService.MeetingService, (service) => use(service.actionItems))

/** `effect`, once the caller is found to act within `mechanismId`. */
const inMechanism = <A, E, R>(mechanismId: Id.MechanismId, action: string, effect: Effect.Effect<A, E, R>) =>
  Effect.zipRight(MechanismScope.requireScope(mechanismId, action), effect)

/**
 * `effect`, once the caller is found to act within the meeting's mechanism; to
 * a caller outside it the meeting does not exist (404, as an unknown id).
 */
const inMeeting = <A, E, R>(meetingId: Id.MeetingId, action: string, effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const notFound = new Errors.NotFound({ entity: "Meeting", id: meetingId })
    // Only the meeting's mechanism is looked up first: an outsider is refused
    // in the time an unknown id takes, before any sealed text is opened.
    const mechanismId = yield* meetings((service) => service.mechanismOf(meetingId))
    if (Option.isNone(mechanismId)) return yield* Effect.fail(notFound)
    return yield* inMechanism(mechanismId.value, action, effect).pipe(
      MechanismScope.concealed(mechanismId.value, notFound),
    )
  })

/** `effect` within the action item's mechanism; to a caller outside it the item does not exist. */
const inActionItem = <A, E, R>(
  mechanismId: Id.MechanismId,
  actionItemId: Id.ActionItemId,
  action: string,
  effect: Effect.Effect<A, E, R>,
) =>
  inMechanism(mechanismId, action, effect).pipe(
    MechanismScope.concealed(mechanismId, new Errors.NotFound({ entity: "ActionItem", id: actionItemId })),
  )

/** `effect` within the item's mechanism, found first; to a caller outside it the item does not exist. */
const onActionItem = <A, E, R>(actionItemId: Id.ActionItemId, action: string, effect: Effect.Effect<A, E, R>) =>
  actionItems((service) => service.mechanismOf(actionItemId)).pipe(
    Effect.flatMap((mechanismId) => inActionItem(mechanismId, actionItemId, action, effect)),
  )

/** A meeting as every answer but the minutes' own shows it: without its minutes. */
const ListedMeeting = Meeting.Meeting.pipe(Schema.omit("minutes")).annotations({ identifier: "ListedMeeting" })
type ListedMeeting = typeof ListedMeeting.Type

const listed = (meeting: Meeting.Meeting): ListedMeeting => {
  const { minutes: _minutes, ...rest } = meeting
  return rest
}

/** The answers people read carry the names of the institutions they mention (`InstitutionNames`). */
const NamedMeeting = InstitutionNames.named(ListedMeeting, "NamedMeeting")
const NamedActionItem = InstitutionNames.named(ActionItem.ActionItem, "NamedActionItem")
const NamedAgenda = InstitutionNames.named(Agenda.Agenda, "NamedAgenda")
const MeetingPage = InstitutionNames.namedPage(ListedMeeting, "ListedMeetingPage")
const DecisionPage = InstitutionNames.namedPage(Decision.Decision, "DecisionPage")
const ActionItemPage = InstitutionNames.namedPage(ActionItem.ActionItem, "ActionItemPage")

/** A meeting as listed, with the names of the institutions it mentions. */
const namedListing = (meeting: Meeting.Meeting) => InstitutionNames.attach(listed(meeting))

const PageQuery = Keyset.query({})

const MeetingListQuery = Keyset.query({
  status: Schema.optional(Meeting.Status),
  kind: Schema.optional(Meeting.Kind),
})

const listMeetings = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/meetings",
  operationId: "listMeetings",
  tag,
  summary: "The mechanism's meetings: scheduled ones by start, then requests (members)",
  pathSchema: MechanismPath,
  querySchema: MeetingListQuery,
  success: { status: 200, schema: MeetingPage },
  handle: ({ path, query }) =>
    Effect.gen(function* () {
      yield* MechanismScope.requireScope(path.mechanismId, "meeting.list")
      return yield* InstitutionNames.attachPage(yield* meetings((service) => service.page(path.mechanismId, query)))
    }),
})

const readMeeting = Route.make({
  method: "get",
  path: "/v1/meetings/:meetingId",
  operationId: "getMeeting",
  tag,
  summary: "A meeting, without its minutes (members)",
  pathSchema: MeetingPath,
  success: { status: 200, schema: NamedMeeting },
  etag: (meeting) => meeting.version,
  handle: ({ path }) =>
    inMeeting(
      path.meetingId,
      "meeting.read",
      Effect.flatMap(
        meetings((service) => service.find(path.meetingId)),
        InstitutionNames.attach,
      ),
    ),
})

const requestAdHoc = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/meeting-requests",
  operationId: "requestAdHocMeeting",
  tag,
  summary: "Request an ad hoc meeting (member institutions)",
  pathSchema: MechanismPath,
  bodySchema: MeetingCommands.RequestAdHoc.pipe(Schema.omit("mechanismId")),
  success: { status: 201, schema: NamedMeeting },
  etag: (meeting) => meeting.version,
  handle: ({ path, body }) =>
    inMechanism(
      path.mechanismId,
      "meeting.request",
      Effect.flatMap(
        meetings((service) => service.requestAdHoc({ ...body, mechanismId: path.mechanismId })),
        namedListing,
      ),
    ),
})

const schedule = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/meetings",
  operationId: "scheduleMeeting",
  tag,
  summary: "Schedule a new meeting, regular or ad hoc (the coordinator)",
  pathSchema: MechanismPath,
  bodySchema: MeetingCommands.ScheduleMeeting.pipe(Schema.omit("mechanismId")),
  success: { status: 201, schema: NamedMeeting },
  etag: (meeting) => meeting.version,
  handle: ({ path, body }) =>
    inMechanism(
      path.mechanismId,
      "meeting.schedule",
      Effect.flatMap(
        meetings((service) => service.schedule({ ...body, mechanismId: path.mechanismId })),
        namedListing,
      ),
    ),
})

/** What the path and `If-Match` carry of a command on a stored meeting. */
interface Located {
  readonly meetingId: unknown
  readonly expectedVersion: unknown
}

/** A command on a stored meeting: `If-Match` of the meeting, its new `ETag` back. */
const change = <A extends Located, I extends Located>(options: {
  readonly method?: "post" | "put"
  readonly path: string
  readonly operationId: string
  readonly summary: string
  readonly status?: 200 | 201
  /** The command; its body is the command without what the path and If-Match carry. None when they carry everything. */
  readonly command?: Schema.Schema<A, I>
  /** The use case; it decodes its input itself, so the body only needs to have passed the route's schema. */
  readonly run: (
    service: MeetingService.Service["meetings"],
    input: never,
  ) => Effect.Effect<Meeting.Meeting, Route.Failure, Route.Requirements>
}) =>
  Route.make({
    method: options.method ?? "post",
    path: options.path,
    operationId: options.operationId,
    tag,
    summary: options.summary,
    pathSchema: MeetingPath,
    ...(options.command === undefined
      ? {}
      : { bodySchema: options.command.pipe(Schema.omit("meetingId", "expectedVersion")) }),
    success: { status: options.status ?? 200, schema: NamedMeeting },
    ifMatch: true,
    etag: (meeting) => meeting.version,
    handle: ({ path, body, expectedVersion }) =>
      inMeeting(
        path.meetingId,
        options.operationId,
        Effect.flatMap(
          meetings((service) =>
            options.run(service, { ...(body as object), meetingId: path.meetingId, expectedVersion } as never),
          ),
          namedListing,
        ),
      ),
  })

const scheduleRequested = change({
  path: "/v1/meetings/:meetingId/schedule",
  operationId: "scheduleRequestedMeeting",
  summary: "Give a requested meeting its date, time and place (the coordinator)",
  command: MeetingCommands.SetSchedule,
  run: (service, input) => service.scheduleRequested(input),
})

const reschedule = change({
  method: "put",
  path: "/v1/meetings/:meetingId/schedule",
  operationId: "rescheduleMeeting",
  summary: "Change a scheduled meeting's date, time or place (the coordinator)",
  command: MeetingCommands.SetSchedule,
  run: (service, input) => service.reschedule(input),
})

const hold = change({
  path: "/v1/meetings/:meetingId/held",
  operationId: "holdMeeting",
  summary: "Record that the meeting took place, with its attendance (the coordinator)",
  command: MeetingCommands.SetAttendance,
  run: (service, input) => service.hold(input),
})

const recordAttendance = change({
  method: "put",
  path: "/v1/meetings/:meetingId/attendance",
  operationId: "recordAttendance",
  summary: "Correct a held meeting's attendance until its minutes are approved (the coordinator)",
  command: MeetingCommands.SetAttendance,
  run: (service, input) => service.recordAttendance(input),
})

const draftMinutes = change({
  method: "put",
  path: "/v1/meetings/:meetingId/minutes",
  operationId: "draftMinutes",
  summary: "Write or rewrite the minutes' draft (the coordinator; audited)",
  command: MeetingCommands.DraftMinutes,
  run: (service, input) => service.draftMinutes(input),
})

const approveMinutes = change({
  path: "/v1/meetings/:meetingId/minutes/approval",
  operationId: "approveMinutes",
  summary: "Approve the minutes, which locks them (the coordinator; quorum needed)",
  run: (service, input) => service.approveMinutes(input),
})

const amendMinutes = change({
  path: "/v1/meetings/:meetingId/minutes/amendments",
  operationId: "amendMinutes",
  summary: "Append an amendment to approved minutes (the coordinator; audited)",
  status: 201,
  command: MeetingCommands.AmendMinutes,
  run: (service, input) => service.amendMinutes(input),
})

const editAgenda = change({
  method: "put",
  path: "/v1/meetings/:meetingId/agenda",
  operationId: "editAgenda",
  summary:
    "Edit a scheduled meeting's agenda: topics in a section, items of the rule left out by key (the coordinator; audited)",
  command: EditAgenda.EditAgenda,
  run: (service, input) => service.editAgenda(input),
})

const cancel = change({
  path: "/v1/meetings/:meetingId/cancellation",
  operationId: "cancelMeeting",
  summary: "Cancel a requested or scheduled meeting, with the reason (the coordinator)",
  command: MeetingCommands.CancelMeeting,
  run: (service, input) => service.cancel(input),
})

const readMinutes = Route.make({
  method: "post",
  path: "/v1/meetings/:meetingId/minutes/read",
  operationId: "readMinutes",
  tag,
  summary: "Read the minutes with their amendments (members; audited)",
  safe: true,
  pathSchema: MeetingPath,
  success: { status: 200, schema: Meeting.Minutes },
  handle: ({ path }) =>
    inMeeting(
      path.meetingId,
      "meeting.read-minutes",
      Effect.flatMap(
        meetings((service) => service.minutes(path.meetingId)),
        Option.match({
          // Nothing drafted yet: there are no minutes to read.
          onNone: () => Effect.fail(new Errors.NotFound({ entity: "Minutes", id: path.meetingId })),
          onSome: Effect.succeed,
        }),
      ),
    ),
})

const recordDecision = Route.make({
  method: "post",
  path: "/v1/meetings/:meetingId/decisions",
  operationId: "recordDecision",
  tag,
  summary: "Record a decision of a held meeting (the coordinator)",
  pathSchema: MeetingPath,
  bodySchema: MeetingCommands.RecordDecision.pipe(Schema.omit("meetingId")),
  success: { status: 201, schema: InstitutionNames.named(Decision.Decision, "NamedDecision") },
  handle: ({ path, body }) =>
    inMeeting(
      path.meetingId,
      "meeting.record-decision",
      Effect.flatMap(
        meetings((service) => service.recordDecision({ ...body, meetingId: path.meetingId })),
        InstitutionNames.attach,
      ),
    ),
})

const readDecisions = Route.make({
  method: "post",
  path: "/v1/meetings/:meetingId/decisions/read",
  operationId: "readDecisions",
  tag,
  summary: "Read a meeting's decisions (members; audited)",
  safe: true,
  pathSchema: MeetingPath,
  querySchema: PageQuery,
  success: { status: 200, schema: DecisionPage },
  handle: ({ path, query }) =>
    inMeeting(
      path.meetingId,
      "meeting.read-decisions",
      Effect.flatMap(
        meetings((service) => service.decisionPage(path.meetingId, query)),
        InstitutionNames.attachPage,
      ),
    ),
})

const agenda = Route.make({
  method: "get",
  path: "/v1/meetings/:meetingId/agenda",
  operationId: "getAgenda",
  tag,
  summary: "The agenda, built from data: open items, overdue referrals, case reviews (pseudonymised), notices",
  pathSchema: MeetingPath,
  success: { status: 200, schema: NamedAgenda },
  handle: ({ path }) =>
    inMeeting(
      path.meetingId,
      "meeting.agenda",
      Effect.flatMap(
        meetings((service) => service.agenda(path.meetingId)),
        InstitutionNames.attach,
      ),
    ),
})

const overdueRequests = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/meeting-requests/overdue",
  operationId: "listOverdueMeetingRequests",
  tag,
  summary: "Ad hoc requests not scheduled by their deadline (members)",
  pathSchema: MechanismPath,
  querySchema: PageQuery,
  success: { status: 200, schema: MeetingPage },
  handle: ({ path, query }) =>
    inMechanism(
      path.mechanismId,
      "meeting.list",
      Effect.flatMap(
        meetings((service) => service.overdueRequestPage(path.mechanismId, query)),
        InstitutionNames.attachPage,
      ),
    ),
})

const CompliancePath = Schema.Struct({
  mechanismId: Id.MechanismId,
  year: Schema.NumberFromString.pipe(Schema.compose(Schema.Int.pipe(Schema.between(1970, 9999)))),
})

const compliance = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/cadence-compliance/:year",
  operationId: "getCadenceCompliance",
  tag,
  summary: "Regular meetings held against the cadence in a calendar year (members, national coordinator)",
  pathSchema: CompliancePath,
  success: { status: 200, schema: CadenceCompliance.Compliance },
  handle: ({ path }) =>
    Effect.zipRight(
      MechanismScope.requireScope(path.mechanismId, "meeting.compliance", ["national-coordinator"]),
      meetings((service) => service.compliance(path.mechanismId, path.year)),
    ),
})

const CalendarQuery = Schema.Struct({ locale: Schema.optional(Locale.Locale) })

/**
 * The iCalendar feed, for calendar applications to subscribe to. They cannot
 * send `Accept-Language`, so the language is a query parameter (the
 * jurisdiction's default when absent).
 */
const calendar = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/calendar.ics",
  operationId: "getMeetingCalendar",
  tag,
  summary: "The mechanism's meetings as an iCalendar feed (RFC 5545; members)",
  pathSchema: MechanismPath,
  querySchema: CalendarQuery,
  success: { status: 200, schema: Schema.String, contentType: "text/calendar; charset=utf-8" },
  handle: ({ path, query }) =>
    Effect.gen(function* () {
      yield* MechanismScope.requireScope(path.mechanismId, "meeting.calendar")
      const locale = query.locale ?? (yield* JurisdictionProfile.CurrentJurisdiction).languages.defaultLocale
      return yield* meetings((service) => service.calendar(path.mechanismId, locale))
    }),
})

const addActionItem = Route.make({
  method: "post",
  path: "/v1/meetings/:meetingId/action-items",
  operationId: "addActionItem",
  tag,
  summary: "Record an action item decided at a held meeting (the coordinator)",
  pathSchema: MeetingPath,
  bodySchema: ActionItemCommands.AddActionItem.pipe(Schema.omit("meetingId")),
  success: { status: 201, schema: NamedActionItem },
  etag: (item) => item.version,
  handle: ({ path, body }) =>
    inMeeting(
      path.meetingId,
      "meeting.action-item.add",
      Effect.flatMap(
        actionItems((service) => service.add({ ...body, meetingId: path.meetingId })),
        InstitutionNames.attach,
      ),
    ),
})

const closeActionItem = Route.make({
  method: "post",
  path: "/v1/action-items/:actionItemId/closure",
  operationId: "closeActionItem",
  tag,
  summary: "Close an action item as done, or not done with the reason (its owner or the coordinator)",
  pathSchema: ActionItemPath,
  bodySchema: ActionItemCommands.CloseActionItem.from.pipe(Schema.omit("actionItemId", "expectedVersion")),
  success: { status: 200, schema: NamedActionItem },
  ifMatch: true,
  etag: (item) => item.version,
  handle: ({ path, body, expectedVersion }) =>
    onActionItem(
      path.actionItemId,
      "meeting.action-item.update",
      Effect.flatMap(
        actionItems((service) =>
          service.close({ ...body, actionItemId: path.actionItemId, expectedVersion: expectedVersion ?? 0 }),
        ),
        InstitutionNames.attach,
      ),
    ),
})

const extendActionItem = Route.make({
  method: "post",
  path: "/v1/action-items/:actionItemId/extensions",
  operationId: "extendActionItem",
  tag,
  summary: "Move an open action item's due date later, with the reason (its owner or the coordinator)",
  pathSchema: ActionItemPath,
  bodySchema: ActionItemCommands.ExtendActionItem.pipe(Schema.omit("actionItemId", "expectedVersion")),
  success: { status: 200, schema: NamedActionItem },
  ifMatch: true,
  etag: (item) => item.version,
  handle: ({ path, body, expectedVersion }) =>
    onActionItem(
      path.actionItemId,
      "meeting.action-item.update",
      Effect.flatMap(
        actionItems((service) =>
          service.extend({ ...body, actionItemId: path.actionItemId, expectedVersion: expectedVersion ?? 0 }),
        ),
        InstitutionNames.attach,
      ),
    ),
})

const ExtensionList = Schema.Struct({ items: Schema.Array(ActionItemExtension.Extension) }).annotations({
  identifier: "ActionItemExtensionList",
})

const listActionItemExtensions = Route.make({
  method: "get",
  path: "/v1/action-items/:actionItemId/extensions",
  operationId: "listActionItemExtensions",
  tag,
  summary: "An action item's due date extensions, oldest first, with their reasons (members; audited)",
  pathSchema: ActionItemPath,
  success: { status: 200, schema: ExtensionList },
  handle: ({ path }) =>
    onActionItem(
      path.actionItemId,
      "meeting.action-item.list",
      Effect.map(
        actionItems((service) => service.extensions(path.actionItemId)),
        (items) => ({ items }),
      ),
    ),
})

const OpenItemsQuery = Keyset.query({
  owner: Schema.optional(Id.InstitutionId),
})

const listOpenActionItems = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/action-items",
  operationId: "listOpenActionItems",
  tag,
  summary: "The mechanism's open action items, by due date (members)",
  pathSchema: MechanismPath,
  querySchema: OpenItemsQuery,
  success: { status: 200, schema: ActionItemPage },
  handle: ({ path, query }) =>
    inMechanism(
      path.mechanismId,
      "meeting.action-item.list",
      Effect.flatMap(
        actionItems((service) => service.openPage(path.mechanismId, query)),
        InstitutionNames.attachPage,
      ),
    ),
})

const listMeetingActionItems = Route.make({
  method: "get",
  path: "/v1/meetings/:meetingId/action-items",
  operationId: "listMeetingActionItems",
  tag,
  summary: "The action items decided at a meeting, open or closed (members)",
  pathSchema: MeetingPath,
  querySchema: PageQuery,
  success: { status: 200, schema: ActionItemPage },
  handle: ({ path, query }) =>
    inMeeting(
      path.meetingId,
      "meeting.action-item.list",
      Effect.flatMap(
        actionItems((service) => service.meetingPage(path.meetingId, query)),
        InstitutionNames.attachPage,
      ),
    ),
})

/** The meeting and action item routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [
  listMeetings,
  schedule,
  readMeeting,
  requestAdHoc,
  overdueRequests,
  scheduleRequested,
  reschedule,
  hold,
  recordAttendance,
  draftMinutes,
  readMinutes,
  approveMinutes,
  amendMinutes,
  cancel,
  recordDecision,
  readDecisions,
  agenda,
  editAgenda,
  compliance,
  calendar,
  addActionItem,
  listMeetingActionItems,
  listOpenActionItems,
  closeActionItem,
  extendActionItem,
  listActionItemExtensions,
]
