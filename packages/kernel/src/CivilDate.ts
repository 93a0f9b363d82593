/**
 * A calendar date (`YYYY-MM-DD`) without a time or a zone: the day a member
 * joined or left, the day a memorandum version takes effect, the day it was
 * signed. Memoranda and memberships speak in days, so the rules compare days;
 * an instant (a meeting's start, "now") becomes a day in the jurisdiction's time
 * zone with {@link ofInstant} (or `JurisdictionProfile.dayOf`), so a memorandum
 * effective "from 1 March" is in force from local midnight, not from midnight UTC.
 */
import { Schema } from "effect"

const shape = /^\d{4}-\d{2}-\d{2}$/

const dayMillis = 86_400_000

// One formatter per zone: building an `Intl.DateTimeFormat` costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>()

const formatter = (timeZone: string): Intl.DateTimeFormat => {
  let found = formatters.get(timeZone)
  if (found === undefined) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
    formatters.set(timeZone, found)
  }
  return found
}

// The wall clock in `timeZone` at `instant` (milliseconds since the epoch), from
// nothing but `Intl`, so it runs on Node and on Workers alike.
const wallClock = (instant: number, timeZone: string) => {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

// `Date.UTC` reads years 0–99 as 1900–1999; `setUTCFullYear` does not.
const utcMillis = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number => {
  const at = new Date(0)
  at.setUTCFullYear(year, month - 1, day)
  at.setUTCHours(hour, minute, second, 0)
  return at.getTime()
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

const ofParts = (year: number, month: number, day: number): CivilDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`

const partsOf = (date: CivilDate) => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
})

// Days since 1970-01-01 and back: the arithmetic runs on whole days in UTC,
// where every day has 24 hours.
const epochDay = (date: CivilDate): number => {
  const { year, month, day } = partsOf(date)
  return utcMillis(year, month, day) / dayMillis
}

const ofEpochDay = (epoch: number): CivilDate => {
  const at = new Date(epoch * dayMillis)
  return ofParts(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())
}

// Saturday (6) and Sunday (0) by `getUTCDay`.
const isWeekdayEpoch = (epoch: number): boolean => {
  const weekday = new Date(epoch * dayMillis).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

// The offset of `timeZone` from UTC at `instant`, in milliseconds (Belgrade in winter: 3,600,000).
const offsetAt = (instant: number, timeZone: string): number => {
  const local = wallClock(instant, timeZone)
  return (
    utcMillis(local.year, local.month, local.day, local.hour, local.minute, local.second) -
    Math.floor(instant / 1000) * 1000
  )
}

// Days in each month of a common year; February gains one in a leap year.
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

// Arithmetic rather than a round trip through `Date`: every imported record
// checks a few dates, and building and printing a `Date` cost ~1 µs each.
// The test suite holds it to the `Date` round trip for every day of 1600–2400.
const isCalendarDay = (s: string): boolean => {
  if (!shape.test(s)) return false
  const year = Number(s.slice(0, 4))
  const month = Number(s.slice(5, 7))
  const day = Number(s.slice(8, 10))
  if (month < 1 || month > 12 || day < 1) return false
  const last = month === 2 && isLeapYear(year) ? 29 : (monthDays[month - 1] as number)
  return day <= last
}

/**
 * A calendar date, `YYYY-MM-DD` (a real day: `2026-02-30` is refused). A failed
 * decode reports the catalogue key `civil-date.malformed`. Strings of this
 * form sort chronologically, so the rules compare them as strings.
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

export type CivilDate = typeof CivilDate.Type

// The last day read per zone, with the second it was read for: every request of
// a second asks for the same day, and reading it (`formatToParts`) is what costs.
// By the second, not the minute: a zone's offset is whole seconds (old local
// mean times are not whole minutes), so one second falls on one day.
const lastDays = new Map<string, { readonly second: number; readonly day: CivilDate }>()

/**
 * The day an instant falls on in `timeZone` (an IANA zone, `Europe/Belgrade`).
 */
export const ofInstant = (instant: Date, timeZone: string): CivilDate => {
  const second = Math.floor(instant.getTime() / 1000)
  const last = lastDays.get(timeZone)
  if (last !== undefined && last.second === second) return last.day
  const local = wallClock(instant.getTime(), timeZone)
  const day = ofParts(local.year, local.month, local.day)
  lastDays.set(timeZone, { second, day })
  return day
}

/**
 * A day given as a calendar date, or an instant read in `timeZone`.
 */
export const from = (at: Date | CivilDate, timeZone: string): CivilDate =>
  typeof at === "string" ? at : ofInstant(at, timeZone)

/**
 * The later of two days.
 */
export const max = (a: CivilDate, b: CivilDate): CivilDate => (a >= b ? a : b)

/**
 * `date` moved by `days` calendar days (negative moves back). `days` is a whole
 * number; a fraction is dropped (toward zero).
 *
 * @example
 * ```ts
 * CivilDate.addDays("2026-02-27", 2) // "2026-03-01"
 * CivilDate.addDays("2026-03-01", -1) // "2026-02-28"
 * ```
 */
export const addDays = (date: CivilDate, days: number): CivilDate => ofEpochDay(epochDay(date) + Math.trunc(days))

/**
 * `date` moved by `months` calendar months (negative moves back), keeping the
 * day number; where the target month is shorter, the result is clamped to that
 * month's last day (31 January + 1 month is 28 or 29 February). Clamping makes
 * the moves not reversible: `addMonths(addMonths("2026-01-31", 1), -1)` is
 * `"2026-01-28"`. `months` is a whole number; a fraction is dropped (toward zero).
 *
 * @example
 * ```ts
 * CivilDate.addMonths("2026-01-31", 1) // "2026-02-28"
 * CivilDate.addMonths("2024-01-31", 1) // "2024-02-29"
 * CivilDate.addMonths("2026-03-15", -3) // "2025-12-15"
 * ```
 */
export const addMonths = (date: CivilDate, months: number): CivilDate => {
  const { year, month, day } = partsOf(date)
  const index = year * 12 + (month - 1) + Math.trunc(months)
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  const lastDay = new Date(utcMillis(targetYear, targetMonth + 1, 0)).getUTCDate()
  return ofParts(targetYear, targetMonth, Math.min(day, lastDay))
}

/**
 * Whether `date` is a working day: Monday to Friday. Public holidays are not
 * modelled yet (the jurisdiction profile holds none), so a holiday on a weekday
 * counts as a working day.
 *
 * @example
 * ```ts
 * CivilDate.isWorkingDay("2026-03-13") // true (Friday)
 * CivilDate.isWorkingDay("2026-03-14") // false (Saturday)
 * ```
 */
export const isWorkingDay = (date: CivilDate): boolean => isWeekdayEpoch(epochDay(date))

/**
 * The `days`-th working day ({@link isWorkingDay}) after `date`; `date` itself
 * never counts, so for `days` ≥ 1 the result is always a working day, even
 * from a Saturday. A negative `days` counts back the same way; `0` gives
 * `date` unchanged. `days` is a whole number; a fraction is dropped (toward zero).
 *
 * @example
 * ```ts
 * // Friday 13 March 2026: three working days later is Wednesday 18 March.
 * CivilDate.addWorkingDays("2026-03-13", 3) // "2026-03-18"
 * CivilDate.addWorkingDays("2026-03-14", 1) // "2026-03-16" (Saturday → Monday)
 * ```
 */
export const addWorkingDays = (date: CivilDate, days: number): CivilDate => {
  const step = days < 0 ? -1 : 1
  let left = Math.abs(Math.trunc(days))
  let current = epochDay(date)
  // Any seven consecutive days hold exactly five working days.
  while (left > 5) {
    current += 7 * step
    left -= 5
  }
  while (left > 0) {
    current += step
    if (isWeekdayEpoch(current)) left--
  }
  return ofEpochDay(current)
}

/**
 * The number of calendar days from `from` to `to`: positive when `to` is
 * later, so `daysBetween(d, addDays(d, n)) === n`.
 *
 * @example
 * ```ts
 * CivilDate.daysBetween("2026-02-27", "2026-03-01") // 2
 * ```
 */
export const daysBetween = (from: CivilDate, to: CivilDate): number => epochDay(to) - epochDay(from)

/**
 * Orders two days: `-1` when `a` is earlier, `0` on the same day, `1` when
 * later. It is an `Order.Order<CivilDate>` (use it with `Array.sort`,
 * `Order.max`, …).
 */
export const compare = (a: CivilDate, b: CivilDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The instant `date` starts in `timeZone` (an IANA zone): local midnight. A day
 * runs from its `startOfDay` up to the next day's, so across a daylight-saving
 * change it lasts 23 or 25 hours: in `Europe/Belgrade`, 29 March 2026 starts at
 * 2026-03-28T23:00:00Z and 30 March at 2026-03-29T22:00:00Z. In a zone whose
 * clocks jump over midnight, the day starts at its first instant (01:00 local);
 * a day a zone skipped entirely starts when the next one does.
 *
 * @example
 * ```ts
 * CivilDate.startOfDay("2026-10-25", "Europe/Belgrade") // 2026-10-24T22:00:00.000Z (still summer time)
 * CivilDate.startOfDay("2026-10-26", "Europe/Belgrade") // 2026-10-25T23:00:00.000Z
 * ```
 */
export const startOfDay = (date: CivilDate, timeZone: string): Date => {
  const midnight = epochDay(date) * dayMillis
  // The offsets a day before and a day after cover any change during the day.
  const candidates = [offsetAt(midnight - dayMillis, timeZone), offsetAt(midnight + dayMillis, timeZone)]
    .map((offset) => midnight - offset)
    .sort((a, b) => a - b)
  const start = candidates.find((candidate) => ofInstant(new Date(candidate), timeZone) >= date)
  return new Date(start ?? midnight)
}

/**
 * The calendar year of a day (case references and yearly figures count by it).
 */
export const year = (date: CivilDate): number => Number(date.slice(0, 4))
