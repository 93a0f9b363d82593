import type { Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import ICAL from "ical.js"
import * as ICalendar from "../src/ICalendar"

const meetingId = "01JG0000000000000000000001" as Id.MeetingId
const otherId = "01JG0000000000000000000002" as Id.MeetingId

const scheduled: ICalendar.Event = {
  id: meetingId,
  kind: "regular",
  status: "scheduled",
  schedule: {
    startsAt: new Date("2026-03-20T09:00:00Z"),
    endsAt: new Date("2026-03-20T11:00:00Z"),
    place: "Municipal hall, room 3; ground floor",
  },
  sequence: 0,
  updatedAt: new Date("2026-03-01T08:00:00Z"),
}

const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent)
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: vevent.getFirstPropertyValue("status"),
      dtstamp: String(vevent.getFirstPropertyValue("dtstamp")),
    }
  })
}

describe("ICalendar.feed", () => {
  it("writes a calendar that ical.js parses: one event per dated meeting, stable UID", () => {
    const requested: ICalendar.Event = {
      id: otherId,
      kind: "ad-hoc",
      status: "requested",
      sequence: 0,
      updatedAt: new Date("2026-03-02T08:00:00Z"),
    }
    const text = ICalendar.feed([scheduled, requested], "en")
    expect(text.endsWith("\r\n")).toBe(true)
    expect(text.split("\r\n").every((line) => !line.includes("\n"))).toBe(true)
    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0")
    expect(calendar.getFirstPropertyValue("prodid")).toBe(ICalendar.productId)
    expect(parse(text)).toEqual([
      {
        uid: `${meetingId}@bashke`,
        sequence: 0,
        summary: "Regular meeting of the coordination mechanism",
        location: "Municipal hall, room 3; ground floor",
        start: "2026-03-20T09:00:00.000Z",
        end: "2026-03-20T11:00:00.000Z",
        status: "CONFIRMED",
        dtstamp: "2026-03-01T08:00:00Z",
      },
    ])
  })

  it("an update keeps the UID and raises SEQUENCE; a cancellation is STATUS:CANCELLED", () => {
    const moved: ICalendar.Event = {
      ...scheduled,
      schedule: {
        ...scheduled.schedule!,
        startsAt: new Date("2026-03-21T09:00:00Z"),
        endsAt: new Date("2026-03-21T11:00:00Z"),
      },
      sequence: 1,
      updatedAt: new Date("2026-03-05T08:00:00Z"),
    }
    const cancelled: ICalendar.Event = {
      ...moved,
      status: "cancelled",
      sequence: 2,
      updatedAt: new Date("2026-03-06T08:00:00Z"),
    }
    const [first] = parse(ICalendar.feed([scheduled], "sq"))
    const [second] = parse(ICalendar.feed([moved], "sq"))
    const [third] = parse(ICalendar.feed([cancelled], "sq"))
    expect(second!.uid).toBe(first!.uid)
    expect(third!.uid).toBe(first!.uid)
    expect(second!.sequence).toBeGreaterThan(first!.sequence)
    expect(third!.sequence).toBeGreaterThan(second!.sequence)
    expect(second!.start).toBe("2026-03-21T09:00:00.000Z")
    expect(third!.status).toBe("CANCELLED")
    expect(first!.summary).toBe("Takim i rregullt i mekanizmit koordinues")
  })

  it("gives the summary in the requested locale, Serbian Cyrillic included", () => {
    expect(parse(ICalendar.feed([{ ...scheduled, kind: "ad-hoc" }], "sr-Cyrl"))[0]!.summary).toBe(
      "Ванредни састанак координационог механизма",
    )
    expect(ICalendar.feed([scheduled], "sr-Latn")).toContain("SUMMARY;LANGUAGE=sr-Latn:Redovni sastanak")
  })

  it("is the same text for the same meetings, in any order", () => {
    const other = {
      ...scheduled,
      id: otherId,
      schedule: { ...scheduled.schedule!, startsAt: new Date("2026-01-10T09:00:00Z") },
    }
    expect(ICalendar.feed([scheduled, other], "en")).toBe(ICalendar.feed([other, scheduled], "en"))
  })

  it("escapes TEXT and folds long lines, and ical.js reads the place back exactly", () => {
    const place =
      "Sala e Kuvendit, kati 2; hyrja \\ veriore\nAneks: ëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëë"
    const text = ICalendar.feed([{ ...scheduled, schedule: { ...scheduled.schedule!, place } }], "en")
    expect(text).toContain("LOCATION:Sala e Kuvendit\\, kati 2\\; hyrja \\\\ veriore\\nAneks")
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(parse(text)[0]!.location).toBe(place)
  })
})

describe("ICalendar text rules: properties", () => {
  it("folding keeps every line within 75 octets and unfolds to the original", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (value) => {
        const line = `DESCRIPTION:${ICalendar.escapeText(value)}`
        const folded = ICalendar.fold(line)
        for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75)
        expect(folded.replace(/\r\n /g, "")).toBe(line)
      }),
    )
  })

  it("escaped text has no bare comma, semicolon or newline, and ical.js reads it back", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 }).filter((s) => /[^\s]/.test(s)),
        (place) => {
          // Control characters other than newlines cannot be in TEXT: they are dropped.
          // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
          const expected = place.replace(/\r\n|\r/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
          const escaped = ICalendar.escapeText(place)
          expect(escaped).not.toMatch(/(^|[^\\])(\\\\)*[,;\n]/)
          const text = ICalendar.feed([{ ...scheduled, schedule: { ...scheduled.schedule!, place } }], "en")
          expect(parse(text)[0]!.location).toBe(expected)
        },
      ),
    )
  })
})
