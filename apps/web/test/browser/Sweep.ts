/**
 * The checks every screen gets, over a list of screens: at desk and phone
 * size (a screenshot, axe-core's serious and critical violations, nothing
 * wider than the phone), and in the four languages (no catalogue key shown,
 * no other language's text). A screen is reached within the app, without a
 * reload, and checked once nothing on it is loading.
 */
import { Locale } from "@bashke/kernel"
import type { Page } from "playwright-core"
import { expect } from "vitest"
import {
  chooseLanguage,
  go,
  horizontalOverflow,
  screenshot,
  seriousViolations,
  untilLoaded,
  type viewports,
} from "./Harness"
import { languageProblems } from "./Languages"

export interface Screen {
  /** The screenshot's name, and what a failure names. */
  readonly name: string
  readonly path: string | (() => string)
  /** A selector that shows the screen is there. */
  readonly ready: string
  /** Steps to take on the screen once loaded (opening a form whose words are checked too). */
  readonly then?: (page: Page) => Promise<void>
}

/** Goes to a screen within the app and waits until nothing on it is loading. */
export const visit = async (page: Page, screen: Screen): Promise<void> => {
  await go(page, typeof screen.path === "string" ? screen.path : screen.path())
  await page.locator(screen.ready).first().waitFor()
  await untilLoaded(page)
  await screen.then?.(page)
}

/** Each screen at the page's size: screenshot `<name>-<size>`, no serious or critical violation, nothing overflowing on the phone. */
export const expectAccessible = async (
  page: Page,
  screens: ReadonlyArray<Screen>,
  size: keyof typeof viewports,
): Promise<void> => {
  for (const screen of screens) {
    await visit(page, screen)
    await screenshot(page, `${screen.name}-${size}`)
    expect(await seriousViolations(page), screen.name).toEqual([])
    if (size === "phone") expect(await horizontalOverflow(page), screen.name).toBeLessThanOrEqual(0)
  }
}

/**
 * Each screen in the four languages, wholly in each: no key shown, no other
 * language's text; `also` checks more on each (no id shown).
 */
export const expectInEveryLanguage = async (
  page: Page,
  screens: ReadonlyArray<Screen>,
  also?: (page: Page, screen: Screen) => Promise<void>,
): Promise<void> => {
  for (const locale of Locale.all) {
    await chooseLanguage(page, locale)
    for (const screen of screens) {
      await visit(page, screen)
      expect(await languageProblems(page, locale), `${screen.name} in ${locale}`).toEqual({ keys: [], foreign: [] })
      await also?.(page, screen)
    }
  }
}
