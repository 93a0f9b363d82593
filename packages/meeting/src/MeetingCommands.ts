import { CivilDate, Id, Instant as KernelInstant } from "@bashke/kernel"
/**
 * The inputs of the meeting use cases, as schemas: the gateway decodes a
 * request body with them, and the services decode again (so a TypeScript
 * caller gets the same rules). Instants are accepted as `Date`s or ISO 8601
 * strings; a failed decode is `InvalidInput` naming the field and the rule.
 */
import { Schema } from "effect"
import { AttendanceList } from "./Attendance"
import { DecisionText } from "./Decision"
import { Kind, MinutesText, Place, Reason, Urgency } from "./Meeting"

// Start and end instants are the kernel's `Instant`: a `Date`, or an ISO 8601 string.
const Instant = KernelInstant.Instant

/**
 * The version a change is based on (the ETag of the meeting read).
 */
export const ExpectedVersion = Schema.Int.pipe(Schema.positive())

/**
 * A member institution asks for an ad hoc meeting.
 */
export const RequestAdHoc = Schema.Struct({
  mechanismId: Id.MechanismId,
  reason: Reason,
  urgency: Urgency,
})

/**
 * The coordinator schedules a new meeting (regular, or ad hoc without a request).
 */
export const ScheduleMeeting = Schema.Struct({
  mechanismId: Id.MechanismId,
  kind: Kind,
  startsAt: Instant,
  endsAt: Instant,
  place: Place,
})

/**
 * The coordinator schedules a requested meeting, or changes a schedule.
 */
export const SetSchedule = Schema.Struct({
  meetingId: Id.MeetingId,
  expectedVersion: ExpectedVersion,
  startsAt: Instant,
  endsAt: Instant,
  place: Place,
})

/**
 * The coordinator records that a meeting took place, with its attendance, or
 * corrects the attendance afterwards.
 */
export const SetAttendance = Schema.Struct({
  meetingId: Id.MeetingId,
  expectedVersion: ExpectedVersion,
  attendance: AttendanceList,
})

/**
 * The coordinator writes or rewrites the minutes' draft.
 */
export const DraftMinutes = Schema.Struct({
  meetingId: Id.MeetingId,
  expectedVersion: ExpectedVersion,
  body: MinutesText,
})

/**
 * The coordinator approves the minutes (needs quorum).
 */
export const ApproveMinutes = Schema.Struct({
  meetingId: Id.MeetingId,
  expectedVersion: ExpectedVersion,
})

/**
 * The coordinator amends approved minutes.
 */
export const AmendMinutes = Schema.Struct({
  meetingId: Id.MeetingId,
  expectedVersion: ExpectedVersion,
  reason: Reason,
  text: MinutesText,
})

/**
 * The coordinator cancels a requested or scheduled meeting.
 */
export const CancelMeeting = Schema.Struct({
  meetingId: Id.MeetingId,
  expectedVersion: ExpectedVersion,
  reason: Reason,
})

/**
 * The coordinator records a decision of a held meeting, optionally owned by a
 * member institution with the day it is due by.
 */
export const RecordDecision = Schema.Struct({
  meetingId: Id.MeetingId,
  text: DecisionText,
  caseId: Schema.optional(Id.CaseId),
  owner: Schema.optional(Id.InstitutionId),
  dueDate: Schema.optional(CivilDate.CivilDate),
})
