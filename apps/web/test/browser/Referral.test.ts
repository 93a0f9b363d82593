// A referral's closed loop in the browser: sent from the case page with the
// directory and the consent shown, answered from the referral's page
// (acknowledge, accept), and seen accepted on the case page. The form checks
// the reason with the API's schema before sending; a stale version offers a
// reload in place.
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Browser, type Gateway, launch, screenshot, seriousViolations, startGateway } from "./Harness"

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

const signIn = async (page: Page, who: string) => {
  await page.goto(gateway.url)
  await page.getByTestId("language").selectOption("en")
  await page.getByLabel("Access key").fill(gateway.tokens[who] as string)
  await page.getByRole("button", { name: "Sign in" }).click()
  await page.getByRole("navigation").waitFor()
}

/** Opens a path inside the app, as its links do (a page load would end the in-memory session). */
const visit = (page: Page, path: string) =>
  page.evaluate((to) => {
    history.pushState(null, "", to)
    dispatchEvent(new PopStateEvent("popstate"))
  }, new URL(path, gateway.url).pathname)

describe("a referral, from a case to the service and back", () => {
  it("is sent, acknowledged, accepted, and the case shows it accepted", async () => {
    const page = await browser.newPage()
    await signIn(page, "caseManager")
    await page.getByRole("link", { name: "Cases" }).click()
    await page.getByLabel("Risk level").selectOption("high")
    await page.locator("tbody tr th a").first().click()
    await page.locator("#referrals").waitFor()
    const caseUrl = page.url()
    await page.getByRole("link", { name: "Send a referral" }).click()

    await page.getByLabel("Service type").selectOption("psychosocial-counselling")
    await page.locator('input[name="service"]').first().check()
    await page.getByText("Consent to referral that names this institution").waitFor()
    await page.locator('input[name="consent"]').first().check()

    // The API's own schema refuses a malformed reason before anything is sent.
    await page.getByLabel("Reason").fill("Not A Code!")
    await page.getByRole("button", { name: "Send", exact: true }).click()
    await expect.poll(() => page.locator("#reason-error").textContent()).toBeTruthy()
    expect(await page.getByLabel("Reason").getAttribute("aria-invalid")).toBe("true")
    await screenshot(page, "send-referral-desk")
    expect(await seriousViolations(page)).toEqual([])

    await page.getByLabel("Reason").fill("counselling-needed")
    await page.getByRole("button", { name: "Send", exact: true }).click()
    await page.waitForURL(/\/referrals\/[0-9A-Z]{26}$/)
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Sent")
    const referralUrl = page.url()

    // The receiving institution answers from the referral's page.
    await page.getByRole("button", { name: "Acknowledge" }).click()
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Acknowledged")
    await page.getByRole("button", { name: "Accept" }).click()
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Accepted")
    await screenshot(page, "referral-desk")
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole("link", { name: "Open the case" }).click()
    await page.getByRole("link", { name: "Send a referral" }).waitFor()
    expect(page.url()).toBe(caseUrl)
    const statuses = await page.getByTestId("referral-status").allTextContents()
    expect(statuses).toContain("Accepted")
    expect(referralUrl).toMatch(/\/referrals\//)
    await page.close()
  })

  it("a step on a version someone else changed says so and offers a reload, on the same page", async () => {
    const one = await browser.newPage()
    const two = await browser.newPage()
    await signIn(one, "caseManager")
    await one.getByRole("link", { name: "Referrals" }).click()
    await one.getByLabel("Status").selectOption("accepted")
    await one.locator(".worklist a").last().click()
    await one.getByRole("button", { name: "Start the service" }).waitFor()
    const url = one.url()

    // Someone else starts the service meanwhile.
    await signIn(two, "caseManager")
    await visit(two, url)
    await two.getByRole("button", { name: "Start the service" }).click()
    await expect.poll(() => two.locator(".summary .tag").textContent()).toBe("In service")

    await one.getByRole("button", { name: "Start the service" }).click()
    await expect.poll(() => one.getByRole("alert").textContent()).toContain("Someone changed this")
    await one.getByRole("button", { name: "Reload" }).click()
    await expect.poll(() => one.locator(".summary .tag").textContent()).toBe("In service")
    await one.getByLabel("Outcome").selectOption("client-withdrew")
    expect(await one.getByLabel("Outcome").inputValue()).toBe("client-withdrew")
    await one.close()
    await two.close()
  })
})
