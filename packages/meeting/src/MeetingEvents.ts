/**
 * The events the meeting package writes to the outbox, one per command, in the
 * same transaction as the change. Payloads hold ids, codes, counts and
 * instants only: never a reason, a minutes text or anything about a person.
 */
import type { Id } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import type { Effect } from "effect"
import type { Status as ActionItemStatus, NotDoneReason } from "./ActionItem"
import type { Kind, Urgency } from "./Meeting"

/**
 * Each topic and its payload.
 */
export interface Payloads {
  readonly "meeting.request.created": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly institution: string
    readonly urgency: Urgency
    readonly deadline: string
  }
  readonly "meeting.meeting.scheduled": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly kind: Kind
    readonly startsAt: string
    readonly endsAt: string
    readonly sequence: number
    readonly requested: boolean
  }
  readonly "meeting.meeting.rescheduled": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly startsAt: string
    readonly endsAt: string
    readonly sequence: number
  }
  readonly "meeting.meeting.held": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly present: number
    readonly members: number
    readonly quorumMet: boolean
  }
  readonly "meeting.attendance.recorded": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly present: number
    readonly members: number
    readonly quorumMet: boolean
  }
  readonly "meeting.minutes.drafted": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly revision: number
  }
  readonly "meeting.minutes.approved": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly revision: number
  }
  readonly "meeting.minutes.amended": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly amendmentId: string
    readonly amendments: number
  }
  readonly "meeting.meeting.cancelled": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly sequence: number
  }
  readonly "meeting.decision.recorded": {
    readonly decisionId: string
    readonly meetingId: string
    readonly mechanismId: string
    readonly caseId: string | null
    readonly owner: string | null
    readonly dueDate: string | null
  }
  readonly "meeting.agenda.edited": {
    readonly meetingId: string
    readonly mechanismId: string
    readonly topics: number
    readonly omitted: number
  }
  readonly "meeting.action-item.created": {
    readonly actionItemId: string
    readonly meetingId: string
    readonly mechanismId: string
    readonly owner: string
    readonly dueDate: string
    readonly caseId: string | null
    readonly activityId: string | null
  }
  readonly "meeting.action-item.updated": {
    readonly actionItemId: string
    readonly mechanismId: string
    readonly status: ActionItemStatus
    readonly notDoneReason: NotDoneReason | null
  }
  /** The reason is sealed free text: it stays out of the event. */
  readonly "meeting.action-item.extended": {
    readonly actionItemId: string
    readonly mechanismId: string
    readonly previousDueDate: string
    readonly dueDate: string
  }
}

/**
 * An outbox topic of this package.
 */
export type Topic = keyof Payloads

/**
 * Every topic, for subscribers and tests.
 */
export const topics: ReadonlyArray<Topic> = [
  "meeting.request.created",
  "meeting.meeting.scheduled",
  "meeting.meeting.rescheduled",
  "meeting.meeting.held",
  "meeting.attendance.recorded",
  "meeting.minutes.drafted",
  "meeting.minutes.approved",
  "meeting.minutes.amended",
  "meeting.meeting.cancelled",
  "meeting.decision.recorded",
  "meeting.agenda.edited",
  "meeting.action-item.created",
  "meeting.action-item.updated",
  "meeting.action-item.extended",
]

const aggregateOf = (topic: Topic): string =>
  topic.startsWith("meeting.action-item.")
    ? "ActionItem"
    : topic === "meeting.decision.recorded"
      ? "Decision"
      : "Meeting"

/**
 * Appends an event in the caller's transaction.
 */
export const append = <T extends Topic>(
  topic: T,
  aggregateId: string,
  payload: Payloads[T],
): Effect.Effect<Id.EventId, never, SqlClient.SqlClient | Id.IdGenerator> =>
  Outbox.append({ topic, aggregateType: aggregateOf(topic), aggregateId, payload })
