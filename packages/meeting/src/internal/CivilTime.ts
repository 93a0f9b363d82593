// Calendar arithmetic in an IANA time zone with nothing but `Intl`, so it runs
// on Node and on Workers alike. Deadlines and cadence count local days and
// months ("a day ends at local midnight"), while instants stay in UTC.

/** A calendar date: year, month (1–12), day (1–31). */
export interface CivilDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

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

const wallClock = (instant: number, timeZone: string) => {
  const parts: Record<string, number> = {}
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
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

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (Belgrade in winter: +3,600,000). */
const offsetAt = (instant: number, timeZone: string): number => {
  const local = wallClock(instant, timeZone)
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** The local calendar date of an instant. */
export const dateOf = (instant: Date, timeZone: string): CivilDate => {
  const local = wallClock(instant.getTime(), timeZone)
  return { year: local.year, month: local.month, day: local.day }
}

/**
 * The instant local midnight starts `date`. Two passes settle the offset on
 * either side of a daylight-saving change (which in Europe never falls at
 * midnight; where it does, the first instant of the day is taken).
 */
export const startOfDay = (date: CivilDate, timeZone: string): Date => {
  const guess = Date.UTC(date.year, date.month - 1, date.day)
  const first = guess - offsetAt(guess, timeZone)
  const second = guess - offsetAt(first, timeZone)
  return new Date(second)
}

/** `date` moved by `days` calendar days (negative moves back). */
export const addDays = (date: CivilDate, days: number): CivilDate => {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() }
}

/** `date` moved by `months`, keeping the day or, past a shorter month's end, its last day. */
export const addMonths = (date: CivilDate, months: number): CivilDate => {
  const index = date.year * 12 + (date.month - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { year, month, day: Math.min(date.day, last) }
}

/** Monday to Friday. Public holidays are not in the jurisdiction profile yet. */
export const isWorkingDay = (date: CivilDate): boolean => {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** The `days`-th working day after `date` (the date itself never counts). */
export const addWorkingDays = (date: CivilDate, days: number): CivilDate => {
  let current = date
  let left = days
  while (left > 0) {
    current = addDays(current, 1)
    if (isWorkingDay(current)) left--
  }
  return current
}

/** Orders two dates: negative, zero or positive. */
export const compare = (a: CivilDate, b: CivilDate): number => a.year - b.year || a.month - b.month || a.day - b.day

/** `YYYY-MM-DD`. */
export const format = (date: CivilDate): string =>
  `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`

/** Reads `YYYY-MM-DD` (already validated by a schema). */
export const parse = (text: string): CivilDate => {
  const [year, month, day] = text.split("-").map(Number)
  return { year: year ?? 0, month: month ?? 1, day: day ?? 1 }
}
