import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Catalogue, kernelMessages } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import * as Meeting from "../src/Meeting"
import { meetingMessages } from "../src/MeetingMessages"

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  )

describe("meetingMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, parsing, with matching placeholders and plurals", () => {
    expect(Catalogue.check(meetingMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel's messages without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, meetingMessages)).not.toThrow()
  })

  it("holds every rule and message key the sources name", () => {
    const root = new URL("../src", import.meta.url).pathname
    const named = new Set<string>()
    const patterns = [
      /(?:rule|message): "(meeting\.[^"]+)"/g,
      /\|\| "(meeting\.[^"]+)"/g,
      /meetingMessages,\s*locale,\s*(?:item\.overdue \? )?"(meeting\.[^"]+)"/g,
      /: "(meeting\.agenda\.action-item\.open)"/g,
      /(?:conflict|deny)\([^)]*"(meeting\.[^"]+)"\)/g,
    ]
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8")
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) named.add(match[1]!)
    }
    expect(named.size).toBeGreaterThan(24)
    expect([...named].filter((key) => !Catalogue.has(meetingMessages, key))).toEqual([])
  })

  it("labels every status, kind, presence and reason code", () => {
    const keys = [
      ...Meeting.statuses.map((s) => `meeting.status.${s}`),
      "meeting.kind.regular",
      "meeting.kind.ad-hoc",
      "meeting.presence.present",
      "meeting.presence.excused",
      "meeting.presence.absent",
      "meeting.not-done-reason.circumstances-changed",
      "meeting.not-done-reason.not-done",
    ]
    for (const key of keys) expect(Catalogue.has(meetingMessages, key), key).toBe(true)
  })

  it("derives Serbian Cyrillic", () => {
    expect(Catalogue.format(meetingMessages, "sr-Cyrl", "meeting.minutes.locked")).toBe(
      "Записник је усвојен: мења се само амандманом.",
    )
    expect(
      Catalogue.format(meetingMessages, "sr-Latn", "meeting.cadence.summary", { year: "2025", held: 3, required: 4 }),
    ).toBe("2025: 3 održana redovna sastanka od 4 potrebnih")
  })
})
