/**
 * `@bashke/meeting`: the meetings of a coordination mechanism — regular and ad
 * hoc (any member may request one; the coordinator must schedule it in time),
 * agendas built from data with pseudonymised case reviews, attendance and
 * quorum, minutes with approval and amendments, decisions and action items,
 * yearly cadence compliance and an iCalendar feed.
 */

/**
 * Action items: owner, due date, link to a case or plan activity, status; carry-over and review order.
 */
export * as ActionItem from "./ActionItem"

/**
 * The inputs of the action item use cases.
 */
export * as ActionItemCommands from "./ActionItemCommands"

/**
 * An action item's due date moved later with the reason, and the history kept.
 */
export * as ActionItemExtension from "./ActionItemExtension"

/**
 * The action item state machine: open → done | not-done (with the reason).
 */
export * as ActionItemLifecycle from "./ActionItemLifecycle"

/**
 * The action item repository port.
 */
export * as ActionItemRepository from "./ActionItemRepository"

/**
 * The action item use cases.
 */
export * as ActionItemService from "./ActionItemService"

/**
 * The action items linked to plan activities (ids, due date, status), for the action plan's progress.
 */
export * as ActivityItems from "./ActivityItems"

/**
 * The agenda rule and the titles of its items.
 */
export * as Agenda from "./Agenda"

/**
 * The coordinator's edits of an agenda: topics and items left out.
 */
export * as AgendaEdits from "./AgendaEdits"

/**
 * Attendance per member institution and the quorum computed from it.
 */
export * as Attendance from "./Attendance"

/**
 * Cadence compliance per calendar year.
 */
export * as CadenceCompliance from "./CadenceCompliance"

/**
 * Calendar subscriptions as a service, over the feed store and the ports the feed is read through.
 */
export * as CalendarFeedService from "./CalendarFeedService"
/**
 * Calendar subscriptions: a revocable secret feed URL per person.
 */
export * as CalendarFeeds from "./CalendarFeeds"

/**
 * The port through which the case package says who may read a case whole,
 * and the case's mechanism.
 */
export * as CaseAccess from "./CaseAccess"

/**
 * A case's action items with the history of their due dates (its timeline).
 */
export * as CaseActionItems from "./CaseActionItems"

/**
 * The port for pseudonymised case summaries.
 */
export * as CaseSummaries from "./CaseSummaries"

/**
 * Decisions recorded at meetings.
 */
export * as Decision from "./Decision"

/**
 * A decision's owner institution and due date.
 */
export * as DecisionOwnership from "./DecisionOwnership"

/**
 * The coordinator edits a scheduled meeting's agenda (audited).
 */
export * as EditAgenda from "./EditAgenda"

/**
 * The iCalendar (RFC 5545) feed.
 */
export * as ICalendar from "./ICalendar"

/**
 * The port for the mechanism's coordinator, members, cadence and quorum rule.
 */
export * as MechanismRoster from "./MechanismRoster"

/**
 * The meeting model.
 */
export * as Meeting from "./Meeting"

/**
 * The inputs of the meeting use cases.
 */
export * as MeetingCommands from "./MeetingCommands"

/**
 * What meetings and action items make due: requests to schedule, minutes to
 * circulate, action items to complete.
 */
export * as MeetingDue from "./MeetingDue"

/**
 * The outbox events of this package.
 */
export * as MeetingEvents from "./MeetingEvents"
/**
 * When meetings were scheduled and held, and what they decided about cases, for the action plan's indicators.
 */
export * as MeetingHistory from "./MeetingHistory"
/**
 * The meeting state machine.
 */
export * as MeetingLifecycle from "./MeetingLifecycle"
/**
 * The mechanism a meeting or an action item belongs to, for the caller's reach.
 */
export * as MeetingMechanisms from "./MeetingMechanisms"
/**
 * The package's part of the message catalogue.
 */
export * as MeetingMessages from "./MeetingMessages"
export { meetingMessages } from "./MeetingMessages"
export { meetingMigrations } from "./MeetingMigrations"

/**
 * Who may do what with a mechanism's meetings.
 */
export * as MeetingPolicy from "./MeetingPolicy"

/**
 * The meeting repository port.
 */
export * as MeetingRepository from "./MeetingRepository"

/**
 * What the notifications' scheduler asks of meetings (what is due), as a service.
 */
export * as MeetingRounds from "./MeetingRounds"

/**
 * The meeting use cases, and the package's service assembled from them.
 */
export * as MeetingService from "./MeetingService"

/**
 * The profile's deadline for circulating minutes, and where minutes stand against it.
 */
export * as MinutesCirculation from "./MinutesCirculation"

/**
 * The port for the mechanism's overdue referrals.
 */
export * as OverdueReferrals from "./OverdueReferrals"

/**
 * Scheduling deadlines of ad hoc requests.
 */
export * as SchedulingDeadline from "./SchedulingDeadline"

/**
 * The SQL adapter of the action item repository.
 */
export * as SqlActionItemRepository from "./SqlActionItemRepository"

/**
 * The calendar feeds' store on `@effect/sql`.
 */
export * as SqlCalendarFeedStore from "./SqlCalendarFeedStore"

/**
 * The SQL adapter of the meeting repository.
 */
export * as SqlMeetingRepository from "./SqlMeetingRepository"
