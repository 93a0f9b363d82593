// Issue 16's screens with the keyboard alone — Tab and Shift+Tab to move,
// Enter and Space to press, Home and the arrow keys to choose, a visible
// focus on every control reached, no mouse: a member requests an ad hoc
// meeting; the coordinator builds its agenda, records the attendance and
// writes the minutes; edits a draft plan, adopts it and records a
// measurement; the national coordinator chooses a period and an area of the
// statistics and downloads them; an administrator shows a member's
// representative, records and countersigns a signature of the memorandum,
// invites a person, and makes and revokes an API token. Each outcome is
// checked on the page (and, where the page cannot show it, through the API).
import ExcelJS from "exceljs"
import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { institutions } from "../../../gateway/src/demo/World"
import { seriousViolations, tabTo } from "./Harness"
import { chooseOption, pressOn, shiftTabTo, typeInto } from "./Keyboard"
import { attendanceRows, policeRequest, soonestStart, untilStarted } from "./MeetingStart"
import { testWorld } from "./World"

const world = testWorld({ people: ["policeOfficer", "coordinator", "nationalCoordinator", "administrator"] })

const minute = 60_000
const ulid = /[0-9A-HJKMNP-TV-Z]{26}/

/** A call to the API as the demo's coordinator (its bearer token): what the journey does not do by keyboard. */
const asCoordinator = async (method: string, path: string, body?: unknown, version?: number) => {
  const answer = await fetch(`${world.gateway.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${world.gateway.tokens.coordinator}`,
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      ...(version === undefined ? {} : { "if-match": `"${version}"` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(answer.ok, `${method} ${path}: ${answer.status} ${await answer.clone().text()}`).toBe(true)
  return (await answer.json()) as Record<string, unknown>
}

/** A new page of `who`'s, in English, the focus at the top of the document. */
const keyboardPage = async (who: string, path: string): Promise<Page> => {
  const page = await world.page(who, { path, locale: "en" })
  await page.locator("main h1").first().waitFor()
  // The language was chosen with the mouse's stand-in (selectOption): the keyboard starts afresh from the top.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  return page
}

let meetingPath = ""
let startsAt = new Date(0)

describe("the meetings, with the keyboard alone", () => {
  it("a member requests an ad hoc meeting and is told the coordinator's deadline", async () => {
    const page = await keyboardPage("policeOfficer", "/meetings")
    await pressOn(page, page.getByRole("button", { name: "Request an ad hoc meeting" }))
    await typeInto(page, page.getByLabel("Reason"), "A shared case escalated: the members must agree a plan")
    await chooseOption(page, page.getByLabel("Urgency"), "Urgent")
    await pressOn(page, page.getByRole("button", { name: "Send the request" }))
    await expect
      .poll(() => page.getByTestId("request-deadline").textContent())
      .toMatch(/^Request sent\. The coordinator must schedule the meeting by /)
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it("the coordinator opens the request, schedules it and builds its agenda", async () => {
    const page = await keyboardPage("coordinator", "/meetings")
    const request = await policeRequest(page)
    await pressOn(page, request)
    await page.getByRole("heading", { name: "Ad hoc · Requested" }).waitFor()
    meetingPath = new URL(page.url()).pathname
    const meetingId = meetingPath.split("/")[2] as string
    // Scheduled through the API (a date and time typed into Chromium's own date field depends on its
    // locale's layout): the first whole minute a minute ahead, so that it has started by the attendance.
    const meeting = await asCoordinator("GET", `/v1/meetings/${meetingId}`)
    startsAt = soonestStart()
    await asCoordinator(
      "POST",
      `/v1/meetings/${meetingId}/schedule`,
      {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 90 * minute).toISOString(),
        place: "Municipal hall, room 3",
      },
      meeting.version as number,
    )
    await page.reload()
    await page.getByRole("heading", { name: "Ad hoc · Scheduled" }).waitFor()
    await page.locator("[data-testid=agenda-item]").first().waitFor()

    // A case review left out (its "keep" box unticked with Space), a topic added to the other business.
    const keep = page.locator("[data-key^='case-review:'] input[type=checkbox]").first()
    await pressOn(page, keep, "Space", 200)
    expect(await keep.isChecked()).toBe(false)
    await chooseOption(page, page.getByLabel("Topic's section"), "Other business")
    await typeInto(page, page.getByLabel("New topic", { exact: true }), "Outreach to the schools")
    await pressOn(page, page.getByRole("button", { name: "Add the topic" }))
    await page.locator("[data-testid=agenda-item]", { hasText: "Outreach to the schools" }).waitFor()
    await pressOn(page, page.getByRole("button", { name: "Save the agenda" }))
    await page.getByText("Agenda saved.").waitFor()
    const saved = (await asCoordinator("GET", `/v1/meetings/${meetingId}/agenda`)) as {
      items: Array<{ _tag: string; title?: string }>
      omitted?: Array<string>
    }
    expect(saved.items.some((item) => item._tag === "Topic" && item.title === "Outreach to the schools")).toBe(true)
    expect(saved.omitted?.length).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })
})

describe("the action plan, with the keyboard alone", () => {
  it("the coordinator edits a draft, adopts it and records a measurement", async () => {
    const year = new Date().getFullYear()
    const created = await asCoordinator("POST", "/v1/action-plans", {
      mechanismId: world.gateway.mechanismId,
      title: "Keyboard plan",
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      objectives: [{ code: "1", title: "Raise awareness", pillar: "awareness-prevention" }],
      activities: [
        {
          objective: "1",
          title: "Leaflets at the health centre",
          responsible: institutions.health.id,
          partners: [],
          quarters: [`${year}-Q4`],
          weight: 1,
        },
      ],
      indicators: [
        {
          objective: "1",
          title: "Residents who know where to report",
          unit: "percent",
          baseline: { value: 40, date: `${year - 1}-12-15`, source: "Baseline survey" },
          target: 70,
        },
      ],
    })
    const page = await keyboardPage("coordinator", `/plans/${created.id}`)
    await page.getByTestId("plan-status").waitFor()

    await pressOn(page, page.getByRole("button", { name: "Edit the draft" }))
    await typeInto(page, page.getByLabel("Target", { exact: true }), "80", 200)
    await typeInto(page, page.getByLabel("Why it changes (optional)"), "Agreed with the members")
    // Back up to the title, as someone checking what they typed would.
    await shiftTabTo(page, page.getByLabel("Title of the plan"), 200)
    await page.keyboard.press("End")
    await page.keyboard.type(", revised")
    await pressOn(page, page.getByRole("button", { name: "Save the draft" }), "Enter", 200)
    await page.getByRole("button", { name: "Save the draft" }).waitFor({ state: "detached" })
    await expect.poll(() => page.getByTestId("plan-history").textContent()).toContain("Agreed with the members")
    await expect.poll(() => page.locator("main h1").textContent()).toBe("Keyboard plan, revised")

    await pressOn(page, page.getByRole("button", { name: "Adopt the plan" }))
    await page.getByTestId("plan-status").filter({ hasText: "Adopted" }).waitFor()
    const measurement = page.getByRole("form", { name: "Record a measurement" })
    await typeInto(page, measurement.getByLabel(/^Value/), "55", 200)
    await typeInto(page, measurement.getByLabel("Source"), "Survey in the autumn")
    await pressOn(page, measurement.getByRole("button", { name: "Record a measurement" }))
    await expect.poll(() => page.getByTestId("chart-indicator-0").getAttribute("data-values")).toBe("40,80,55")
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })
})

describe("the statistics, with the keyboard alone", () => {
  it("the national coordinator chooses a quarter and the mechanism, and downloads the tables", async () => {
    const page = await keyboardPage("nationalCoordinator", "/statistics")
    await page.locator("[data-table]").first().waitFor()
    const quarter = Math.floor(new Date().getMonth() / 3) + 1
    await chooseOption(page, page.getByLabel("Period"), new RegExp(`Q${quarter}`))
    await chooseOption(page, page.getByLabel("Area"), /Gjilan/)
    const xlsx = page.getByTestId("xlsx")
    await expect.poll(() => xlsx.getAttribute("href")).toMatch(/mechanismId=/)
    const href = new URL((await xlsx.getAttribute("href")) as string, world.gateway.url)
    expect(href.searchParams.get("from")).toMatch(new RegExp(`^\\d{4}-${String(quarter * 3 - 2).padStart(2, "0")}-01`))
    expect(href.searchParams.get("mechanismId")).toBe(world.gateway.mechanismId)
    await tabTo(page, xlsx)
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    expect(workbook.worksheets.length).toBeGreaterThan(5)
    expect(new URL(download.url()).searchParams.get("mechanismId")).toBe(world.gateway.mechanismId)
    await page.close()
  })
})

describe("administration, with the keyboard alone", () => {
  it("shows and hides a member's representative", async () => {
    const page = await keyboardPage("administrator", "/admin/members")
    await page.locator(".worklist .item").first().waitFor()
    await pressOn(page, page.getByRole("button", { name: "Show the representative" }).first())
    const shown = page.locator(".worklist .item dl.facts").first()
    await shown.waitFor()
    expect(await shown.textContent()).toMatch(/Representative/)
    await pressOn(page, page.getByRole("button", { name: "Hide the representative" }).first())
    await shown.waitFor({ state: "detached" })
    await page.close()
  })

  it("records the school's signature of the memorandum and countersigns it", async () => {
    const school = institutions.education.name.en
    const page = await keyboardPage("administrator", "/admin/memorandum")
    const latest = page.locator("section[aria-labelledby^=memorandum-]").first()
    await latest.locator("table").waitFor()
    await pressOn(page, latest.locator("summary", { hasText: "Record a signature" }))
    await chooseOption(page, latest.getByLabel("Institution"), school)
    await typeInto(page, latest.getByLabel("Who signed (kept sealed)"), "Dragan Petrović")
    await pressOn(page, latest.getByRole("button", { name: "Record a signature" }))
    const countersign = latest.getByRole("button", { name: `Countersign the signature of ${school}` })
    await countersign.waitFor()
    await pressOn(page, countersign, "Enter", 200)
    await countersign.waitFor({ state: "detached" })
    await expect
      .poll(() => latest.locator("tbody tr", { hasText: school }).locator("td").nth(1).textContent())
      .toMatch(/\d{4}/)
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it("invites a person and shows the invitation's one-time link", async () => {
    const page = await keyboardPage("administrator", "/admin/people")
    await page.locator(".worklist .item").first().waitFor()
    const form = page.getByRole("form", { name: "Invite a person" })
    await typeInto(page, form.getByLabel("Name"), "Besa Keyboard", 300)
    await typeInto(page, form.getByLabel("Email"), "besa.keyboard@gjilan.example")
    await chooseOption(page, form.getByLabel("Institution"), institutions.shelter.name.en)
    await pressOn(page, form.getByRole("checkbox", { name: "Case worker" }), "Space")
    await pressOn(page, form.getByRole("button", { name: "Invite a person" }))
    const link = page.locator("section[aria-labelledby=invite] .secret code")
    await link.waitFor()
    expect(await link.textContent()).toMatch(/\/invitation#token=/)
    await page.locator(".worklist .item", { hasText: "Besa Keyboard" }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it("makes an API token, its secret shown once, and revokes it", async () => {
    const page = await keyboardPage("administrator", "/admin/tokens")
    const form = page.getByRole("form", { name: "Make a token" })
    await typeInto(page, form.getByLabel("Label"), "keyboard-connector", 200)
    await chooseOption(page, form.getByLabel("Institution"), institutions.police.name.en)
    await pressOn(page, form.getByRole("button", { name: "Make a token" }))
    const secret = page.locator(".secret code")
    await secret.waitFor()
    expect(await secret.textContent()).toMatch(/^bsk_/)
    const row = page.locator("tbody tr", { hasText: "keyboard-connector" })
    await row.waitFor()
    expect(await row.textContent()).not.toMatch(ulid)
    // Revoke sits above the form: back up to it.
    await shiftTabTo(page, row.getByRole("button", { name: "Revoke keyboard-connector" }), 200)
    await page.keyboard.press("Enter")
    await expect.poll(() => row.textContent()).toMatch(/Revoked on/)
    await page.close()
  })
})

describe("the meeting, once started, with the keyboard alone", () => {
  it("the coordinator records the attendance and writes the minutes", async () => {
    // Scheduled a minute or two ahead before the plan, statistics and administration: started by now, as a rule.
    await untilStarted(startsAt)
    const page = await keyboardPage("coordinator", meetingPath)
    const { rows, count } = await attendanceRows(page)
    // Every member present, the last excused.
    for (let at = 0; at < count; at++) {
      const presence = rows.nth(at).locator("select").first()
      await chooseOption(page, presence, at === count - 1 ? "Excused" : "Present", 200)
    }
    await expect.poll(() => page.getByTestId("quorum").textContent()).toMatch(/^Quorum met/)
    await pressOn(page, page.getByRole("button", { name: "Record the meeting as held" }))
    await page.getByRole("heading", { name: "Ad hoc · Held" }).waitFor()

    await typeInto(page, page.getByLabel("Text of the minutes"), "The members agreed a joint visit.", 200)
    await pressOn(page, page.getByRole("button", { name: "Save the draft" }))
    await page.getByText("Draft saved (revision 1).").waitFor()
    await page.getByRole("heading", { name: "Ad hoc · Minutes drafted" }).waitFor()
    const stored = await asCoordinator("GET", `/v1/meetings/${meetingPath.split("/")[2]}`)
    expect(stored.status).toBe("minutes-drafted")
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })
})
