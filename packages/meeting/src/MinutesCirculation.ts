/**
 * The profile's deadline for circulating a meeting's minutes
 * (`meetings.minutesCirculatedWithin`: 3 working days in Kosovo, after MARAC
 * practice), counted from when the meeting was held the way
 * `SchedulingDeadline.after` counts (working days skip weekends; the last day
 * ends at local midnight). Minutes are circulated by their first draft: from
 * then on every member reads them (and may ask for changes before approval).
 *
 * The deadline is computed once, when the meeting is held, with the profile
 * then in force, and stored with the meeting (`minutesDue`); the first draft's
 * time is stored too (`minutesCirculatedAt`).
 */
import type { JurisdictionProfile } from "@bashke/kernel"
import type { Meeting } from "./Meeting"
import * as SchedulingDeadline from "./SchedulingDeadline"

/**
 * The instant from which the minutes of a meeting held at `heldAt` are late
 * if not yet circulated.
 *
 * @example
 * ```ts
 * import { JurisdictionProfile } from "@bashke/kernel"
 *
 * // Held on Thursday 12 March 2026 at 11:00 in Pristina: due by the end of Tuesday 17 March.
 * due(new Date("2026-03-12T10:00:00Z"), JurisdictionProfile.kosovo) // 2026-03-17T23:00:00Z
 * ```
 */
export const due = (heldAt: Date, profile: JurisdictionProfile.JurisdictionProfile): Date =>
  SchedulingDeadline.after(heldAt, profile.meetings.minutesCirculatedWithin, profile.timezone)

/**
 * Where a meeting's minutes stand against their deadline at `now`:
 *
 * - `not-due`: the meeting was not held (or was held before deadlines were tracked);
 * - `pending`: not circulated yet, still in time;
 * - `overdue`: not circulated, and the deadline has passed;
 * - `circulated-in-time` / `circulated-late`: first drafted before / after the deadline.
 */
export type Timeliness = "not-due" | "pending" | "overdue" | "circulated-in-time" | "circulated-late"

/**
 * The timeliness of a meeting's minutes at `now`.
 */
export const timeliness = (meeting: Pick<Meeting, "minutesDue" | "minutesCirculatedAt">, now: Date): Timeliness => {
  const deadline = meeting.minutesDue
  if (deadline === undefined) return "not-due"
  const circulated = meeting.minutesCirculatedAt
  if (circulated !== undefined)
    return circulated.getTime() < deadline.getTime() ? "circulated-in-time" : "circulated-late"
  return now.getTime() >= deadline.getTime() ? "overdue" : "pending"
}
