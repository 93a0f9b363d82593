/**
 * `@bashke/meeting`: the meetings of a coordination mechanism — regular and ad
 * hoc (any member may request one; the coordinator must schedule it in time),
 * agendas built from data with pseudonymised case reviews, attendance and
 * quorum, minutes with approval and amendments, decisions and action items,
 * yearly cadence compliance and an iCalendar feed.
 *
 * @since 0.1.0
 */

/**
 * Action items: owner, due date, link to a case or plan activity, status; carry-over and review order.
 *
 * @since 0.1.0
 */
export * as ActionItem from "./ActionItem"

/**
 * The inputs of the action item use cases.
 *
 * @since 0.1.0
 */
export * as ActionItemCommands from "./ActionItemCommands"

/**
 * The action item state machine: open → done | not-done (with the reason).
 *
 * @since 0.1.0
 */
export * as ActionItemLifecycle from "./ActionItemLifecycle"

/**
 * The action item repository port.
 *
 * @since 0.1.0
 */
export * as ActionItemRepository from "./ActionItemRepository"

/**
 * The action item use cases.
 *
 * @since 0.1.0
 */
export * as ActionItemService from "./ActionItemService"

/**
 * The agenda rule and the titles of its items.
 *
 * @since 0.1.0
 */
export * as Agenda from "./Agenda"

/**
 * The coordinator's edits of an agenda: topics and items left out.
 *
 * @since 0.1.0
 */
export * as AgendaEdits from "./AgendaEdits"

/**
 * Attendance per member institution and the quorum computed from it.
 *
 * @since 0.1.0
 */
export * as Attendance from "./Attendance"

/**
 * Cadence compliance per calendar year.
 *
 * @since 0.1.0
 */
export * as CadenceCompliance from "./CadenceCompliance"

/**
 * Calendar subscriptions: a revocable secret feed URL per person.
 *
 * @since 0.1.0
 */
export * as CalendarFeeds from "./CalendarFeeds"

/**
 * The port for pseudonymised case summaries.
 *
 * @since 0.1.0
 */
export * as CaseSummaries from "./CaseSummaries"

/**
 * Decisions recorded at meetings.
 *
 * @since 0.1.0
 */
export * as Decision from "./Decision"

/**
 * A decision's owner institution and due date.
 *
 * @since 0.1.0
 */
export * as DecisionOwnership from "./DecisionOwnership"

/**
 * The coordinator edits a scheduled meeting's agenda (audited).
 *
 * @since 0.1.0
 */
export * as EditAgenda from "./EditAgenda"

/**
 * The iCalendar (RFC 5545) feed.
 *
 * @since 0.1.0
 */
export * as ICalendar from "./ICalendar"

/**
 * The port for the mechanism's coordinator, members, cadence and quorum rule.
 *
 * @since 0.1.0
 */
export * as MechanismRoster from "./MechanismRoster"

/**
 * The meeting model.
 *
 * @since 0.1.0
 */
export * as Meeting from "./Meeting"

/**
 * The inputs of the meeting use cases.
 *
 * @since 0.1.0
 */
export * as MeetingCommands from "./MeetingCommands"

/**
 * What meetings and action items make due: requests to schedule, minutes to
 * circulate, action items to complete.
 *
 * @since 0.1.0
 */
export * as MeetingDue from "./MeetingDue"

/**
 * The outbox events of this package.
 *
 * @since 0.1.0
 */
export * as MeetingEvents from "./MeetingEvents"

/**
 * The meeting state machine.
 *
 * @since 0.1.0
 */
export * as MeetingLifecycle from "./MeetingLifecycle"

/**
 * The package's part of the message catalogue.
 *
 * @since 0.1.0
 */
export * as MeetingMessages from "./MeetingMessages"

/**
 * @since 0.1.0
 */
export { meetingMessages } from "./MeetingMessages"

/**
 * @since 0.1.0
 */
export { meetingMigrations } from "./MeetingMigrations"

/**
 * Who may do what with a mechanism's meetings.
 *
 * @since 0.1.0
 */
export * as MeetingPolicy from "./MeetingPolicy"

/**
 * The meeting repository port.
 *
 * @since 0.1.0
 */
export * as MeetingRepository from "./MeetingRepository"

/**
 * The meeting use cases.
 *
 * @since 0.1.0
 */
export * as MeetingService from "./MeetingService"

/**
 * The profile's deadline for circulating minutes, and where minutes stand against it.
 *
 * @since 0.1.0
 */
export * as MinutesCirculation from "./MinutesCirculation"

/**
 * The port for the mechanism's overdue referrals.
 *
 * @since 0.1.0
 */
export * as OverdueReferrals from "./OverdueReferrals"

/**
 * Scheduling deadlines of ad hoc requests.
 *
 * @since 0.1.0
 */
export * as SchedulingDeadline from "./SchedulingDeadline"

/**
 * The SQL adapter of the action item repository.
 *
 * @since 0.1.0
 */
export * as SqlActionItemRepository from "./SqlActionItemRepository"

/**
 * The calendar feeds' store on `@effect/sql`.
 *
 * @since 0.1.0
 */
export * as SqlCalendarFeedStore from "./SqlCalendarFeedStore"

/**
 * The SQL adapter of the meeting repository.
 *
 * @since 0.1.0
 */
export * as SqlMeetingRepository from "./SqlMeetingRepository"
