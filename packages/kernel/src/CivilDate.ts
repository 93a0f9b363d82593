/**
 * A calendar date (`YYYY-MM-DD`) without a time or a zone: the day a member
 * joined or left, the day a memorandum version takes effect, the day it was
 * signed. Memoranda and memberships speak in days, so the rules compare days;
 * an instant (a meeting's start, "now") becomes a day in the jurisdiction's time
 * zone with {@link ofInstant} (or `JurisdictionProfile.dayOf`), so a memorandum
 * effective "from 1 March" is in force from local midnight, not from midnight UTC.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const shape = /^\d{4}-\d{2}-\d{2}$/

const isCalendarDay = (s: string): boolean => {
  if (!shape.test(s)) return false
  const parsed = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === s
}

/**
 * A calendar date, `YYYY-MM-DD` (a real day: `2026-02-30` is refused). A failed
 * decode reports the catalogue key `civil-date.malformed`. Strings of this
 * form sort chronologically, so the rules compare them as strings.
 *
 * @since 0.1.0
 */
export const CivilDate = Schema.String.pipe(
  Schema.filter(isCalendarDay, {
    identifier: "CivilDate",
    description: "a calendar date, YYYY-MM-DD",
    message: () => "civil-date.malformed",
    arbitrary: () => (fc) =>
      fc
        .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 })
        .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
  }),
)

/**
 * @since 0.1.0
 */
export type CivilDate = typeof CivilDate.Type

/**
 * The day an instant falls on in `timeZone` (an IANA zone, `Europe/Belgrade`).
 *
 * @since 0.1.0
 */
export const ofInstant = (instant: Date, timeZone: string): CivilDate => {
  // `en-CA` formats as YYYY-MM-DD; formatToParts keeps it independent of that detail.
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ""
  return `${part("year")}-${part("month")}-${part("day")}`
}

/**
 * A day given as a calendar date, or an instant read in `timeZone`.
 *
 * @since 0.1.0
 */
export const from = (at: Date | CivilDate, timeZone: string): CivilDate =>
  typeof at === "string" ? at : ofInstant(at, timeZone)

/**
 * The later of two days.
 *
 * @since 0.1.0
 */
export const max = (a: CivilDate, b: CivilDate): CivilDate => (a >= b ? a : b)
