// Issue 16's action plan and statistics in Chromium on the real gateway with
// the demo: (1) the coordinator drafts a plan, edits the draft (a target over
// 100 % refused beside the field, then saved with its reason into the draft's
// history), finds an edit after adoption refused with the API's localized
// problem beside the field it changed, adopts, completes an activity and
// records measurements (one outside its unit refused beside the value) and
// sees the implementation and indicator charts change; (2) the national coordinator sees every
// mechanism's tables with small cells hidden and the note why, and downloads
// an XLSX read back with exceljs whose small counts are hidden and which holds
// no name; (3) every new screen at 1280×800 and 390×844 (axe: no serious or
// critical violation, nothing overflowing on the phone) and in all four
// languages.
import { JurisdictionProfile } from "@bashke/kernel"
import { ReportLabels } from "@bashke/reporting"
import ExcelJS from "exceljs"
import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { horizontalOverflow, screenshot, seriousViolations, tabTo, untilLoaded, viewports } from "./Harness"
import { expectNoCspViolation, personalIn } from "./Privacy"
import { expectAccessible, expectInEveryLanguage, type Screen } from "./Sweep"
import { testWorld } from "./World"

const world = testWorld({ people: ["coordinator", "nationalCoordinator"] })

const valuesOf = (page: Page, chart: string) => page.getByTestId(chart).getAttribute("data-values")

let planPath = ""

describe("the local action plan", () => {
  it("the coordinator drafts a plan, edits the draft, is refused an edit after adoption, adopts it, records progress and sees the charts change", async () => {
    const page = await world.page("coordinator", { locale: "en" })
    await page.getByRole("link", { name: "Action plan" }).click()
    await page.getByRole("heading", { name: "Local action plans" }).waitFor()
    await page.getByRole("link", { name: "Draft a plan" }).click()
    await page.getByLabel("Title of the plan").fill("Journey plan")
    await page.getByLabel("Objective", { exact: true }).fill("Raise awareness")
    await page.getByLabel("Pillar").selectOption("awareness-prevention")
    await page.getByRole("button", { name: "Add an activity" }).click()
    await page.getByLabel("Activity", { exact: true }).fill("Campaign in schools")
    const responsible = page.getByLabel("Responsible institution")
    await responsible.selectOption({ index: 1 })
    // Institutions are chosen by name, never by id.
    const chosen = await responsible.locator("option:checked").textContent()
    expect(chosen).not.toMatch(/^[0-9A-Z]{26}$/)
    await page.getByRole("button", { name: "Add an indicator" }).click()
    await page.getByLabel("Indicator", { exact: true }).fill("Residents who know where to report")
    await page.getByLabel("Baseline", { exact: true }).fill("40")
    await page.getByLabel("Source of the baseline").fill("Baseline survey")
    await page.getByLabel("Target", { exact: true }).fill("70")
    await page.getByRole("button", { name: "Create the draft" }).click()
    await page.waitForURL(/\/plans\/[0-9A-Z]{26}$/)
    planPath = new URL(page.url()).pathname
    await page.getByTestId("plan-status").waitFor()
    expect(await page.getByTestId("plan-status").textContent()).toBe("Draft")
    expect(await page.locator("main").textContent()).toContain(chosen ?? "")

    // Edit the draft: a target over 100 % is the API's to refuse, beside the field, in English.
    await page.getByRole("button", { name: "Edit the draft" }).click()
    await page.getByLabel("Target", { exact: true }).fill("130")
    await page.getByRole("button", { name: "Save the draft" }).click()
    const targetError = page.locator("#error-indicators-0-target")
    await targetError.waitFor()
    expect(await targetError.textContent()).toMatch(/100/)
    expect(await page.getByLabel("Target", { exact: true }).getAttribute("aria-invalid")).toBe("true")
    expect(await seriousViolations(page)).toEqual([])
    await page.getByLabel("Target", { exact: true }).fill("75")
    await page.getByLabel("Why it changes (optional)").fill("Agreed with the police")
    await page.getByRole("button", { name: "Save the draft" }).click()
    await page.getByRole("button", { name: "Save the draft" }).waitFor({ state: "detached" })
    // The previous value is kept in the draft's history.
    const history = page.getByTestId("plan-history")
    await history.waitFor()
    expect(await history.textContent()).toContain("Version 1")
    expect(await history.textContent()).toContain("Reason: Agreed with the police")
    await expect.poll(() => valuesOf(page, "chart-indicator-0")).toBe("40,75,-")

    // Someone adopts the plan while the form is open: the edit is refused, and after a reload the API says why.
    await page.getByRole("button", { name: "Edit the draft" }).click()
    await page.getByLabel("Title of the plan").fill("Journey plan, changed after adoption")
    const api = `${world.gateway.url}/v1/action-plans/${planPath.split("/").at(-1)}`
    const token = world.gateway.tokens.coordinator as string
    const adopted = await fetch(`${api}/transitions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "if-match": '"2"',
        "idempotency-key": crypto.randomUUID(),
      },
      body: JSON.stringify({ command: "adopt" }),
    })
    expect(adopted.status, await adopted.clone().text()).toBe(200)
    await page.getByRole("button", { name: "Save the draft" }).click()
    await page.getByRole("button", { name: "Reload" }).click()
    await page.getByTestId("plan-status").filter({ hasText: "Adopted" }).waitFor()
    await page.getByRole("button", { name: "Save the draft" }).click()
    // The API names the field this edit changes (the title): its problem shows beside it, not above the form.
    const refusal = page.locator("#error-title")
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(/adopted/i)
    const title = page.getByLabel("Title of the plan")
    expect(await title.getAttribute("aria-invalid")).toBe("true")
    expect((await title.getAttribute("aria-describedby"))?.split(" ")).toContain("error-title")
    expect(await page.locator(".plan-form > [role=alert]").count()).toBe(0)
    expect(await title.inputValue()).toBe("Journey plan, changed after adoption")
    await screenshot(page, "plan-edit-after-adoption-refusal-desk")
    const stored = await (await fetch(api, { headers: { authorization: `Bearer ${token}` } })).json()
    expect(stored).toMatchObject({ title: "Journey plan", status: "adopted", version: 3 })
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole("button", { name: "Cancel" }).click()

    // Progress: nothing completed yet, then the campaign completed — the implementation chart moves.
    await expect.poll(() => valuesOf(page, "chart-by-pillar")).toBe("0,-,-")
    const activity = page.getByRole("form", { name: "Campaign in schools" })
    await activity.getByLabel("Status").selectOption("completed")
    await activity.getByRole("button", { name: "Save the status" }).click()
    await expect.poll(() => valuesOf(page, "chart-by-pillar")).toBe("1,-,-")
    expect(await page.getByTestId("implementation-level").textContent()).toBe("Implementation level: 100%")
    expect(await page.locator("#chart-by-pillar-caption + .chart-body table").textContent()).toContain("100%")

    // A measurement outside its unit (a percent over 100) is refused beside the value; one inside is drawn.
    const measurement = page.getByRole("form", { name: "Record a measurement" })
    await measurement.getByLabel(/^Value/).fill("140")
    await measurement.getByLabel("Source").fill("Survey")
    await measurement.getByRole("button", { name: "Record a measurement" }).click()
    const valueError = measurement.locator("[id$=measurement-value][role=alert]")
    await valueError.waitFor()
    expect(await valueError.textContent()).toMatch(/100/)
    expect(await valuesOf(page, "chart-indicator-0")).toBe("40,75,-")
    await measurement.getByLabel(/^Value/).fill("55")
    await measurement.getByRole("button", { name: "Record a measurement" }).click()
    await expect.poll(() => valuesOf(page, "chart-indicator-0")).toBe("40,75,55")
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "plan-monitored-desk")
    await page.close()
  })
})

describe("the statistics", () => {
  it("the national coordinator sees every mechanism's tables, small cells hidden and why, and downloads them as XLSX", async () => {
    const page = await world.page("nationalCoordinator", { locale: "en" })
    await page.getByRole("link", { name: "Statistics" }).click()
    await page.locator("[data-table=incidents-by-place]").waitFor()
    await untilLoaded(page)
    const marker = ReportLabels.suppressed("en")
    const threshold = JurisdictionProfile.kosovo.statistics.smallCellThreshold.value
    expect(await page.getByTestId("suppression-why").textContent()).toContain(String(threshold))
    expect(await page.locator("td.suppressed").count()).toBeGreaterThan(0)
    // No count under the threshold is shown in any count table (meetings and hours are not counts of people).
    const counts = (await page.locator("[data-kind=CountTable] table td").allTextContents()).map((text) => Number(text))
    expect(counts.length).toBeGreaterThan(20)
    expect(counts.filter((n) => Number.isInteger(n) && n > 0 && n < threshold)).toEqual([])
    const main = (await page.locator("main").textContent()) ?? ""
    expect(personalIn(main)).toEqual([])

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("xlsx").click()])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    expect(workbook.worksheets.length).toBeGreaterThan(5)
    // Count tables end with a total column; their value cells (rows 4 on, columns 2 on) hold counts or the marker.
    const total = ReportLabels.total("en")
    const counted: Array<ExcelJS.CellValue> = []
    for (const sheet of workbook.worksheets) {
      const header = sheet.getRow(3).values as Array<ExcelJS.CellValue>
      if (header.at(-1) !== total) continue
      sheet.eachRow((row, index) => {
        if (index >= 4) row.eachCell((cell, column) => column > 1 && counted.push(cell.value))
      })
    }
    expect(counted.filter((value) => value === marker).length).toBeGreaterThan(0)
    const small = counted.filter((value) => typeof value === "number" && value > 0 && value < threshold)
    expect(small).toEqual([])
    expect(workbook.worksheets.some((sheet) => (sheet.getCell("A1").value as string).includes("place"))).toBe(true)
    const text = workbook.worksheets
      .flatMap((sheet) => sheet.getSheetValues().flat(2))
      .map(String)
      .join("\n")
    expect(personalIn(text)).toEqual([])
    expect(new URL(download.url()).searchParams.get("mechanismId")).toBeNull()
    await page.close()
  })
})

describe("the statistics on a phone", () => {
  it("are a short list of the tables, each opened from its heading by keyboard, its table scrolling in a labelled region", async () => {
    const page = await world.page("nationalCoordinator", { size: "phone", locale: "en", path: "/statistics" })
    await page.locator("[data-table=incidents-by-place]").waitFor()
    await untilLoaded(page)
    // Closed at first: the page is a list of headings (it was ~16,600 px long with every table open).
    const length = await page.evaluate(() => document.documentElement.scrollHeight)
    expect(length).toBeLessThanOrEqual(4_000)
    const place = page.locator("[data-table=incidents-by-place]")
    const opener = place.getByRole("button")
    expect(await opener.getAttribute("aria-expanded")).toBe("false")
    expect(await place.locator("table").isVisible()).toBe(false)
    await tabTo(page, opener)
    await page.keyboard.press("Enter")
    expect(await opener.getAttribute("aria-expanded")).toBe("true")
    await place.locator("table").waitFor()
    // The table scrolls sideways inside a region the keyboard reaches, named by the table's heading.
    const region = place.locator(".chart-table")
    expect(await region.getAttribute("tabindex")).toBe("0")
    expect(await region.getAttribute("aria-labelledby")).toMatch(/./)
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "statistics-phone-one-open")
    await page.keyboard.press("Enter")
    expect(await place.locator("table").isVisible()).toBe(false)
    await page.close()
  })
})

/** The new screens, by whose browser shows them, each with what shows it is loaded. */
const screens = (): ReadonlyArray<readonly [string, ReadonlyArray<Screen>]> => [
  [
    "coordinator",
    [
      { name: "plans", path: "/plans", ready: "[data-testid=plans]" },
      { name: "plan-new", path: "/plans/new", ready: "form.plan-form" },
      { name: "plan", path: planPath, ready: "[data-testid=chart-by-pillar]" },
      { name: "statistics-coordinator", path: "/statistics", ready: "[data-table]" },
    ],
  ],
  ["nationalCoordinator", [{ name: "statistics-national", path: "/statistics", ready: "[data-table]" }]],
]

describe("the new screens", () => {
  for (const size of ["desk", "phone"] as const) {
    it(`at ${viewports[size].width}×${viewports[size].height}: accessible, nothing overflowing`, async () => {
      for (const [who, shown] of screens()) {
        const page = await world.page(who, { size, locale: "en" })
        await expectAccessible(page, shown, size)
        await page.close()
      }
    })
  }

  it("in all four languages, with no missing key and no other language's text", async () => {
    for (const [who, shown] of screens()) {
      const page = await world.page(who)
      await expectInEveryLanguage(page, shown)
      await page.close()
    }
  })

  it("runs under the CSP: no inline style or script refused", () => {
    expectNoCspViolation(world.browsers())
  })
})
