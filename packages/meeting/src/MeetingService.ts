/**
 * The meeting use cases, as Effects: decode the input, check the policy, run
 * the lifecycle's rules, then write the meeting, its outbox event (and, for
 * minutes, the audit entry) in one transaction. A refused command writes
 * nothing.
 *
 * Each command is a file run through the one pipeline (`UseCase`; the
 * lifecycle commands share `internal/MeetingChange`): `RequestAdHocMeeting`,
 * `ScheduleMeeting`, `ScheduleRequested`, `RescheduleMeeting`, `HoldMeeting`,
 * `RecordAttendance`, `DraftMinutes`, `ApproveMinutes`, `AmendMinutes`,
 * `CancelMeeting`, `RecordDecision`; the reads are `MeetingReads`. This
 * module only gathers them under the names callers know.
 *
 * Each needs the repositories, the mechanism roster, the `SqlClient`, an id
 * generator and the current principal; minutes also need the audit log, and
 * the agenda the case summaries. Legal numbers come from `CurrentJurisdiction`.
 */

export { amendMinutes } from "./AmendMinutes"
export { approveMinutes } from "./ApproveMinutes"
export { cancel } from "./CancelMeeting"
export { draftMinutes } from "./DraftMinutes"
export { hold } from "./HoldMeeting"
export type { Requirements } from "./internal/MeetingChange"
export {
  agenda,
  calendar,
  compliance,
  decisionKey,
  decisionPage,
  decisions,
  find,
  list,
  type MeetingPageQuery,
  meetingKey,
  minutes,
  overdueRequestPage,
  overdueRequests,
  page,
} from "./MeetingReads"
export { recordAttendance } from "./RecordAttendance"
export { recordDecision } from "./RecordDecision"
export { requestAdHoc } from "./RequestAdHocMeeting"
export { reschedule } from "./RescheduleMeeting"
export { schedule } from "./ScheduleMeeting"
export { scheduleRequested } from "./ScheduleRequested"
