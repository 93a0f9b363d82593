// The header of a signed-in page (issue 16): one row at 1280×800 in all four
// languages — the navigation, the language switch and the person's menu side
// by side — and still whole at 390×844 (wrapping, nothing overflowing). The
// person's menu is a disclosure that works by keyboard alone: Enter opens it,
// Tab reaches its links, Escape closes it and returns to its button.
import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { chooseLanguage, horizontalOverflow, screenshot, seriousViolations, tabTo } from "./Harness"
import { testWorld } from "./World"

const world = testWorld({ people: ["coordinator"] })

/** The header's height and how many rows its items (brand, links, language, person) sit on. */
const layoutOf = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector("header.top") as HTMLElement
    const items = [...header.querySelectorAll(".brand, .nav a, .tools > *")].map((element) => {
      const box = element.getBoundingClientRect()
      return { middle: box.top + box.height / 2, right: box.right }
    })
    const rows = new Set(items.map((item) => Math.round(item.middle / 16)))
    return {
      height: header.getBoundingClientRect().height,
      rows: rows.size,
      widest: Math.max(...items.map((item) => item.right)),
    }
  })

describe("the header", () => {
  it("is one row at 1280×800 in every language, and whole at 390×844", async () => {
    const page = await world.page("coordinator")
    for (const locale of ["sq", "sr-Latn", "sr-Cyrl", "en"] as const) {
      await chooseLanguage(page, locale)
      await page.setViewportSize({ width: 1280, height: 800 })
      const desk = await layoutOf(page)
      expect(desk.rows, `${locale} at 1280`).toBe(1)
      expect(desk.height, `${locale} at 1280`).toBeLessThanOrEqual(64)
      expect(desk.widest, `${locale} at 1280`).toBeLessThanOrEqual(1280)
      await page.setViewportSize({ width: 390, height: 844 })
      const phone = await layoutOf(page)
      expect(phone.widest, `${locale} at 390`).toBeLessThanOrEqual(390)
      expect(phone.height, `${locale} at 390`).toBeLessThanOrEqual(260)
      expect(await horizontalOverflow(page), `${locale} at 390`).toBeLessThanOrEqual(0)
    }
    await page.close()
  })

  for (const size of ["desk", "phone"] as const) {
    it(`at ${size} size, the person's menu opens, is followed and closes by keyboard alone`, async () => {
      const page = await world.page("coordinator", { size, locale: "en" })
      const account = page.getByTestId("account")
      const signOut = page.getByRole("button", { name: "Sign out" })
      expect(await signOut.isVisible()).toBe(false)

      await tabTo(page, account)
      expect(await account.getAttribute("aria-expanded")).toBe("false")
      await page.keyboard.press("Enter")
      expect(await account.getAttribute("aria-expanded")).toBe("true")
      await signOut.waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await screenshot(page, `header-account-open-${size}`)
      // Escape closes the menu and the focus returns to its button.
      await tabTo(page, signOut, 4)
      await page.keyboard.press("Escape")
      await signOut.waitFor({ state: "hidden" })
      expect(await account.evaluate((element) => element === document.activeElement)).toBe(true)
      // Opened again, its link is followed with Enter, and the menu closes.
      await page.keyboard.press("Enter")
      const calendar = page.getByRole("link", { name: "Calendar subscription" })
      await tabTo(page, calendar, 4)
      await page.keyboard.press("Enter")
      await page.getByRole("heading", { name: "Calendar subscription" }).waitFor()
      expect(await account.getAttribute("aria-expanded")).toBe("false")
      // Focus moving out of the open menu closes it.
      await account.click()
      await signOut.waitFor()
      await page.getByRole("link", { name: "Cases" }).focus()
      await signOut.waitFor({ state: "hidden" })
      await page.close()
    })
  }
})
