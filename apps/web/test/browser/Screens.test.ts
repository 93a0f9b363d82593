// The app in Chromium against the real gateway with the demo: each screen at
// desk and phone size, accessible (axe: no serious or critical violation),
// nothing overflowing at 390 px, every screen in all four languages, and no
// personal value of the demo in the browser's storage, a URL or a title.
import { readFileSync } from "node:fs"
import type { Locale } from "@bashke/kernel"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { personalValues } from "../../../gateway/test/support/DemoPersonalData"
import {
  type Browser,
  type Gateway,
  horizontalOverflow,
  launch,
  open,
  screenshot,
  seriousViolations,
  signInWithLink,
  startGateway,
  storedText,
  untilLoaded,
  viewports,
} from "./Harness"
import { languageProblems } from "./Languages"

let gateway: Gateway
let browser: Browser

beforeAll(async () => {
  gateway = await startGateway()
  browser = await launch()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await gateway?.close()
})

// The staff's names (the demo people's accounts) are personal too.
const staffNames = [
  ...readFileSync(new URL("../../../gateway/src/demo/PeopleDemo.ts", import.meta.url), "utf8").matchAll(
    /displayName: "([^"]+)"/g,
  ),
].map((match) => match[1] as string)

const chooseLanguage = async (page: Page, locale: Locale.Locale) => {
  await page.getByTestId("language").selectOption(locale)
  await page.locator(`html[lang="${locale}"]`).waitFor()
}

/** The screens a case worker reaches, each with what shows it is loaded. */
const screens = (caseLink: () => string) =>
  [
    { name: "worklist", path: () => "/", ready: "h1" },
    { name: "cases", path: () => "/cases", ready: "table" },
    { name: "case", path: caseLink, ready: "#timeline" },
    { name: "referrals", path: () => "/referrals", ready: ".worklist" },
    { name: "directory", path: () => "/directory", ready: ".cards" },
  ] as const

describe("the app in a browser", () => {
  let caseLink = ""

  it("signs in with the one-time link, shows the worklist and finds a case through the list", async () => {
    const page = await browser.newPage()
    await signInWithLink(page, gateway, "caseManager")
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
      const page = await browser.newPage(size)
      await open(page, gateway, "/")
      await chooseLanguage(page, "en")
      for (const screen of screens(() => caseLink)) {
        await page.evaluate((path) => {
          history.pushState(null, "", path)
          dispatchEvent(new PopStateEvent("popstate"))
        }, screen.path())
        await page.locator(screen.ready).first().waitFor()
        await screenshot(page, `${screen.name}-${size}`)
        expect(await seriousViolations(page), screen.name).toEqual([])
        if (size === "phone") expect(await horizontalOverflow(page), screen.name).toBeLessThanOrEqual(0)
      }
      await page.close()
    })
  }

  it("every screen in all four languages, with no missing key and no other language's text", async () => {
    const page = await browser.newPage()
    await open(page, gateway, "/")
    for (const locale of ["sq", "sr-Latn", "sr-Cyrl", "en"] as const) {
      await chooseLanguage(page, locale)
      for (const screen of screens(() => caseLink)) {
        await page.evaluate((path) => {
          history.pushState(null, "", path)
          dispatchEvent(new PopStateEvent("popstate"))
        }, screen.path())
        await page.locator(screen.ready).first().waitFor()
        await untilLoaded(page)
        expect(await languageProblems(page, locale), `${screen.name} in ${locale}`).toEqual({ keys: [], foreign: [] })
      }
    }
    await page.close()
  })

  it("the sign-in page passes axe, remembers the language, and refuses a used link next to the field", async () => {
    const fresh = await launch()
    try {
      const page = await fresh.newPage("phone")
      await page.goto(gateway.url)
      await page.getByTestId("language").selectOption("sr-Cyrl")
      await page.reload()
      await expect.poll(() => page.locator("h1").textContent()).toBe("Пријава")
      await screenshot(page, "sign-in-phone")
      expect(await seriousViolations(page)).toEqual([])
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
      await page.getByTestId("language").selectOption("en")
      // The case manager's link was used by the first test: one-time.
      await page.getByLabel("Sign-in link").fill(gateway.signInLinks.caseManager as string)
      await page.getByRole("button", { name: "Sign in", exact: true }).click()
      await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/no longer valid/)
      expect(await page.getByLabel("Sign-in link").getAttribute("aria-invalid")).toBe("true")
    } finally {
      await fresh.close()
    }
  })

  it("an ended session keeps the page and what was typed, and carries on after signing in again", async () => {
    const page = await browser.newPage()
    await open(page, gateway, "/")
    await page.getByTestId("language").selectOption("en")
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
    const page = await browser.newPage()
    await open(page, gateway, caseLink)
    await page.getByTestId("language").selectOption("en")
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
    const member = await browser.newPage()
    await open(member, gateway, "/cases")
    await member.locator("tbody tr th a").first().waitFor()
    const references = await member.locator("tbody tr th a").allTextContents()
    await member.close()
    expect(references.length).toBeGreaterThan(0)

    // The school's teacher: its institution has not signed the memorandum.
    const school = await launch()
    try {
      const page = await school.newPage()
      await signInWithLink(page, gateway, "teacher")
      await chooseLanguage(page, "en")
      const shown: Array<string> = []
      for (const path of ["/", "/cases", caseLink, "/referrals"]) {
        await page.goto(`${gateway.url}${path}`)
        await page.getByRole("navigation").waitFor()
        await page.locator("main h1, main [role=alert], main p").first().waitFor()
        await untilLoaded(page)
        shown.push((await page.locator("main").textContent()) ?? "")
      }
      const seen = shown.join("\n")
      expect(references.filter((reference) => seen.includes(reference))).toEqual([])
      expect(await page.locator("#timeline").count()).toBe(0)
      expect(await page.locator("tbody tr").count()).toBe(0)
    } finally {
      await school.close()
    }
  })

  it("runs under the CSP: no inline script, no violation reported", () => {
    expect(browser.errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([])
  })

  it("keeps no personal value of the demo in storage, a URL or a title", async () => {
    const page = await browser.newPage()
    await open(page, gateway, "/")
    const stored = await storedText(page)
    const seen = [stored, ...browser.urls, ...browser.titles].join("\n")
    const personal = [...personalValues, ...staffNames]
    expect(personalValues.length).toBeGreaterThan(5)
    expect(staffNames).toContain("Teuta Morina")
    expect(personal.filter((value) => seen.includes(value))).toEqual([])
    expect(browser.urls.length).toBeGreaterThan(10)
    await page.close()
  })
})
