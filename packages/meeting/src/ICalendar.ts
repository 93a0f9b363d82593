/**
 * An iCalendar (RFC 5545) feed of a mechanism's meetings, for calendar
 * applications to subscribe to.
 *
 * - one VEVENT per meeting that has a date (a request not yet scheduled has none);
 * - `UID` is `<meetingId>@bashke`, stable across every update;
 * - `SEQUENCE` counts the changes of date, time or place, plus the cancellation;
 * - `STATUS` is `CONFIRMED`, or `CANCELLED` for a cancelled meeting (kept in the
 *   feed so subscribed calendars remove it);
 * - `DTSTAMP` is when the meeting last changed: the feed has no `METHOD`, and
 *   then RFC 5545 §3.8.7.2 makes DTSTAMP the last revision in the store (so the
 *   same data gives the same bytes);
 * - `SUMMARY` comes from the catalogue in the requested locale; `LOCATION` is the
 *   venue. Nothing about cases or people is ever written.
 *
 * Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
 * character; TEXT values escape backslash, semicolon, comma and newlines.
 */
import { Catalogue, type Locale } from "@bashke/kernel"
import type { Meeting } from "./Meeting"
import { meetingMessages } from "./MeetingMessages"

/**
 * The feed's product identifier.
 */
export const productId = "-//Bashke//Coordination mechanism meetings//EN"

/**
 * The UID of a meeting's event.
 */
export const uid = (meetingId: string): string => `${meetingId}@bashke`

/**
 * A TEXT value escaped (RFC 5545 §3.3.11): `\` `;` `,` and newlines; other
 * control characters, which TEXT may not hold, are dropped.
 */
export const escapeText = (value: string): string =>
  value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "")

const encoder = new TextEncoder()

/**
 * A content line folded (RFC 5545 §3.1): no line longer than 75 octets, each
 * continuation starting with one space, UTF-8 characters kept whole.
 */
export const fold = (line: string): string => {
  const parts: Array<string> = []
  let current = ""
  let octets = 0
  let limit = 75
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > limit) {
      parts.push(current)
      current = ""
      octets = 0
      // A continuation line's leading space is one of its 75 octets.
      limit = 74
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join("\r\n ")
}

/**
 * An instant as an iCalendar UTC DATE-TIME: `20260312T090000Z`.
 */
export const dateTime = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "")

/**
 * The summary of a meeting's event in `locale`.
 */
export const summary = (meeting: Pick<Meeting, "kind">, locale: Locale.Locale): string =>
  Catalogue.format(meetingMessages, locale, `meeting.calendar.summary.${meeting.kind}`)

/**
 * What the feed shows of a meeting.
 */
export type Event = Pick<Meeting, "id" | "kind" | "status" | "schedule" | "sequence" | "updatedAt">

const event = (meeting: Event, locale: Locale.Locale): ReadonlyArray<string> => {
  const schedule = meeting.schedule
  if (schedule === undefined) return []
  return [
    "BEGIN:VEVENT",
    `UID:${uid(meeting.id)}`,
    `DTSTAMP:${dateTime(meeting.updatedAt)}`,
    `LAST-MODIFIED:${dateTime(meeting.updatedAt)}`,
    `SEQUENCE:${meeting.sequence}`,
    `DTSTART:${dateTime(schedule.startsAt)}`,
    `DTEND:${dateTime(schedule.endsAt)}`,
    `SUMMARY;LANGUAGE=${locale}:${escapeText(summary(meeting, locale))}`,
    `LOCATION:${escapeText(schedule.place)}`,
    `STATUS:${meeting.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ]
}

/**
 * The feed of `meetings` in `locale`, ordered by start and then id so the same
 * meetings always give the same text.
 */
export const feed = (meetings: ReadonlyArray<Event>, locale: Locale.Locale): string => {
  const ordered = meetings
    .filter((meeting) => meeting.schedule !== undefined)
    .slice()
    .sort(
      (a, b) =>
        (a.schedule?.startsAt.getTime() ?? 0) - (b.schedule?.startsAt.getTime() ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${productId}`,
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(Catalogue.format(meetingMessages, locale, "meeting.calendar.name"))}`,
    ...ordered.flatMap((meeting) => event(meeting, locale)),
    "END:VCALENDAR",
  ]
  return `${lines.map(fold).join("\r\n")}\r\n`
}
