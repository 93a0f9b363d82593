/**
 * What the browser must never keep or show in the address bar: the demo's
 * personal values (the persons of its cases, the representatives), the
 * staff's names (the demo people's accounts) and whatever a test typed about
 * a survivor. Checked over everything the browsers of a world saw: the
 * origin's storage, every URL requested or navigated to, every page title.
 */
import { readFileSync } from "node:fs"
import { expect } from "vitest"
import { personalValues } from "../../../gateway/test/support/DemoPersonalData"
import { type Browser, type Gateway, storedText } from "./Harness"

export { personalValues }

/** The demo people's display names: personal too. */
export const staffNames: ReadonlyArray<string> = [
  ...readFileSync(new URL("../../../gateway/src/demo/PeopleDemo.ts", import.meta.url), "utf8").matchAll(
    /displayName: "([^"]+)"/g,
  ),
].map((match) => match[1] as string)

/** The personal values (the demo's and the staff's, and `typed`) found in `text`. */
export const personalIn = (text: string, typed: ReadonlyArray<string> = []): ReadonlyArray<string> =>
  [...personalValues, ...staffNames, ...typed].filter((value) => text.includes(value))

/** Everything `browsers` kept in storage, requested, navigated to or titled a page, as one text. */
export const seenBy = async (gateway: Gateway, browsers: ReadonlyArray<Browser>): Promise<string> => {
  const seen: Array<string> = []
  for (const browser of browsers) {
    const page = await browser.newPage()
    await page.goto(gateway.url)
    seen.push(await storedText(page), ...browser.urls, ...browser.titles)
    await page.close()
  }
  return seen.join("\n")
}

/** No personal value in the storage, a URL or a title of any of `browsers`. */
export const expectNothingPersonalKept = async (
  gateway: Gateway,
  browsers: ReadonlyArray<Browser>,
  typed: ReadonlyArray<string> = [],
): Promise<void> => {
  expect(personalValues.length).toBeGreaterThan(5)
  expect(staffNames).toContain("Teuta Morina")
  const seen = await seenBy(gateway, browsers)
  expect(browsers.reduce((count, browser) => count + browser.urls.length, 0)).toBeGreaterThan(10)
  expect(personalIn(seen, typed)).toEqual([])
}

/** No page of `browsers` reported a Content Security Policy violation (an inline script or style refused). */
export const expectNoCspViolation = (browsers: ReadonlyArray<Browser>): void => {
  const errors = browsers.flatMap((browser) => browser.errors)
  expect(errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([])
}
