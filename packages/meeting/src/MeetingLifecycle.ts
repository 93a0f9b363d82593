/**
 * A meeting's lifecycle as a pure state machine:
 *
 * ```
 * requested ──schedule──► scheduled ──hold──► held ──draft──► minutes-drafted ──approve──► minutes-approved
 *     │                    │  ▲ reschedule             ▲ draft ─┘                              ▲ amend ─┘
 *     └──────cancel────────┴──┴──────► cancelled
 * ```
 *
 * `transition(meeting, command)` gives the next meeting or the reason it may not
 * happen; nothing else changes a meeting. Approved minutes are locked: drafting,
 * re-approving or changing attendance fails with `Conflict`
 * (`meeting.minutes.locked`), and the only change left is an appended amendment.
 */
import { Errors, type Id } from "@bashke/kernel"
import { Data, Either } from "effect"
import type { Attendance } from "./Attendance"
import type { Amendment, Kind, Meeting, Request, Schedule, Status } from "./Meeting"

/**
 * A command to a meeting. Every command carries `at`, the instant it happens
 * (the meeting's `updatedAt` afterwards), and the commands that record a
 * person's act carry `by`.
 *
 * - `Schedule`: give a requested meeting its date, time and place;
 * - `Reschedule`: change them (SEQUENCE grows when anything changed);
 * - `Hold`: the meeting took place, with its attendance (and, computed by the
 *   caller from the profile, when its minutes must be circulated by);
 * - `RecordAttendance`: correct the attendance until the minutes are approved;
 * - `DraftMinutes`: write or rewrite the draft;
 * - `ApproveMinutes`: lock the minutes, only with quorum (`quorumMet`);
 * - `AmendMinutes`: append an amendment to approved minutes;
 * - `Cancel`: cancel a requested or scheduled meeting, with a reason.
 */
export type Command = Data.TaggedEnum<{
  Schedule: { readonly schedule: Schedule; readonly at: Date }
  Reschedule: { readonly schedule: Schedule; readonly at: Date }
  Hold: { readonly attendance: ReadonlyArray<Attendance>; readonly at: Date; readonly minutesDue?: Date }
  RecordAttendance: { readonly attendance: ReadonlyArray<Attendance>; readonly at: Date }
  DraftMinutes: { readonly body: string; readonly by: Id.PrincipalId; readonly at: Date }
  ApproveMinutes: { readonly quorumMet: boolean; readonly by: Id.PrincipalId; readonly at: Date }
  AmendMinutes: { readonly amendment: Amendment; readonly at: Date }
  Cancel: { readonly reason: string; readonly by: Id.PrincipalId; readonly at: Date }
}>

/**
 * Constructors and matchers for {@link Command}.
 */
export const Command = Data.taggedEnum<Command>()

/**
 * Why a command was refused: not allowed from the current status
 * (`InvalidTransition`), refused by a rule of the current state (`Conflict`:
 * `meeting.minutes.locked`, `meeting.minutes.quorum-required`,
 * `meeting.hold.not-started`), or bad input (`InvalidInput`:
 * `meeting.schedule.in-past`, `meeting.schedule.ends-before-start`,
 * `meeting.attendance.duplicate`).
 */
export type Refusal = Errors.InvalidTransition | Errors.Conflict | Errors.InvalidInput

const commandNames: Record<Command["_tag"], string> = {
  Schedule: "schedule",
  Reschedule: "reschedule",
  Hold: "hold",
  RecordAttendance: "record-attendance",
  DraftMinutes: "draft-minutes",
  ApproveMinutes: "approve-minutes",
  AmendMinutes: "amend-minutes",
  Cancel: "cancel",
}

/**
 * The kebab-case name of a command, as used in `InvalidTransition.command`.
 */
export const commandName = (command: Command): string => commandNames[command._tag]

const invalid = (meeting: Meeting, command: Command) =>
  Either.left(new Errors.InvalidTransition({ entity: "Meeting", from: meeting.status, command: commandName(command) }))

const conflict = (meeting: Meeting, rule: string) =>
  Either.left(new Errors.Conflict({ entity: "Meeting", id: meeting.id, rule }))

/**
 * The rules a new schedule meets: it starts no earlier than `at`
 * (`meeting.schedule.in-past`) and ends after it starts
 * (`meeting.schedule.ends-before-start`).
 */
export const checkSchedule = (schedule: Schedule, at: Date): Either.Either<Schedule, Errors.InvalidInput> => {
  if (schedule.startsAt.getTime() < at.getTime())
    return Either.left(new Errors.InvalidInput({ field: "startsAt", rule: "meeting.schedule.in-past" }))
  if (schedule.endsAt.getTime() <= schedule.startsAt.getTime())
    return Either.left(new Errors.InvalidInput({ field: "endsAt", rule: "meeting.schedule.ends-before-start" }))
  return Either.right(schedule)
}

/**
 * Whether two schedules differ in date, time or place (what SEQUENCE counts).
 */
export const scheduleChanged = (before: Schedule | undefined, after: Schedule): boolean =>
  before === undefined ||
  before.startsAt.getTime() !== after.startsAt.getTime() ||
  before.endsAt.getTime() !== after.endsAt.getTime() ||
  before.place !== after.place

const locked = (status: Status): boolean => status === "minutes-approved"

/**
 * The rule an attendance list meets: each institution at most once
 * (`meeting.attendance.duplicate`, naming the repeated entry).
 */
export const checkAttendance = (
  attendance: ReadonlyArray<Attendance>,
): Either.Either<ReadonlyArray<Attendance>, Errors.InvalidInput> => {
  const seen = new Set<string>()
  for (const [index, entry] of attendance.entries()) {
    if (seen.has(entry.institution))
      return Either.left(
        new Errors.InvalidInput({ field: `attendance.${index}.institution`, rule: "meeting.attendance.duplicate" }),
      )
    seen.add(entry.institution)
  }
  return Either.right(attendance)
}

/**
 * The meeting after `command`, or why the command is refused. Pure: the same
 * meeting and command always give the same answer, and a refusal changes nothing.
 */
export const transition = (meeting: Meeting, command: Command): Either.Either<Meeting, Refusal> => {
  const at = command.at
  switch (command._tag) {
    case "Schedule": {
      if (meeting.status !== "requested") return invalid(meeting, command)
      return Either.map(checkSchedule(command.schedule, at), (schedule) => ({
        ...meeting,
        status: "scheduled" as const,
        schedule,
        scheduledAt: at,
        updatedAt: at,
      }))
    }
    case "Reschedule": {
      if (meeting.status !== "scheduled") return invalid(meeting, command)
      return Either.map(checkSchedule(command.schedule, at), (schedule) => ({
        ...meeting,
        schedule,
        sequence: meeting.sequence + (scheduleChanged(meeting.schedule, schedule) ? 1 : 0),
        updatedAt: at,
      }))
    }
    case "Hold": {
      if (meeting.status !== "scheduled") return invalid(meeting, command)
      if (meeting.schedule !== undefined && at.getTime() < meeting.schedule.startsAt.getTime())
        return conflict(meeting, "meeting.hold.not-started")
      return Either.map(checkAttendance(command.attendance), (attendance) => ({
        ...meeting,
        status: "held" as const,
        heldAt: at,
        attendance,
        ...(command.minutesDue === undefined ? {} : { minutesDue: command.minutesDue }),
        updatedAt: at,
      }))
    }
    case "RecordAttendance": {
      if (locked(meeting.status)) return conflict(meeting, "meeting.minutes.locked")
      if (meeting.status !== "held" && meeting.status !== "minutes-drafted") return invalid(meeting, command)
      return Either.map(checkAttendance(command.attendance), (attendance) => ({
        ...meeting,
        attendance,
        updatedAt: at,
      }))
    }
    case "DraftMinutes": {
      if (locked(meeting.status)) return conflict(meeting, "meeting.minutes.locked")
      if (meeting.status !== "held" && meeting.status !== "minutes-drafted") return invalid(meeting, command)
      return Either.right({
        ...meeting,
        status: "minutes-drafted" as const,
        // The first draft circulates the minutes: every member may read it from then on.
        minutesCirculatedAt: meeting.minutesCirculatedAt ?? at,
        minutes: {
          body: command.body,
          revision: (meeting.minutes?.revision ?? 0) + 1,
          draftedAt: at,
          draftedBy: command.by,
          amendments: [],
        },
        updatedAt: at,
      })
    }
    case "ApproveMinutes": {
      if (locked(meeting.status)) return conflict(meeting, "meeting.minutes.locked")
      if (meeting.status !== "minutes-drafted" || meeting.minutes === undefined) return invalid(meeting, command)
      if (!command.quorumMet) return conflict(meeting, "meeting.minutes.quorum-required")
      return Either.right({
        ...meeting,
        status: "minutes-approved" as const,
        minutes: { ...meeting.minutes, approval: { at, by: command.by } },
        updatedAt: at,
      })
    }
    case "AmendMinutes": {
      if (meeting.status !== "minutes-approved" || meeting.minutes === undefined) return invalid(meeting, command)
      return Either.right({
        ...meeting,
        minutes: { ...meeting.minutes, amendments: [...meeting.minutes.amendments, command.amendment] },
        updatedAt: at,
      })
    }
    case "Cancel": {
      if (meeting.status !== "requested" && meeting.status !== "scheduled") return invalid(meeting, command)
      return Either.right({
        ...meeting,
        status: "cancelled" as const,
        sequence: meeting.sequence + 1,
        cancellation: { reason: command.reason, at, by: command.by },
        updatedAt: at,
      })
    }
  }
}

/**
 * A new ad hoc meeting, requested by a member (status `requested`).
 */
export const requested = (fields: {
  readonly id: Id.MeetingId
  readonly mechanismId: Id.MechanismId
  readonly request: Request
}): Meeting => ({
  id: fields.id,
  mechanismId: fields.mechanismId,
  kind: "ad-hoc",
  status: "requested",
  request: fields.request,
  sequence: 0,
  attendance: [],
  version: 1,
  createdAt: fields.request.requestedAt,
  updatedAt: fields.request.requestedAt,
})

/**
 * A new meeting scheduled by the coordinator (status `scheduled`): a regular
 * one, or an ad hoc one nobody requested. Refused like `Schedule` when the
 * schedule is in the past or ends before it starts.
 */
export const scheduled = (fields: {
  readonly id: Id.MeetingId
  readonly mechanismId: Id.MechanismId
  readonly kind: Kind
  readonly schedule: Schedule
  readonly at: Date
}): Either.Either<Meeting, Errors.InvalidInput> =>
  Either.map(checkSchedule(fields.schedule, fields.at), (schedule) => ({
    id: fields.id,
    mechanismId: fields.mechanismId,
    kind: fields.kind,
    status: "scheduled" as const,
    schedule,
    scheduledAt: fields.at,
    sequence: 0,
    attendance: [],
    version: 1,
    createdAt: fields.at,
    updatedAt: fields.at,
  }))

/**
 * What is wrong with a meeting, as short English descriptions for tests and
 * logs; empty for every meeting the lifecycle can reach.
 */
export const violations = (meeting: Meeting): ReadonlyArray<string> => {
  const out: Array<string> = []
  const expect = (condition: boolean, description: string) => {
    if (!condition) out.push(description)
  }
  const { status } = meeting
  const afterHeld = status === "held" || status === "minutes-drafted" || status === "minutes-approved"
  expect(meeting.request === undefined || meeting.kind === "ad-hoc", "a request belongs to an ad hoc meeting")
  expect(status !== "requested" || meeting.request !== undefined, "a requested meeting has its request")
  expect(
    (meeting.schedule !== undefined) === (meeting.scheduledAt !== undefined),
    "a schedule comes with the time it was set",
  )
  expect(
    status === "requested" || status === "cancelled" || meeting.schedule !== undefined,
    `a ${status} meeting has a schedule`,
  )
  expect(status !== "requested" || meeting.schedule === undefined, "a requested meeting has no schedule yet")
  expect(
    meeting.schedule === undefined || meeting.schedule.endsAt.getTime() > meeting.schedule.startsAt.getTime(),
    "a meeting ends after it starts",
  )
  expect(afterHeld === (meeting.heldAt !== undefined), "only a held meeting has the time it was held")
  expect(afterHeld || meeting.attendance.length === 0, "only a held meeting has attendance")
  expect(
    new Set(meeting.attendance.map((a) => a.institution)).size === meeting.attendance.length,
    "an institution attends once",
  )
  const hasMinutes = status === "minutes-drafted" || status === "minutes-approved"
  expect(hasMinutes === (meeting.minutes !== undefined), "only a meeting with minutes has minutes")
  expect(
    (status === "minutes-approved") === (meeting.minutes?.approval !== undefined),
    "approved minutes, and only they, carry their approval",
  )
  expect(
    status === "minutes-approved" || (meeting.minutes?.amendments.length ?? 0) === 0,
    "only approved minutes have amendments",
  )
  expect((status === "cancelled") === (meeting.cancellation !== undefined), "only a cancelled meeting has a reason")
  expect(afterHeld || meeting.minutesDue === undefined, "only a held meeting has minutes due")
  expect(hasMinutes || meeting.minutesCirculatedAt === undefined, "only minutes written are circulated")
  expect(Number.isInteger(meeting.sequence) && meeting.sequence >= 0, "the sequence is a natural number")
  return out
}

/**
 * Whether a meeting is one the lifecycle can reach.
 */
export const isLegal = (meeting: Meeting): boolean => violations(meeting).length === 0

/**
 * Whether decisions and action items may be recorded at the meeting: once it
 * is held and until its minutes are approved (then `Conflict`
 * `meeting.minutes.locked`; before it is held, `InvalidTransition` naming `command`).
 */
export const acceptsRecords = (
  meeting: Meeting,
  command: string,
): Either.Either<Meeting, Errors.Conflict | Errors.InvalidTransition> =>
  meeting.status === "held" || meeting.status === "minutes-drafted"
    ? Either.right(meeting)
    : meeting.status === "minutes-approved"
      ? Either.left(new Errors.Conflict({ entity: "Meeting", id: meeting.id, rule: "meeting.minutes.locked" }))
      : Either.left(new Errors.InvalidTransition({ entity: "Meeting", from: meeting.status, command }))
