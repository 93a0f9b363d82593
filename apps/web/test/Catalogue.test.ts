import { actionPlanMessages } from "@bashke/action-plan"
import { caseMessages } from "@bashke/case"
import { Catalogue, Locale } from "@bashke/kernel"
import { meetingMessages } from "@bashke/meeting"
import { reportingMessages } from "@bashke/reporting"
import { describe, expect, it } from "vitest"
import { firstMessages, makeText } from "../src/Text"
import { webActionItemMessages } from "../src/WebActionItemMessages"
import { webAdminMessages } from "../src/WebAdminMessages"
import { webCaseNotesMessages } from "../src/WebCaseNotesMessages"
import { webCaseworkMessages } from "../src/WebCaseworkMessages"
import { webCorrectionsMessages } from "../src/WebCorrectionsMessages"
import { webMeetingMessages } from "../src/WebMeetingMessages"
import { webMessages } from "../src/WebMessages"
import { webPlanStatsMessages } from "../src/WebPlanStatsMessages"

// Everything the app can show: the first page's messages and the parts the case, case records, corrections, plan, statistics, administration and meeting screens (with action items' extensions) add.
const catalogue = Catalogue.merge(
  firstMessages,
  caseMessages,
  webCaseworkMessages,
  actionPlanMessages,
  reportingMessages,
  webPlanStatsMessages,
  webAdminMessages,
  meetingMessages,
  webMeetingMessages,
  webCorrectionsMessages,
  webCaseNotesMessages,
  webActionItemMessages,
)

describe("the web app's messages", () => {
  it("exist, parse and agree on placeholders in all four languages", () => {
    expect(Catalogue.check(webMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(webCaseworkMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(webPlanStatsMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(webAdminMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(webMeetingMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(webCorrectionsMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(webCaseNotesMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(webActionItemMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(catalogue).map(Catalogue.describeProblem)).toEqual([])
  })

  it("a message missing in a language is reported", () => {
    const missing = Catalogue.make({ "web.example": { sq: "Shembull", "sr-Latn": "", en: "Example" } })
    expect(Catalogue.check(missing).map(Catalogue.describeProblem)).not.toEqual([])
  })

  it("every key the source code names is in the catalogue", async () => {
    const { readdir, readFile } = await import("node:fs/promises")
    const { join } = await import("node:path")
    const root = join(import.meta.dirname, "../src")
    const files = (await readdir(root, { recursive: true })).filter((file) => /\.tsx?$/.test(file))
    const named = new Set<string>()
    for (const file of files) {
      const source = await readFile(join(root, file), "utf8")
      // t("web.…") calls and `web.…` template prefixes: every literal key used.
      for (const match of source.matchAll(/\bt\(\s*"([a-z0-9.-]+)"/g)) named.add(match[1] as string)
    }
    expect(named.size).toBeGreaterThan(20)
    expect([...named].filter((key) => !Catalogue.has(catalogue, key))).toEqual([])
  })

  it("dates read in the jurisdiction's time zone, whatever the machine's", () => {
    // 23:30 UTC on 31 March is 1 April in Kosovo (UTC+2 in summer).
    const text = makeText("en", () => {})
    expect(text.date("2026-03-31T23:30:00Z")).toBe("Apr 1, 2026")
    expect(makeText("sq", () => {}).number(1234.5)).toBe(new Intl.NumberFormat("sq").format(1234.5))
  })

  it("each language reads its own words", () => {
    const words = Locale.all.map((locale) => makeText(locale, () => {}).t("web.nav.cases"))
    expect(new Set(words).size).toBe(4)
    expect(makeText("sr-Cyrl", () => {}).t("web.nav.cases")).toBe("Случајеви")
  })
})
