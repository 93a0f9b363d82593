/**
 * When an ad hoc request must be scheduled by, and whether it is overdue.
 *
 * The time allowed comes from the jurisdiction profile
 * (`meetings.adHocScheduleWithin`, `meetings.adHocUrgentScheduleWithin`;
 * Kosovo defaults 7 and 2 days) and is counted in the profile's time zone:
 *
 * - `days` are **calendar days**: the request's own day does not count and the
 *   last allowed day ends at local midnight. Requested on Tuesday 10 March 2026
 *   at 15:00 in Pristina with 7 days, the request is overdue from local
 *   midnight ending Tuesday 17 March (2026-03-17T23:00:00Z).
 * - `weeks` are 7 calendar days; `months` calendar months (the same day number,
 *   or the month's last day), also ending at local midnight.
 * - `working-days` skip Saturdays and Sundays (the profile holds no public
 *   holidays yet) and end at local midnight.
 * - `hours` are exact: the deadline is the request's instant plus the hours.
 *
 * Scheduling means the coordinator's act of scheduling (a date, a time, a
 * place), not the meeting itself: a request not scheduled by the deadline is
 * overdue.
 */
import { CivilDate, Errors, type JurisdictionProfile } from "@bashke/kernel"
import { Either } from "effect"
import type { Meeting, Request, Schedule, Urgency } from "./Meeting"

/**
 * A span of time as the profile gives it.
 */
export interface Span {
  readonly value: number
  readonly unit: "hours" | "days" | "working-days" | "weeks" | "months"
}

/**
 * The instant from which something started at `from` is late, `span` later,
 * counted in `timeZone` (see the module's notes for each unit).
 */
export const after = (from: Date, span: Span, timeZone: string): Date => {
  if (span.unit === "hours") return new Date(from.getTime() + span.value * 3_600_000)
  const day = CivilDate.ofInstant(from, timeZone)
  const last =
    span.unit === "days"
      ? CivilDate.addDays(day, span.value)
      : span.unit === "weeks"
        ? CivilDate.addDays(day, span.value * 7)
        : span.unit === "months"
          ? CivilDate.addMonths(day, span.value)
          : CivilDate.addWorkingDays(day, span.value)
  return CivilDate.startOfDay(CivilDate.addDays(last, 1), timeZone)
}

/**
 * The time the profile allows to schedule a request of `urgency`.
 */
export const allowed = (profile: JurisdictionProfile.JurisdictionProfile, urgency: Urgency): Span =>
  urgency === "urgent" ? profile.meetings.adHocUrgentScheduleWithin : profile.meetings.adHocScheduleWithin

/**
 * The instant from which a request made at `requestedAt` is overdue if still
 * unscheduled.
 *
 * @example
 * ```ts
 * import { JurisdictionProfile } from "@bashke/kernel"
 *
 * deadline(JurisdictionProfile.kosovo, new Date("2026-03-10T14:00:00Z"), "urgent")
 * // 2026-03-12T23:00:00Z: local midnight ending Thursday 12 March
 * ```
 */
export const deadline = (profile: JurisdictionProfile.JurisdictionProfile, requestedAt: Date, urgency: Urgency): Date =>
  after(requestedAt, allowed(profile, urgency), profile.timezone)

/**
 * Where an ad hoc request stands against its deadline at `now`:
 *
 * - `not-requested`: the meeting was called without a request;
 * - `pending`: not scheduled yet, still in time;
 * - `overdue`: not scheduled, and the deadline has passed;
 * - `scheduled-in-time` / `scheduled-late`: scheduled before / after the deadline;
 * - `cancelled`: cancelled before it was scheduled.
 */
export type Timeliness = "not-requested" | "pending" | "overdue" | "scheduled-in-time" | "scheduled-late" | "cancelled"

/**
 * The timeliness of a meeting's request at `now`.
 */
export const timeliness = (meeting: Pick<Meeting, "request" | "status" | "scheduledAt">, now: Date): Timeliness => {
  const request = meeting.request
  if (request === undefined) return "not-requested"
  if (meeting.scheduledAt !== undefined)
    return meeting.scheduledAt.getTime() < request.deadline.getTime() ? "scheduled-in-time" : "scheduled-late"
  if (meeting.status === "cancelled") return "cancelled"
  return now.getTime() >= request.deadline.getTime() ? "overdue" : "pending"
}

/**
 * Whether a request is overdue at `now`.
 */
export const isOverdue = (meeting: Pick<Meeting, "request" | "status" | "scheduledAt">, now: Date): boolean =>
  timeliness(meeting, now) === "overdue"

/**
 * The instant a requested meeting must start before, when the coordinator
 * schedules it at `at`: the request's deadline while it still lies ahead; once
 * it has passed (the coordinator is late), the time the profile allows counted
 * afresh from `at`, so a late request can still be met, soon, but never pushed
 * far out.
 */
export const latestStart = (
  request: Pick<Request, "deadline" | "urgency">,
  at: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): Date =>
  at.getTime() < request.deadline.getTime()
    ? request.deadline
    : after(at, allowed(profile, request.urgency), profile.timezone)

/**
 * The rule a requested meeting's schedule meets: it starts before
 * {@link latestStart} (`meeting.schedule.past-deadline` on `startsAt`). A
 * meeting nobody requested has no deadline.
 */
export const checkStart = (
  meeting: Pick<Meeting, "request">,
  schedule: Pick<Schedule, "startsAt">,
  at: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): Either.Either<void, Errors.InvalidInput> =>
  meeting.request === undefined || schedule.startsAt.getTime() < latestStart(meeting.request, at, profile).getTime()
    ? Either.void
    : Either.left(new Errors.InvalidInput({ field: "startsAt", rule: "meeting.schedule.past-deadline" }))
