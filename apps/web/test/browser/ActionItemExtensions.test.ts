// Issue 18's extension of an action item's due date, in Chromium against the
// real gateway with the demo: the coordinator, with the keyboard alone, opens
// the form below the case-linked action item of a held meeting, is refused
// beside the reason while it has none (nothing sent), then extends the due
// date with one — sent with the item's version (If-Match) and an
// Idempotency-Key — and sees the extension below the item; a second
// extension made meanwhile by the owner through the API makes the page's
// version stale, and the form says so. The case worker of the linked case
// sees the extension, with its reason, in the case's timeline. The meeting
// and case screens without serious or critical axe violations at desk and
// phone width, and in the four languages without foreign text.
import { Locale } from "@bashke/kernel"
import type { Page } from "playwright-core"
import { beforeAll, describe, expect, it } from "vitest"
import {
  type Browser,
  type Gateway,
  horizontalOverflow,
  open,
  screenshot,
  seriousViolations,
  tabTo,
  untilLoaded,
} from "./Harness"
import { shiftTabTo } from "./Keyboard"
import { languageProblems } from "./Languages"
import { testWorld } from "./World"

let gateway: Gateway
let coordinator: Browser
let caseWorker: Browser

const world = testWorld({ people: ["coordinator", "caseManager"] })

/** The API as a demo person with a token (for what the test arranges, not what it checks). */
const call = async (who: string, method: string, path: string, body?: unknown, ifMatch?: string) => {
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${gateway.tokens[who]}`,
      "content-type": "application/json",
      ...(method === "GET" ? {} : { "idempotency-key": crypto.randomUUID() }),
      ...(ifMatch === undefined ? {} : { "if-match": ifMatch }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return { body: (await response.json()) as Record<string, unknown>, etag: response.headers.get("etag") ?? "" }
}

const inEnglish = async (page: Page, path: string) => {
  await open(page, gateway, path)
  await page.getByTestId("language").selectOption("en")
  await page.locator('html[lang="en"]').waitFor()
  await untilLoaded(page)
}

/** Accessible at both sizes, nothing overflowing at phone width, and in each of the four languages. */
const checkScreen = async (page: Page, name: string) => {
  await untilLoaded(page)
  expect(await seriousViolations(page), name).toEqual([])
  await screenshot(page, name)
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await horizontalOverflow(page), `${name} at 390 px`).toBeLessThanOrEqual(0)
  expect(await seriousViolations(page), `${name} at 390 px`).toEqual([])
  await screenshot(page, name)
  await page.setViewportSize({ width: 1280, height: 800 })
  for (const locale of Locale.all) {
    await page.getByTestId("language").selectOption(locale)
    await page.locator(`html[lang="${locale}"]`).waitFor()
    await untilLoaded(page)
    expect(await languageProblems(page, locale), `${name} in ${locale}`).toEqual({ keys: [], foreign: [] })
  }
  await page.getByTestId("language").selectOption("en")
  await page.locator('html[lang="en"]').waitFor()
}

/**
 * Types a calendar day into the focused date field with the keyboard. The
 * field's layout is Chromium's own (not the page's language): a probe typed
 * first tells whether the month or the day comes first, then Shift+Tab goes
 * back to the first part and the day is typed over it.
 */
const typeDay = async (page: Page, day: string) => {
  const [year, month, date] = day.split("-") as [string, string, string]
  for (const part of ["11", "12", "2033"]) await page.keyboard.type(part)
  const probed = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? "")
  if (probed !== "2033-11-12" && probed !== "2033-12-11") throw new Error(`a date field laid out as ${probed}`)
  const monthFirst = probed === "2033-11-12"
  await page.keyboard.press("Shift+Tab")
  await page.keyboard.press("Shift+Tab")
  for (const part of monthFirst ? [month, date, year] : [date, month, year]) await page.keyboard.type(part)
}

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

let meetingId = ""
let caseId = ""
let itemId = ""
const reason = "The police need the court's confirmation; the order is served next month."

beforeAll(async () => {
  gateway = world.gateway
  coordinator = world.browser("coordinator")
  caseWorker = world.browser("caseManager")
  const mechanisms = (await call("coordinator", "GET", "/v1/me")).body.mechanisms as Array<string>
  const open = (await call("coordinator", "GET", `/v1/mechanisms/${mechanisms[0]}/action-items`)).body.items as Array<{
    id: string
    meetingId: string
    link?: { _tag: string; caseId?: string }
  }>
  const linked = open.find((item) => item.link?._tag === "case")
  meetingId = linked?.meetingId ?? ""
  caseId = linked?.link?.caseId ?? ""
  itemId = linked?.id ?? ""
})

describe("extending an action item's due date in the browser", () => {
  it("the coordinator extends a case-linked item by keyboard: refused beside the reason without one, then shown below the item", async () => {
    const page = await coordinator.newPage()
    await inEnglish(page, `/meetings/${meetingId}`)
    await page.getByRole("heading", { name: "Action items" }).waitFor()
    const item = page.locator('[data-testid="action-items"] li').filter({ hasText: "protection order was served" })
    const extend = item.getByRole("button", { name: "Extend the due date" })
    await extend.waitFor()
    const sent: Array<Record<string, string>> = []
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/extensions")) sent.push(request.headers())
    })

    await tabTo(page, extend, 200)
    await page.keyboard.press("Enter")
    expect(await extend.getAttribute("aria-expanded")).toBe("true")
    const dueDate = item.getByLabel("New due date")
    await tabTo(page, dueDate, 5)
    const later = dayFromNow(40)
    await typeDay(page, later)
    expect(await dueDate.inputValue()).toBe(later)
    const save = item.getByRole("button", { name: "Save the extension" })
    await tabTo(page, save, 5)
    await page.keyboard.press("Enter")
    const refusal = page.locator(`#error-extend-${itemId}-reason`)
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(/reason/i)
    expect(await item.getByLabel("Reason for the extension").getAttribute("aria-invalid")).toBe("true")
    expect(sent).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, "extension-refused")

    // The focus is still on the button: back to the reason.
    await shiftTabTo(page, item.getByLabel("Reason for the extension"), 5)
    await page.keyboard.type(reason)
    await tabTo(page, save, 5)
    await page.keyboard.press("Enter")
    await item.getByText("The due date was extended.").waitFor()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.["if-match"]).toMatch(/^"\d+"$/)
    expect(sent[0]?.["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/)
    const history = item.locator('[data-testid="extensions"] li')
    await expect.poll(() => history.count()).toBe(1)
    const entry = (await history.first().textContent()) ?? ""
    expect(entry).toContain(reason)
    expect(entry).toMatch(/^From .+ to .+/)
    // Who extended it, by name: the coordinator's institution, not the item's owner.
    expect(entry).toContain("Municipality of Gjilan")
    const extended = await call("coordinator", "GET", `/v1/action-items/${itemId}/extensions`)
    expect((extended.body.items as Array<{ dueDate: string }>).map((each) => each.dueDate)).toEqual([later])
    await checkScreen(page, "meeting-extension")

    // The owner extends it again through the API: the page's version is now stale, and the form says so.
    const current = await call("coordinator", "GET", `/v1/meetings/${meetingId}/action-items`)
    const version = (current.body.items as Array<{ id: string; version: number }>).find((each) => each.id === itemId)
    await call(
      "policeOfficer",
      "POST",
      `/v1/action-items/${itemId}/extensions`,
      { dueDate: dayFromNow(60), reason: "Agreed with the court on the phone." },
      `"${version?.version}"`,
    )
    await tabTo(page, dueDate, 200)
    await typeDay(page, dayFromNow(70))
    await tabTo(page, item.getByLabel("Reason for the extension"), 5)
    await page.keyboard.type("One more week for the report.")
    await tabTo(page, save, 5)
    await page.keyboard.press("Enter")
    await item.getByText("Someone changed this in the meantime.", { exact: false }).waitFor()
    expect(sent).toHaveLength(2)
    await page.close()
  })

  it("the case worker sees the extension, with its reason, in the linked case's timeline", async () => {
    const page = await caseWorker.newPage()
    await inEnglish(page, `/cases/${caseId}`)
    await page.locator("#timeline").waitFor()
    const timeline = page.locator("#timeline ~ ol")
    await expect.poll(() => timeline.textContent()).toContain("An action item's due date was extended")
    await expect.poll(() => timeline.textContent()).toContain(reason)
    await expect.poll(() => timeline.textContent()).toContain("Agreed with the court on the phone.")
    await checkScreen(page, "case-timeline-extension")
    await page.close()
  })
})
