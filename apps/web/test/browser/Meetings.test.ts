// The meetings journey of issue 16 on the real gateway with a fresh SQLite
// database and the demo, in Chromium: a member requests an ad hoc meeting and
// sees the coordinator's deadline → the coordinator's start past it is
// refused beside the field, one within it schedules the meeting → the agenda
// reviews only the cases that meet the conference criteria (the demo's
// standard-risk case is not on it) and the coordinator adds a topic → once
// the meeting has started, attendance with the quorum → minutes written,
// decisions and action items owned by institutions → approved, and a save
// from a page opened before is refused beside the text → printed to PDF
// (read back with pdftotext: the headings in the chosen language, the
// institutions by name, no personal name, no id) → the minutes lock, changed
// by an amendment only. Then the calendar subscription: the address made on
// its screen is read by ical.js without any header, and answers 404 once
// revoked. Every new screen: axe (0 serious or critical), screenshots at
// 1280×800 and 390×844, nothing overflowing at 390 px, the four languages.
import { execFileSync } from "node:child_process"
import { request as httpRequest } from "node:http"
import { join } from "node:path"
import { Catalogue, JurisdictionProfile } from "@bashke/kernel"
import ICAL from "ical.js"
import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { type WebMeetingMessageKey, webMeetingMessages } from "../../src/WebMeetingMessages"
import {
  chooseLanguage,
  horizontalOverflow,
  outputDir,
  screenshot,
  seriousViolations,
  signInWithLink,
  storedText,
  untilLoaded,
  viewports,
} from "./Harness"
import { attendanceRows, policeRequest, soonestStart, untilStarted } from "./MeetingStart"
import { expectNoCspViolation, expectNothingPersonalKept, personalIn } from "./Privacy"
import { expectAccessible, expectInEveryLanguage, type Screen } from "./Sweep"
import { testWorld } from "./World"

// The member (the police officer) and the coordinator sign in in the first tests, with their links.
const world = testWorld({ browsers: ["policeOfficer", "coordinator"] })

const minute = 60_000
const { timezone } = JurisdictionProfile.kosovo

/** An instant as the form's `datetime-local` value, in the jurisdiction's time zone. */
const localValue = (at: Date): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/** A GET as a calendar application makes it: no header at all. */
const subscribe = (url: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "GET", headers: {} }, (response) => {
      let body = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => {
        body += chunk
      })
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on("error", reject)
    request.end()
  })

const ulid = /[0-9A-HJKMNP-TV-Z]{26}/

/** The page's main part shows no id (an institution, a meeting, a case by their ULID). */
const expectNoIdShown = async (page: Page, screen: Screen) =>
  expect((await page.locator("main").textContent()) ?? "", `${screen.name}: an id shown`).not.toMatch(ulid)

let meetingPath = ""
let startsAt = new Date(0)
const minutesText = "Reviewed the conference cases; the police and the centre for social work agreed a joint visit."

describe("meetings in a browser", () => {
  it("a member requests an ad hoc meeting and is told the coordinator's scheduling deadline", async () => {
    const page = await world.browser("policeOfficer").newPage()
    await signInWithLink(page, world.gateway, "policeOfficer")
    await chooseLanguage(page, "en")
    await page.getByRole("link", { name: "Meetings" }).click()
    await page.getByRole("heading", { name: "The mechanism's meetings" }).waitFor()
    await page.getByRole("button", { name: "Request an ad hoc meeting" }).click()
    // The profile's times, before asking.
    await expect.poll(() => page.locator("#request-hint").textContent()).toMatch(/within 7 days, or 2 days when urgent/)
    // An empty reason is refused beside the field, by the package's own schema.
    await page.getByRole("button", { name: "Send the request" }).click()
    await page.locator("#error-request-reason").waitFor()
    expect(await page.getByLabel("Reason").getAttribute("aria-invalid")).toBe("true")
    await page.getByLabel("Reason").fill("Escalation in a shared case: a joint plan is needed")
    await page.getByLabel("Urgency").selectOption("urgent")
    await page.getByRole("button", { name: "Send the request" }).click()
    const told = page.getByTestId("request-deadline")
    await told.waitFor()
    expect(await told.textContent()).toMatch(/^Request sent\. The coordinator must schedule the meeting by .+\d{4}/)
    await page.getByTestId("meeting").filter({ hasText: "Requested" }).first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "meetings-request-desk")
    await page.close()
  })

  it("the coordinator's start past the deadline is refused beside the field; one within it schedules the meeting", async () => {
    const page = await world.browser("coordinator").newPage()
    await signInWithLink(page, world.gateway, "coordinator")
    await chooseLanguage(page, "en")
    await page.getByRole("link", { name: "Meetings" }).click()
    const request = await policeRequest(page)
    await request.click()
    await page.getByRole("heading", { name: "Ad hoc · Requested" }).waitFor()
    meetingPath = new URL(page.url()).pathname
    expect(await page.getByTestId("schedule-deadline").textContent()).toMatch(
      /The coordinator must schedule it by .+ · Awaiting scheduling/,
    )
    expect(await page.getByTestId("latest-start").textContent()).toMatch(/^Must start before /)

    // Ten days out: past the urgent request's two days.
    const late = new Date(Date.now() + 10 * 24 * 60 * minute)
    await page.getByLabel("Starts").fill(localValue(late))
    await page.getByLabel("Ends").fill(localValue(new Date(late.getTime() + 120 * minute)))
    await page.getByLabel("Place").fill("Municipal hall, room 3")
    await page.getByRole("button", { name: "Schedule", exact: true }).click()
    const refusal = page.locator("#error-schedule-startsAt")
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(/deadline/i)
    expect(await page.getByLabel("Starts").getAttribute("aria-invalid")).toBe("true")
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "meeting-schedule-refused-desk")
    // Nothing changed.
    await page.reload()
    await page.getByRole("heading", { name: "Ad hoc · Requested" }).waitFor()

    // The first whole minute a minute from now: within the deadline, still ahead when the API reads it
    // on a loaded machine, and started by the time the tests in between have run.
    startsAt = soonestStart()
    await page.getByLabel("Starts").fill(localValue(startsAt))
    await page.getByLabel("Ends").fill(localValue(new Date(startsAt.getTime() + 90 * minute)))
    await page.getByLabel("Place").fill("Municipal hall, room 3")
    await page.getByRole("button", { name: "Schedule", exact: true }).click()
    await page.getByRole("heading", { name: "Ad hoc · Scheduled" }).waitFor()
    expect(await page.getByTestId("schedule-deadline").textContent()).toMatch(/Scheduled in time/)
    await page.close()
  })

  it("builds the agenda: only cases meeting the conference criteria — not the standard-risk case — and a topic of the coordinator's", async () => {
    const page = await world.page("coordinator", { path: meetingPath, locale: "en" })
    await page.locator("[data-testid=agenda-item]").first().waitFor()
    await untilLoaded(page)
    // The demo's cases by risk level, as the API lists them to the coordinator.
    const mechanismId = (await (await page.request.get(`${world.gateway.url}/v1/mechanisms`)).json()).items[0].id
    const referencesOf = async (riskLevel: string) =>
      (
        (await (
          await page.request.get(`${world.gateway.url}/v1/cases?mechanismId=${mechanismId}&riskLevel=${riskLevel}`)
        ).json()) as { items: Array<{ reference: string }> }
      ).items.map((each) => each.reference)
    const standard = await referencesOf("standard")
    const high = await referencesOf("high")
    expect(standard.length).toBeGreaterThan(0)
    expect(high.length).toBeGreaterThan(0)
    const agenda = (await page.locator("section[aria-labelledby=agenda]").textContent()) ?? ""
    for (const reference of standard) expect(agenda).not.toContain(reference)
    expect(high.some((reference) => agenda.includes(reference))).toBe(true)
    expect(await page.locator("[data-key^='case-review:']").count()).toBeGreaterThan(0)
    expect(agenda).toContain("Case reviews")

    await page.getByLabel("Topic's section").selectOption("other-business")
    await page.getByLabel("New topic", { exact: true }).fill("Outreach to schools before the holidays")
    await page.getByRole("button", { name: "Add the topic" }).click()
    await page.getByRole("button", { name: "Save the agenda" }).click()
    await page.getByText("Agenda saved.").waitFor()
    await page.locator("[data-testid=agenda-item]", { hasText: "Outreach to schools" }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it("the calendar subscription: an address ical.js reads with no header, which answers 404 once revoked", async () => {
    const page = await world.page("policeOfficer", { path: "/meetings", locale: "en" })
    await page.getByRole("link", { name: "Subscribe in your calendar" }).click()
    await page.getByRole("heading", { name: "Calendar subscription" }).waitFor()
    await page.getByLabel("Calendar's language").selectOption("en")
    await page.getByRole("button", { name: "Create an address" }).click()
    const field = page.locator("#feed-url")
    await field.waitFor()
    const address = await field.inputValue()
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/meetings\.ics$/)
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "calendar-subscription-desk")

    const served = await subscribe(address)
    expect(served.status).toBe(200)
    const events = new ICAL.Component(ICAL.parse(served.body))
      .getAllSubcomponents("vevent")
      .map((event) => new ICAL.Event(event))
    const meetingId = meetingPath.split("/")[2] as string
    const ours = events.find((event) => event.uid === `${meetingId}@bashke`)
    expect(ours?.summary).toBe("Ad hoc meeting of the coordination mechanism")
    expect(ours?.startDate.toJSDate().getTime()).toBe(startsAt.getTime())
    expect(personalIn(served.body)).toEqual([])

    await page.getByRole("button", { name: "Revoke" }).first().click()
    await page.getByText(/^Revoked on /).waitFor()
    expect((await subscribe(address)).status).toBe(404)
    // The address is in no URL the browser saw, no title and no storage.
    const secret = address.split("/")[5] as string
    const member = world.browser("policeOfficer")
    expect([...member.urls, ...member.titles, await storedText(page)].join("\n")).not.toContain(secret)
    await page.close()
  })

  it("the meetings calendar and the subscription screen: desk and phone, accessible, in the four languages", async () => {
    const screens: ReadonlyArray<Screen> = [
      { name: "meetings", path: "/meetings", ready: "[data-testid=meeting]" },
      { name: "meeting-member", path: meetingPath, ready: "[data-testid=agenda-item]" },
      { name: "calendar-subscription", path: "/calendar-subscription", ready: "[data-testid=feeds]" },
    ]
    for (const size of ["desk", "phone"] as const) {
      const page = await world.page("policeOfficer", { path: "/meetings", size, locale: "en" })
      await expectAccessible(page, screens, size)
      if (size === "desk") await expectInEveryLanguage(page, screens, expectNoIdShown)
      await page.close()
    }
  })

  it("once started: attendance with the quorum, minutes written and approved, a late save refused beside the text, decisions and action items owned by institutions", async () => {
    // The meeting was scheduled a minute or two ahead: held once it has started (by now, as a rule).
    await untilStarted(startsAt)
    const page = await world.page("coordinator", { path: meetingPath, locale: "en" })
    const { rows, count } = await attendanceRows(page)
    // Every member present but the last, which is excused.
    for (let at = 0; at < count; at++) {
      const presence = rows.nth(at).locator("select").first()
      await presence.selectOption(at === count - 1 ? "excused" : "present")
    }
    const institutions = await rows.locator("th").allTextContents()
    expect(institutions.filter((name) => ulid.test(name))).toEqual([])
    expect(institutions).toContain("Kosovo Police – Gjilan Regional Directorate")
    await expect.poll(() => page.getByTestId("quorum").textContent()).toMatch(/^Quorum met: \d+ present, \d+ needed$/)
    await page.getByRole("button", { name: "Record the meeting as held" }).click()
    await page.getByRole("heading", { name: "Ad hoc · Held" }).waitFor()
    expect(await page.getByTestId("minutes-due").textContent()).toMatch(/^Minutes to be circulated by /)
    expect(await seriousViolations(page)).toEqual([])

    // The minutes' draft.
    await page.getByLabel("Text of the minutes").fill(minutesText)
    await page.getByRole("button", { name: "Save the draft" }).click()
    await page.getByText("Draft saved (revision 1).").waitFor()
    await page.getByRole("heading", { name: "Ad hoc · Minutes drafted" }).waitFor()
    expect(await page.getByTestId("minutes-due").textContent()).toBe("Minutes circulated in time")

    // A decision and an action item, owned by institutions, with due dates.
    const due = localValue(new Date(Date.now() + 14 * 24 * 60 * minute)).slice(0, 10)
    const decision = page.getByRole("form", { name: "Record the decision" })
    await decision.getByLabel("Decision").fill("A joint home visit by the police and the centre for social work")
    await decision
      .getByLabel("Owner institution")
      .selectOption({ label: "Kosovo Police – Gjilan Regional Directorate" })
    await decision.getByLabel("Due date").fill(due)
    await decision.getByRole("button", { name: "Record the decision" }).click()
    await page.getByTestId("decisions").getByText("A joint home visit").waitFor()
    const item = page.getByRole("form", { name: "Add the action item" })
    await item.getByLabel("Description").fill("Arrange the joint home visit")
    // Without an owner the API refuses, by the field.
    await item.getByLabel("Due date").fill(due)
    await item.getByRole("button", { name: "Add the action item" }).click()
    await page.locator("#error-action-item-owner").waitFor()
    await item.getByLabel("Owner institution").selectOption({ label: "Centre for Social Work – Gjilan" })
    await item.getByRole("button", { name: "Add the action item" }).click()
    await page.getByTestId("action-items").getByText("Arrange the joint home visit").waitFor()
    expect(await page.getByTestId("action-items").textContent()).toContain("Centre for Social Work – Gjilan · due")
    await screenshot(page, "meeting-minutes-desk")
    expect(await seriousViolations(page)).toEqual([])

    // A second page of the coordinator's, opened now, edits the draft later.
    const other = await world.page("coordinator", { path: meetingPath })
    await other.getByLabel("Text of the minutes").waitFor()
    await expect.poll(() => other.getByLabel("Text of the minutes").inputValue()).toBe(minutesText)

    await page.getByRole("button", { name: "Approve the minutes" }).click()
    await page.getByRole("heading", { name: "Ad hoc · Minutes approved" }).waitFor()
    expect(await page.getByTestId("minutes-state").textContent()).toMatch(/^Approved on .+ and locked/)
    expect(await page.getByLabel("Text of the minutes").count()).toBe(0)

    // The page opened before the lock: its save is stale, then — reloaded — refused beside the text.
    await other.getByLabel("Text of the minutes").fill(`${minutesText} Added after the approval.`)
    await other.getByRole("button", { name: "Save the draft" }).click()
    await other.getByRole("button", { name: "Reload" }).click()
    await other.getByTestId("minutes-state").filter({ hasText: "locked" }).waitFor()
    await other.getByRole("button", { name: "Save the draft" }).click()
    const locked = other.locator("#error-minutes-body")
    await locked.waitFor()
    expect(await locked.textContent()).toMatch(/approved|locked/i)
    expect(await other.getByLabel("Text of the minutes").getAttribute("aria-invalid")).toBe("true")
    expect(await other.getByLabel("Text of the minutes").inputValue()).toContain("Added after the approval.")
    expect(await seriousViolations(other)).toEqual([])
    await screenshot(other, "meeting-minutes-locked-refusal-desk")
    await other.close()

    // Nothing changed: the approved text as it was.
    await page.reload()
    await expect.poll(() => page.getByTestId("minutes-text").textContent()).toBe(minutesText)
    await page.close()
  }, 600_000)

  it("prints the agenda and minutes: the PDF's text has the headings in the chosen language, institutions by name, no personal name and no id", async () => {
    const page = await world.page("coordinator", { path: meetingPath, locale: "sq" })
    await page.locator(`a[href="${meetingPath}/print"]`).click()
    await page.getByTestId("record").waitFor()
    await page.getByTestId("minutes-text").waitFor()
    await untilLoaded(page)
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "meeting-print-desk")
    await page.emulateMedia({ media: "print" })
    // The print stylesheet: no navigation, no buttons.
    expect(await page.locator("header.top").isVisible()).toBe(false)
    expect(await page.getByRole("button", { name: "Shtyp" }).isVisible()).toBe(false)
    const file = join(outputDir, "meeting-minutes-sq.pdf")
    await page.pdf({ path: file, format: "A4", printBackground: false })
    await page.emulateMedia({ media: "screen" })
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" })
    const heading = (key: WebMeetingMessageKey) => Catalogue.format(webMeetingMessages, "sq", key)
    for (const key of [
      "web.print.title",
      "web.agenda.title",
      "web.attendance.title",
      "web.minutes.title",
      "web.decisions.title",
      "web.action-items.title",
    ] as const)
      expect(text, key).toContain(heading(key))
    expect(text).toContain("Deklarata e konfidencialitetit")
    expect(text).toContain("Policia e Kosovës")
    // pdftotext lays the text out in lines: compared with its spaces folded.
    expect(text.replace(/\s+/g, " ")).toContain(minutesText)
    expect(personalIn(text)).toEqual([])
    expect(text).not.toMatch(ulid)
    // English headings are not in the Albanian record.
    expect(text).not.toContain("Action items")
    await page.close()
  })

  it("the locked minutes change by an amendment only, listed after the text", async () => {
    const page = await world.page("coordinator", { path: meetingPath, locale: "en" })
    await page.getByLabel("Reason for the amendment").fill("The visit's date was recorded wrongly")
    await page.getByLabel("Text of the amendment").fill("The joint visit takes place next week.")
    await page.getByRole("button", { name: "Add the amendment" }).click()
    await page.locator(".amendments li").filter({ hasText: "The joint visit takes place next week." }).waitFor()
    expect(await page.getByTestId("minutes-text").first().textContent()).toBe(minutesText)
    for (const size of ["desk", "phone"] as const) {
      await page.setViewportSize(viewports[size])
      await screenshot(page, `meeting-approved-${size}`)
      expect(await seriousViolations(page)).toEqual([])
      if (size === "phone") expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    }
    await expectInEveryLanguage(
      page,
      [meetingPath, `${meetingPath}/print`].map((path) => ({ name: path, path, ready: "[data-testid=minutes-text]" })),
      expectNoIdShown,
    )
    const print = await world.page("coordinator", { path: `${meetingPath}/print`, size: "phone" })
    await print.getByTestId("minutes-text").first().waitFor()
    await untilLoaded(print)
    await screenshot(print, "meeting-print-phone")
    expect(await seriousViolations(print)).toEqual([])
    expect(await horizontalOverflow(print)).toBeLessThanOrEqual(0)
    await print.close()
    await page.close()
  })

  it("keeps no personal value in storage, a URL or a title, and runs under the CSP", async () => {
    await expectNothingPersonalKept(world.gateway, world.browsers())
    expectNoCspViolation(world.browsers())
  })
})
