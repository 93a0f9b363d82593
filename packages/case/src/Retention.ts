/**
 * The retention rule: when a closed case's personal data is past its period
 * and is erased. The periods are the jurisdiction profile's (`retention`, per
 * kind of record); a case's personal data is sealed under one data key and
 * erased at once by destroying it (ADR 0012), so the case waits for the
 * longest period among the kinds sealed under that key. The audit trail is
 * not among them: it keeps ids only and is never erased with a case.
 */
import { Deadline, type JurisdictionProfile } from "@bashke/kernel"

/**
 * The kinds of record sealed under a case's data key, whose periods decide
 * when the case is erased.
 */
export const caseKinds = ["personalDetails", "notes", "documents", "caseHistory"] as const

export type CaseKind = (typeof caseKinds)[number]

/**
 * The instant a case closed at `closedAt` has passed the period of `kind`:
 * the period added on the local calendar of the profile's time zone (months
 * move the calendar; the local time of day is kept).
 */
export const kindEndsAt = (closedAt: Date, kind: CaseKind, profile: JurisdictionProfile.JurisdictionProfile): Date =>
  Deadline.addToInstant(closedAt, profile.retention[kind], profile.timezone)

/**
 * The first instant a case closed at `closedAt` may be erased: when the
 * longest period among {@link caseKinds} has passed.
 */
export const erasableFrom = (closedAt: Date, profile: JurisdictionProfile.JurisdictionProfile): Date =>
  new Date(Math.max(...caseKinds.map((kind) => kindEndsAt(closedAt, kind, profile).getTime())))

/**
 * Whether a case closed at `closedAt` is past its retention at `now`. An open
 * case (no `closedAt`) never is: retention runs from closure.
 */
export const isPastRetention = (
  closedAt: Date | undefined,
  now: Date,
  profile: JurisdictionProfile.JurisdictionProfile,
): boolean => closedAt !== undefined && erasableFrom(closedAt, profile).getTime() <= now.getTime()

/**
 * A bound for the database: every case past its retention at `now` closed at
 * or before this instant. The longest period subtracted, a week earlier still
 * (the end of a month clamps: 31 March + 1 month is 30 April, so subtracting
 * is not the exact inverse of adding); the rule itself then decides each
 * candidate with {@link isPastRetention}.
 */
export const closedNoLaterThan = (now: Date, profile: JurisdictionProfile.JurisdictionProfile): Date => {
  const earliest = Math.min(
    ...caseKinds.map((kind) => Deadline.addToInstant(now, profile.retention[kind], profile.timezone, -1).getTime()),
  )
  return new Date(earliest + 7 * 24 * 3_600_000)
}
