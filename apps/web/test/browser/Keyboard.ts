/**
 * The keyboard alone, as a person without a mouse works: the focus moved
 * with Tab (forward) and Shift+Tab (back) until it is on the control, a
 * visible focus checked on the way (`tabTo`); a select's option chosen with
 * Home and the arrow keys; buttons pressed with Enter, boxes ticked with
 * Space. Nothing here clicks, fills or focuses an element directly.
 */
import type { Locator, Page } from "playwright-core"
import { tabTo } from "./Harness"

/** Moves the focus back with Shift+Tab until it is on `target` (with a visible outline), as `tabTo` does forward. */
export const shiftTabTo = async (page: Page, target: Locator, limit = 80): Promise<void> => {
  for (let pressed = 0; pressed < limit; pressed++) {
    await page.keyboard.press("Shift+Tab")
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      const outline = await target.evaluate((element) => getComputedStyle(element).outlineStyle)
      if (outline === "none") throw new Error("the focused element shows no focus outline")
      return
    }
  }
  throw new Error(`Shift+Tab did not reach the element in ${limit} presses`)
}

/** Chooses an option of the focused select with the keyboard: its position from the first. */
export const chooseByKeys = async (page: Page, downs: number): Promise<void> => {
  await page.keyboard.press("Home")
  for (let step = 0; step < downs; step++) await page.keyboard.press("ArrowDown")
}

/**
 * Tabs to the select `target` and chooses the option whose text is `label`
 * with Home and ArrowDown (reading which option is chosen after each press).
 */
export const chooseOption = async (page: Page, target: Locator, label: string | RegExp, limit = 60): Promise<void> => {
  await tabTo(page, target, limit)
  const chosen = () =>
    target.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? "")
  const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text))
  await page.keyboard.press("Home")
  const count = await target.evaluate((element) => (element as HTMLSelectElement).options.length)
  for (let step = 0; step < count; step++) {
    if (matches(await chosen())) return
    await page.keyboard.press("ArrowDown")
  }
  if (!matches(await chosen())) throw new Error(`no option ${String(label)} in the select`)
}

/** Tabs to the field `target` and types `text` into it (after clearing what it held, with the keyboard). */
export const typeInto = async (page: Page, target: Locator, text: string, limit = 80): Promise<void> => {
  await tabTo(page, target, limit)
  await page.keyboard.press("ControlOrMeta+A")
  await page.keyboard.press("Delete")
  await page.keyboard.type(text)
}

/** Tabs to the control `target` and presses `key` on it (Enter for a button or link, Space for a box). */
export const pressOn = async (page: Page, target: Locator, key: "Enter" | "Space" = "Enter", limit = 80) => {
  await tabTo(page, target, limit)
  await page.keyboard.press(key)
}
