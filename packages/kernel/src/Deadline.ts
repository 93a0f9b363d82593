/**
 * Deadlines from legal durations: a profile's "24 hours", "15 days" or "2 working
 * days" added to a day or to an instant in the jurisdiction's time zone. Days,
 * weeks and months move the local calendar and keep the local wall-clock time;
 * hours are exact elapsed time. Working days skip Saturdays and Sundays only:
 * profiles have no public-holiday calendar yet.
 */
import * as CivilDate from "./CivilDate"

/**
 * A legal duration, as the jurisdiction profile writes it.
 */
export type Duration = {
  readonly value: number
  readonly unit: "hours" | "days" | "working-days" | "weeks" | "months"
}

const hourMillis = 3_600_000

/**
 * A day moved by `sign` × `duration`: days, weeks, months and working days move
 * the calendar; hours round up to whole days.
 */
export const addToDate = (date: CivilDate.CivilDate, duration: Duration, sign: 1 | -1 = 1): CivilDate.CivilDate => {
  const n = duration.value * sign
  switch (duration.unit) {
    case "hours":
      return CivilDate.addDays(date, Math.sign(n) * Math.ceil(Math.abs(n) / 24))
    case "days":
      return CivilDate.addDays(date, n)
    case "working-days":
      return CivilDate.addWorkingDays(date, n)
    case "weeks":
      return CivilDate.addDays(date, n * 7)
    case "months":
      return CivilDate.addMonths(date, n)
  }
}

/**
 * A local wall-clock time: a day and the milliseconds since its local midnight.
 */
export interface LocalTime {
  readonly date: CivilDate.CivilDate
  readonly millisOfDay: number
}

// One formatter per zone: building an `Intl.DateTimeFormat` costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>()

const formatterOf = (timeZone: string): Intl.DateTimeFormat => {
  let found = formatters.get(timeZone)
  if (found === undefined) {
    found = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
    formatters.set(timeZone, found)
  }
  return found
}

const localTime = (instant: Date, timeZone: string): LocalTime => {
  const parts = formatterOf(timeZone).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "0"
  const millisOfDay =
    ((Number(part("hour")) * 60 + Number(part("minute"))) * 60 + Number(part("second"))) * 1000 +
    (((instant.getTime() % 1000) + 1000) % 1000)
  return { date: `${part("year")}-${part("month")}-${part("day")}`, millisOfDay }
}

// The zone's offset (local minus UTC) at an instant.
const offsetAt = (instant: number, timeZone: string): number => {
  const local = localTime(new Date(instant), timeZone)
  return Date.parse(`${local.date}T00:00:00Z`) + local.millisOfDay - instant
}

/**
 * The instant of a local wall-clock time in `timeZone`; a time in the spring gap
 * becomes the instant just after it.
 */
export const fromLocal = (local: LocalTime, timeZone: string): Date => {
  const wall = Date.parse(`${local.date}T00:00:00Z`) + local.millisOfDay
  let guess = wall - offsetAt(wall, timeZone)
  guess = wall - offsetAt(guess, timeZone)
  return new Date(guess)
}

/**
 * An instant moved by `sign` × `duration`: hours are exact elapsed time; days,
 * weeks, working days and months move the local calendar in `timeZone` and keep
 * the local wall-clock time, so "15 days after 10:00" is 10:00 fifteen local days
 * later across a daylight-saving change.
 *
 * @example
 * ```ts
 * import { Deadline } from "@bashke/kernel"
 *
 * // 24 hours after 01:30 on the night the clocks go forward is 02:30 local, 23 wall-clock hours later.
 * Deadline.addToInstant(new Date("2026-03-29T00:30:00Z"), { value: 24, unit: "hours" }, "Europe/Belgrade")
 * ```
 */
export const addToInstant = (instant: Date, duration: Duration, timeZone: string, sign: 1 | -1 = 1): Date => {
  if (duration.unit === "hours") return new Date(instant.getTime() + sign * duration.value * hourMillis)
  const local = localTime(instant, timeZone)
  return fromLocal({ date: addToDate(local.date, duration, sign), millisOfDay: local.millisOfDay }, timeZone)
}
