// The app in Chromium against the real gateway with the demo: each screen at
// desk and phone size, accessible (axe: no serious or critical violation),
// nothing overflowing at 390 px, every screen in all four languages, and no
// personal value of the demo in the browser's storage, a URL or a title.
import { describe, expect, it } from "vitest"
import {
  chooseLanguage,
  horizontalOverflow,
  open,
  screenshot,
  seriousViolations,
  signInWithLink,
  untilLoaded,
  viewports,
} from "./Harness"
import { expectNoCspViolation, expectNothingPersonalKept, personalValues } from "./Privacy"
import { expectAccessible, expectInEveryLanguage, type Screen } from "./Sweep"
import { testWorld } from "./World"

// The case manager signs in in the first test, with the one-time link.
const world = testWorld({ browsers: ["caseManager"] })

/** The screens a case worker reaches, each with what shows it is loaded. */
const screens = (caseLink: () => string): ReadonlyArray<Screen> => [
  { name: "worklist", path: "/", ready: "h1" },
  { name: "cases", path: "/cases", ready: "table" },
  { name: "case", path: caseLink, ready: "#timeline" },
  { name: "referrals", path: "/referrals", ready: ".worklist" },
  { name: "directory", path: "/directory", ready: ".cards" },
]

describe("the app in a browser", () => {
  let caseLink = ""

  it("signs in with the one-time link, shows the worklist and finds a case through the list", async () => {
    const page = await world.browser("caseManager").newPage()
    await signInWithLink(page, world.gateway, "caseManager")
    // The link's token is wiped from the address bar; the person's language (sq) is the page's.
    expect(new URL(page.url()).hash).toBe("")
    await expect.poll(() => page.locator("h1").textContent()).toBe("Detyrat e mia")
    await chooseLanguage(page, "en")
    await page.getByRole("link", { name: "Cases" }).click()
    await page.locator("table").waitFor()
    await page.getByLabel("Risk level").selectOption("high")
    await expect.poll(() => new URL(page.url()).search).toBe("?risk=high")
    // The lead-institution filter lists the mechanism's members by name: the
    // police lead none of the demo's cases, the centre for social work all of them.
    const lead = page.getByLabel("Lead institution")
    await lead.selectOption({ label: "Kosovo Police – Gjilan Regional Directorate" })
    await page.getByText("No cases match.").waitFor()
    expect(await page.locator("tbody tr").count()).toBe(0)
    await lead.selectOption({ label: "Centre for Social Work – Gjilan" })
    await page.locator("tbody tr").first().waitFor()
    const search = new URL(page.url()).searchParams
    expect([search.get("risk"), search.get("lead")?.length]).toEqual(["high", 26])
    const first = page.locator("tbody tr th a").first()
    await first.waitFor()
    caseLink = (await first.getAttribute("href")) as string
    await first.click()
    await page.locator("#timeline").waitFor()
    expect(await page.locator("h1").textContent()).toMatch(/^Case [A-Z]{3}-\d{4}-\d{4}$/)
    await page.close()
  })

  for (const size of ["desk", "phone"] as const) {
    it(`every screen at ${viewports[size].width}×${viewports[size].height}: accessible, nothing overflowing`, async () => {
      const page = await world.page("caseManager", { size, locale: "en" })
      await expectAccessible(
        page,
        screens(() => caseLink),
        size,
      )
      await page.close()
    })
  }

  it("every screen in all four languages, with no missing key and no other language's text", async () => {
    const page = await world.page("caseManager")
    await expectInEveryLanguage(
      page,
      screens(() => caseLink),
    )
    await page.close()
  })

  it("the sign-in page passes axe, remembers the language, and refuses a used link next to the field", async () => {
    const page = await (await world.launch()).newPage("phone")
    await page.goto(world.gateway.url)
    await page.getByTestId("language").selectOption("sr-Cyrl")
    await page.reload()
    await expect.poll(() => page.locator("h1").textContent()).toBe("Пријава")
    await screenshot(page, "sign-in-phone")
    expect(await seriousViolations(page)).toEqual([])
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.getByTestId("language").selectOption("en")
    // The case manager's link was used by the first test: one-time.
    await page.getByLabel("Sign-in link").fill(world.gateway.signInLinks.caseManager as string)
    await page.getByRole("button", { name: "Sign in", exact: true }).click()
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/no longer valid/)
    expect(await page.getByLabel("Sign-in link").getAttribute("aria-invalid")).toBe("true")
  })

  it("an ended session keeps the page and what was typed, and carries on after signing in again", async () => {
    const browser = world.browser("caseManager")
    const page = await world.page("caseManager", { locale: "en" })
    await page.getByRole("link", { name: "Cases" }).click()
    await page.getByLabel("Risk level").selectOption("high")
    await page.locator("tbody tr th a").first().click()
    await page.getByRole("link", { name: "Send a referral" }).click()
    await page.getByLabel("Reason").fill("typed-before-expiry")
    // The session ends (its cookie gone); signing in again elsewhere brings it back.
    const cookies = await browser.context.cookies()
    await browser.context.clearCookies()
    await page.getByLabel("Service type").selectOption("legal-aid")
    await page.getByRole("dialog").waitFor()
    await expect.poll(() => page.getByRole("dialog").textContent()).toContain("Your session has ended")
    expect(await seriousViolations(page)).toEqual([])
    await browser.context.addCookies(cookies)
    await page.getByRole("button", { name: "I have signed in again — continue" }).click()
    await page.getByRole("dialog").waitFor({ state: "detached" })
    expect(await page.getByLabel("Reason").inputValue()).toBe("typed-before-expiry")
    await page.locator('input[name="service"]').first().waitFor()
    await page.close()
  })

  it("shows a person's details only when asked with a purpose, and hides them again", async () => {
    const page = await world.page("caseManager", { path: caseLink, locale: "en" })
    await page.locator("#timeline").waitFor()
    const personal = () =>
      page
        .locator("main")
        .textContent()
        .then((text) => personalValues.filter((value) => (text ?? "").includes(value)))
    expect(await personal()).toEqual([])
    await page.getByRole("button", { name: "Show details" }).first().click()
    await page.getByLabel("What do you need them for?").selectOption("case-management")
    await page.getByRole("button", { name: "Show", exact: true }).click()
    await page.locator("dl.facts[translate=no], .details [role=alert]").first().waitFor()
    expect(await page.locator(".details [role=alert]").count(), (await page.locator("main").textContent()) ?? "").toBe(
      0,
    )
    expect((await personal()).length).toBeGreaterThan(0)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole("button", { name: "Hide details" }).click()
    await page.locator("dl.facts[translate=no]").waitFor({ state: "detached" })
    expect(await personal()).toEqual([])
    await page.close()
  })

  it("a member of a non-signatory institution sees no case data anywhere", async () => {
    // What the case manager (a signatory's) sees: the mechanism's case references.
    const member = await world.page("caseManager", { path: "/cases" })
    await member.locator("tbody tr th a").first().waitFor()
    const references = await member.locator("tbody tr th a").allTextContents()
    await member.close()
    expect(references.length).toBeGreaterThan(0)

    // The school's teacher: its institution has not signed the memorandum.
    const page = await (await world.launch()).newPage()
    await signInWithLink(page, world.gateway, "teacher")
    await chooseLanguage(page, "en")
    const shown: Array<string> = []
    for (const path of ["/", "/cases", caseLink, "/referrals"]) {
      await open(page, world.gateway, path)
      await page.locator("main h1, main [role=alert], main p").first().waitFor()
      await untilLoaded(page)
      shown.push((await page.locator("main").textContent()) ?? "")
    }
    const seen = shown.join("\n")
    expect(references.filter((reference) => seen.includes(reference))).toEqual([])
    expect(await page.locator("#timeline").count()).toBe(0)
    expect(await page.locator("tbody tr").count()).toBe(0)
  })

  it("runs under the CSP: no inline script, no violation reported", () => {
    expectNoCspViolation(world.browsers())
  })

  it("keeps no personal value of the demo in storage, a URL or a title", async () => {
    await expectNothingPersonalKept(world.gateway, world.browsers())
  })
})
