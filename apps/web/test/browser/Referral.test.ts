// A referral's closed loop in the browser: sent from the case page with the
// directory and the consent shown, answered from the referral's page
// (acknowledge, accept), and seen accepted on the case page. The form checks
// the reason with the API's schema before sending; a stale version offers a
// reload in place.
import { describe, expect, it } from "vitest"
import { screenshot, seriousViolations, tabTo } from "./Harness"
import { testWorld } from "./World"

const world = testWorld({ people: ["caseManager"] })

/** The app in a new page of the case manager's browser (signed in before the tests), reading English. */
const caseManager = () => world.page("caseManager", { locale: "en" })

describe("a referral, from a case to the service and back", () => {
  it("is sent, acknowledged, accepted, and the case shows it accepted", async () => {
    const page = await caseManager()
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
    const one = await caseManager()
    await one.getByRole("link", { name: "Referrals" }).click()
    await one.getByLabel("Status").selectOption("accepted")
    await one.locator(".worklist a").last().click()
    await one.getByRole("button", { name: "Start the service" }).waitFor()
    const url = one.url()

    // Someone else starts the service meanwhile.
    const two = await caseManager()
    await two.goto(url)
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

  it("is sent with the keyboard alone, every control reached by Tab with a visible focus", async () => {
    const page = await caseManager()
    await page.keyboard.press("Escape")
    await tabTo(page, page.getByRole("link", { name: "Cases" }))
    await page.keyboard.press("Enter")
    await tabTo(page, page.getByLabel("Risk level"))
    await page.getByLabel("Risk level").press("End")
    await expect.poll(() => new URL(page.url()).search).toBe("?risk=high")
    await tabTo(page, page.locator("tbody tr th a").first())
    await page.keyboard.press("Enter")
    await tabTo(page, page.getByRole("link", { name: "Send a referral" }))
    await page.keyboard.press("Enter")
    await tabTo(page, page.getByLabel("Service type"))
    // Child protection (the centre for social work, which the case's consent names): four down from shelter.
    for (let step = 0; step < 4; step++) await page.getByLabel("Service type").press("ArrowDown")
    await expect.poll(() => page.getByLabel("Service type").inputValue()).toBe("child-protection")
    await tabTo(page, page.locator('input[name="service"]').first())
    await page.keyboard.press("Space")
    await tabTo(page, page.locator('input[name="consent"]').first())
    await page.keyboard.press("Space")
    await tabTo(page, page.getByLabel("Reason"))
    await page.keyboard.type("child-protection-assessment")
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/referrals\/[0-9A-Z]{26}$/)
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Sent")
    await page.close()
  })
})
