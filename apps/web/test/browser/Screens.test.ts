// The app in Chromium against the real gateway with the demo: each screen at
// desk and phone size, accessible (axe: no serious or critical violation),
// nothing overflowing at 390 px, every screen in all four languages, and no
// personal value of the demo in the browser's storage, a URL or a title.
import type { Locale } from "@bashke/kernel"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { personalValues } from "../../../gateway/test/support/DemoPersonalData"
import {
  type Browser,
  type Gateway,
  horizontalOverflow,
  launch,
  screenshot,
  seriousViolations,
  startGateway,
  storedText,
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

/** Signs in through the sign-in form, as the demo person `who`. */
const signIn = async (page: Page, who: string, path = "/") => {
  await page.goto(`${gateway.url}${path}`)
  await page.getByLabel(/access key|çelësi|ključ/i).fill(gateway.tokens[who] as string)
  await page.getByRole("button", { name: /sign in|hyr|prijavi/i }).click()
  await page.getByRole("navigation").waitFor()
}

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

  it("signs in, shows the worklist and finds a case through the list", async () => {
    const page = await browser.newPage()
    await signIn(page, "caseManager")
    await expect.poll(() => page.locator("h1").textContent()).toBe("Detyrat e mia")
    await chooseLanguage(page, "en")
    await page.getByRole("link", { name: "Cases" }).click()
    await page.locator("table").waitFor()
    await page.getByLabel("Risk level").selectOption("high")
    await expect.poll(() => new URL(page.url()).search).toBe("?risk=high")
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
      await signIn(page, "caseManager")
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
    await signIn(page, "caseManager")
    for (const locale of ["sq", "sr-Latn", "sr-Cyrl", "en"] as const) {
      await chooseLanguage(page, locale)
      for (const screen of screens(() => caseLink)) {
        await page.evaluate((path) => {
          history.pushState(null, "", path)
          dispatchEvent(new PopStateEvent("popstate"))
        }, screen.path())
        await page.locator(screen.ready).first().waitFor()
        await page.getByText(/Loading|Duke u ngarkuar|Učitava|Учитава/).waitFor({ state: "detached" })
        expect(await languageProblems(page, locale), `${screen.name} in ${locale}`).toEqual({ keys: [], foreign: [] })
      }
    }
    await page.close()
  })

  it("the sign-in page passes axe and the language is remembered in this browser", async () => {
    const page = await browser.newPage("phone")
    await page.goto(gateway.url)
    await page.getByTestId("language").selectOption("sr-Cyrl")
    await page.reload()
    await expect.poll(() => page.locator("h1").textContent()).toBe("Пријава")
    await screenshot(page, "sign-in-phone")
    expect(await seriousViolations(page)).toEqual([])
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.close()
  })

  it("a refused key says so next to the field", async () => {
    const page = await browser.newPage()
    await page.goto(gateway.url)
    await page.getByTestId("language").selectOption("en")
    await page.getByLabel("Access key").fill("bsk_not-a-real-key")
    await page.getByRole("button", { name: "Sign in" }).click()
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("This key was not accepted.")
    expect(await page.getByLabel("Access key").getAttribute("aria-invalid")).toBe("true")
    await page.close()
  })

  it("runs under the CSP: no inline script, no violation reported", () => {
    expect(browser.errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([])
  })

  it("keeps no personal value of the demo in storage, a URL or a title", async () => {
    const page = await browser.newPage()
    await page.goto(gateway.url)
    const stored = await storedText(page)
    const seen = [stored, ...browser.urls, ...browser.titles].join("\n")
    expect(personalValues.length).toBeGreaterThan(5)
    expect(personalValues.filter((value) => seen.includes(value))).toEqual([])
    expect(browser.urls.length).toBeGreaterThan(10)
    await page.close()
  })
})
