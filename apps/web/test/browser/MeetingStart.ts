/**
 * The meeting journeys' common ground, from the police's ad hoc request to
 * the attendance once the meeting has started. A meeting is held only once it
 * has started, and scheduled only from now on: the journeys schedule theirs
 * for the first whole minute a minute from now (still ahead when the API
 * reads it on a loaded machine; minutes, as the form's time field takes them)
 * and do other work until it has started.
 */
import type { Page } from "playwright-core"
import { expect } from "vitest"

const minute = 60_000

/** The first whole minute at least a minute from now. */
export const soonestStart = (): Date => new Date(Math.ceil((Date.now() + minute) / minute) * minute)

/** Waits until `startsAt` has passed (at once, as a rule: the tests in between take longer). */
export const untilStarted = (startsAt: Date): Promise<void> =>
  expect.poll(() => Date.now() >= startsAt.getTime() + 1_000, { timeout: 6 * minute, interval: 2_000 }).toBe(true)

/** The attendance form's rows, one per member institution, once shown (more than two: the demo has eight). */
export const attendanceRows = async (page: Page) => {
  const rows = page.locator("section[aria-labelledby=attendance] tbody tr")
  await rows.first().waitFor()
  const count = await rows.count()
  expect(count).toBeGreaterThan(2)
  return { rows, count }
}

/** The link to the police's ad hoc request on the meetings page (the demo holds another, the shelter's), once shown. */
export const policeRequest = async (page: Page) => {
  const request = page
    .locator("section[aria-labelledby=requests] [data-testid=meeting]")
    .filter({ hasText: "Kosovo Police" })
    .locator("a")
    .first()
  await request.waitFor()
  return request
}
