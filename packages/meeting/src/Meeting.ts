/**
 * A meeting of a coordination mechanism, regular or ad hoc: its schedule, the
 * ad hoc request it may answer, attendance, minutes with their amendments and
 * its cancellation. Free texts (reasons, minutes) may name people despite the
 * rules, so the SQL adapter stores them sealed; the model holds them opened.
 *
 * The state machine over this record is in `MeetingLifecycle`.
 */
import { Id } from "@bashke/kernel"
import { Schema } from "effect"
import { Attendance } from "./Attendance"

/**
 * `regular`: one of the meetings the cadence requires; `ad-hoc`: called at a
 * member's request, or by the coordinator, outside the cadence.
 */
export const Kind = Schema.Literal("regular", "ad-hoc").annotations({ identifier: "MeetingKind" })

export type Kind = typeof Kind.Type

/**
 * How soon an ad hoc request must be scheduled: the profile's
 * `adHocScheduleWithin` (`standard`) or `adHocUrgentScheduleWithin` (`urgent`).
 */
export const Urgency = Schema.Literal("standard", "urgent").annotations({ identifier: "Urgency" })

export type Urgency = typeof Urgency.Type

/**
 * Where a meeting is in its lifecycle:
 * requested → scheduled → held → minutes-drafted → minutes-approved, or cancelled.
 */
export const Status = Schema.Literal(
  "requested",
  "scheduled",
  "held",
  "minutes-drafted",
  "minutes-approved",
  "cancelled",
).annotations({ identifier: "MeetingStatus" })

export type Status = typeof Status.Type

/**
 * Every status, in lifecycle order.
 */
export const statuses: ReadonlyArray<Status> = Status.literals

/**
 * The id of an amendment to approved minutes.
 */
export const AmendmentId: Id.IdSchema<"AmendmentId"> = Id.make("AmendmentId")

export type AmendmentId = typeof AmendmentId.Type

/**
 * The longest reason (of a request, a cancellation, an amendment), in characters.
 */
export const maxReasonLength = 2000

/**
 * The longest minutes body or amendment text, in characters.
 */
export const maxMinutesLength = 100_000

/**
 * The longest place, in characters.
 */
export const maxPlaceLength = 200

const text = (max: number, rule: string) =>
  Schema.String.pipe(
    Schema.filter((s) => (s.trim().length > 0 && s.length <= max) || rule, {
      arbitrary: () => (fc) =>
        fc
          .string({ minLength: 1, maxLength: 40 })
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
    }),
  )

/**
 * Why something was requested, cancelled or amended: 1 to 2000 characters.
 */
export const Reason = text(maxReasonLength, "meeting.reason.invalid").annotations({ identifier: "MeetingReason" })

/**
 * The text of minutes or of an amendment: 1 to 100,000 characters.
 */
export const MinutesText = text(maxMinutesLength, "meeting.minutes.text-invalid").annotations({
  identifier: "MinutesText",
})

/**
 * Where a meeting takes place: a room or a building, never a person's address.
 */
export const Place = text(maxPlaceLength, "meeting.place.invalid").annotations({ identifier: "MeetingPlace" })

/**
 * When and where a meeting takes place.
 */
export const Schedule = Schema.Struct({
  startsAt: Schema.Date,
  endsAt: Schema.Date,
  place: Place,
}).annotations({ identifier: "MeetingSchedule" })

export type Schedule = typeof Schedule.Type

/**
 * A member's request for an ad hoc meeting. `deadline` is the instant from
 * which the request is overdue if still unscheduled, computed once with the
 * profile of `profileVersion` (see `SchedulingDeadline`).
 */
export const Request = Schema.Struct({
  institution: Id.InstitutionId,
  principal: Id.PrincipalId,
  reason: Reason,
  urgency: Urgency,
  requestedAt: Schema.Date,
  deadline: Schema.Date,
  profileVersion: Schema.Int,
}).annotations({ identifier: "MeetingRequest" })

export type Request = typeof Request.Type

/**
 * An amendment to approved minutes: who, why, what, when. Appended, never edited.
 */
export const Amendment = Schema.Struct({
  id: AmendmentId,
  author: Id.PrincipalId,
  reason: Reason,
  text: MinutesText,
  at: Schema.Date,
}).annotations({ identifier: "MinutesAmendment" })

export type Amendment = typeof Amendment.Type

/**
 * Who approved minutes, and when.
 */
export const Approval = Schema.Struct({
  at: Schema.Date,
  by: Id.PrincipalId,
}).annotations({ identifier: "MinutesApproval" })

export type Approval = typeof Approval.Type

/**
 * A meeting's minutes. `revision` counts the saves of the draft; once
 * `approval` is set the body is locked and changes only by `amendments`.
 */
export const Minutes = Schema.Struct({
  body: MinutesText,
  revision: Schema.Int.pipe(Schema.positive()),
  draftedAt: Schema.Date,
  draftedBy: Id.PrincipalId,
  approval: Schema.optional(Approval),
  amendments: Schema.Array(Amendment),
}).annotations({ identifier: "Minutes" })

export type Minutes = typeof Minutes.Type

/**
 * Why, when and by whom a meeting was cancelled.
 */
export const Cancellation = Schema.Struct({
  reason: Reason,
  at: Schema.Date,
  by: Id.PrincipalId,
}).annotations({ identifier: "MeetingCancellation" })

export type Cancellation = typeof Cancellation.Type

/**
 * A meeting. `sequence` is the iCalendar SEQUENCE: how many times its date,
 * time or place changed, plus one for a cancellation. `version` is the
 * optimistic-concurrency version of the whole record. `minutesDue` and
 * `minutesCirculatedAt` track the profile's deadline for circulating the
 * minutes.
 */
export const Meeting = Schema.Struct({
  id: Id.MeetingId,
  mechanismId: Id.MechanismId,
  kind: Kind,
  status: Status,
  request: Schema.optional(Request),
  schedule: Schema.optional(Schedule),
  scheduledAt: Schema.optional(Schema.Date),
  sequence: Schema.NonNegativeInt,
  heldAt: Schema.optional(Schema.Date),
  attendance: Schema.Array(Attendance),
  /**
   * When the minutes must be circulated by (set when the meeting is held, from
   * the profile's `minutesCirculatedWithin`; see `MinutesCirculation`).
   */
  minutesDue: Schema.optional(Schema.Date),
  /** When the minutes were first circulated: their first draft, readable by every member. */
  minutesCirculatedAt: Schema.optional(Schema.Date),
  minutes: Schema.optional(Minutes),
  cancellation: Schema.optional(Cancellation),
  version: Schema.Int.pipe(Schema.positive()),
  createdAt: Schema.Date,
  updatedAt: Schema.Date,
}).annotations({ identifier: "Meeting" })

export type Meeting = typeof Meeting.Type

/**
 * The minutes as a reader sees them: the approved (or draft) body followed by
 * every amendment in order. Approved minutes change only by amendments, so
 * this text only ever grows once they are approved.
 */
export const minutesAsRead = (minutes: Minutes): ReadonlyArray<string> => [
  minutes.body,
  ...minutes.amendments.map((amendment) => amendment.text),
]

/**
 * Whether the meeting took place (held, whatever the state of its minutes).
 */
export const wasHeld = (meeting: Pick<Meeting, "status">): boolean =>
  meeting.status === "held" || meeting.status === "minutes-drafted" || meeting.status === "minutes-approved"
