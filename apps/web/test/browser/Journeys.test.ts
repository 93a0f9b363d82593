// The acceptance journeys, on the real gateway with a fresh SQLite database,
// each person signing in through the app's own password + TOTP form in their
// own browser: (1) the coordinator opens a case with a victim and a child,
// assesses the risk (high), records the consent and sends a referral to the
// shelter — with the keyboard alone; (2) the shelter worker finds it in the
// inbox, acknowledges and accepts it; (3) the coordinator sees the loop closed
// on the case page; (4) a member of a non-signatory institution sees no case
// data anywhere; (5) every screen in all four languages, with no missing key
// and no other language's text. axe on every screen, screenshots at desk and
// phone size, and no personal value in storage, a URL or a title throughout.
import { describe, expect, it } from "vitest"
import {
  chooseLanguage,
  horizontalOverflow,
  open,
  screenshot,
  seriousViolations,
  tabTo,
  untilLoaded,
  viewports,
} from "./Harness"
import { chooseByKeys } from "./Keyboard"
import { languageProblems } from "./Languages"
import { nextCode, signInWithPassword } from "./PasswordSignIn"
import { expectNothingPersonalKept } from "./Privacy"
import { expectAccessible, expectInEveryLanguage, type Screen } from "./Sweep"
import { testWorld } from "./World"

// Each person signs in through the app's own form, in their own browser.
const people = ["coordinator", "shelterWorker", "teacher"]
const world = testWorld({ enrolled: people, browsers: people })

// What the coordinator types about the survivors: personal values that must never reach storage, a URL or a title.
const victimName = ["Mimoza", "Journeyvictim"] as const
const childName = ["Arta", "Journeychild"] as const

let caseUrl = ""
let caseReference = ""
let referralUrl = ""

describe("the journeys of the acceptance", () => {
  it("1. the coordinator signs in, opens a case with a victim and a child, assesses the risk (high), records consent and sends a referral to the shelter — keyboard alone", async () => {
    const page = await world.browser("coordinator").newPage()
    await page.goto(world.gateway.url)
    const person = world.enrolled("coordinator")
    // The sign-in form, typed.
    await tabTo(page, page.locator('input[name="email"]').first())
    await page.keyboard.type(person.email)
    await page.keyboard.press("Tab")
    await page.keyboard.type(person.password)
    await page.keyboard.press("Tab")
    await page.keyboard.type(nextCode(person.secret))
    await page.keyboard.press("Enter")
    await page.getByRole("navigation").first().waitFor()
    await tabTo(page, page.getByTestId("language"))
    await chooseByKeys(page, 3)
    await page.locator('html[lang="en"]').waitFor()

    await tabTo(page, page.getByRole("link", { name: "Cases" }))
    await page.keyboard.press("Enter")
    await tabTo(page, page.getByRole("link", { name: "Open a case" }))
    await page.keyboard.press("Enter")
    await page.getByRole("heading", { name: /Step 1 of 4/ }).waitFor()

    // Step 1: the victim and a child, named (the names are sealed by the API).
    await tabTo(page, page.locator("#input-persons-0-sex"))
    await chooseByKeys(page, 1)
    await tabTo(page, page.locator("#input-persons-0-details-givenName"))
    await page.keyboard.type(victimName[0])
    await page.keyboard.press("Tab")
    await page.keyboard.type(victimName[1])
    await tabTo(page, page.getByRole("button", { name: "Add a person" }))
    await page.keyboard.press("Enter")
    await page.locator("#input-persons-1-role").waitFor()
    expect(await page.locator("#input-persons-1-role").inputValue()).toBe("child")
    // Next with the child's sex missing: the API's schema refuses it by the field.
    await tabTo(page, page.getByRole("button", { name: "Next" }))
    await page.keyboard.press("Enter")
    await page.locator("#error-persons-1-sex").waitFor()
    expect(await page.locator("#input-persons-1-sex").getAttribute("aria-invalid")).toBe("true")
    await screenshot(page, "journey-open-case-persons")
    expect(await seriousViolations(page)).toEqual([])
    await page.locator("#input-persons-1-sex").focus()
    await chooseByKeys(page, 1)
    await tabTo(page, page.locator("#input-persons-1-details-givenName"))
    await page.keyboard.type(childName[0])
    await page.keyboard.press("Tab")
    await page.keyboard.type(childName[1])
    await tabTo(page, page.getByRole("button", { name: "Next" }))
    await page.keyboard.press("Enter")

    // Step 2: the first incident, reported by the police.
    await page.getByRole("heading", { name: /Step 2 of 4/ }).waitFor()
    await tabTo(page, page.locator('input[name="forms"][value="physical"]'))
    await page.keyboard.press("Space")
    await tabTo(page, page.locator("#input-children"))
    await chooseByKeys(page, 3)
    expect(await page.locator("#input-children").inputValue()).toBe("witnessed")
    await tabTo(page, page.locator("#input-source"))
    await chooseByKeys(page, 1)
    expect(await page.locator("#input-source").inputValue()).toBe("police-report")
    await tabTo(page, page.getByRole("button", { name: "Next" }))
    await page.keyboard.press("Enter")

    // Step 3: the police early assessment (the profile requires it on a police report), scored as answered.
    await page.getByRole("heading", { name: /Step 3 of 4/ }).waitFor()
    expect(await page.locator("#input-instrument").inputValue()).toBe("xk-police-early")
    expect(await page.getByTestId("risk-score").textContent()).toMatch(/Score: 0 of \d+ · Level: Standard/)
    const questions = page.locator("fieldset.question")
    for (let index = 0; index < 5; index++) {
      await tabTo(page, questions.nth(index).locator('input[value="yes"]'))
      await page.keyboard.press("Space")
    }
    await expect.poll(() => page.getByTestId("risk-score").textContent()).toMatch(/Score: 8 of \d+ · Level: High/)
    expect(await page.getByTestId("final-level").textContent()).toBe("Level recorded: High")
    await screenshot(page, "journey-open-case-risk")
    expect(await seriousViolations(page)).toEqual([])
    await tabTo(page, page.getByRole("button", { name: "Next" }))
    await page.keyboard.press("Enter")
    await page.getByRole("heading", { name: /Step 4 of 4/ }).waitFor()
    await tabTo(page, page.getByRole("button", { name: "Open the case" }))
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/cases\/[0-9A-Z]{26}$/)
    await page.locator("#timeline").waitFor()
    caseUrl = page.url()
    caseReference = ((await page.locator("h1").textContent()) ?? "").replace(/^Case /, "")
    expect(caseReference).toMatch(/^[A-Z]{3}-\d{4}-\d{4}$/)
    expect(await page.locator(".summary .risk").textContent()).toBe("High")

    // The consent to refer, naming the shelter.
    const shelter = await page.evaluate(async () => {
      const answer = await fetch("/v1/services?type=shelter&active=true")
      const body = (await answer.json()) as { items: Array<{ institution: string }> }
      return body.items[0]?.institution as string
    })
    await tabTo(page, page.locator("#consents ~ details > summary"))
    await page.keyboard.press("Enter")
    await tabTo(page, page.locator('input[name="purposes"][value="referral"]'))
    await page.keyboard.press("Space")
    await tabTo(page, page.locator(`input[name="institutions"][value="${shelter}"]`), 200)
    await page.keyboard.press("Space")
    await tabTo(page, page.locator("#input-consent-method"))
    await chooseByKeys(page, 1)
    await tabTo(page, page.getByRole("button", { name: "Record the consent" }))
    await page.keyboard.press("Enter")
    await expect.poll(() => page.getByTestId("consent-state").first().textContent()).toBe("In force")

    // The referral to the shelter, from the case.
    await tabTo(page, page.getByRole("link", { name: "Send a referral" }), 200)
    await page.keyboard.press("Enter")
    await tabTo(page, page.locator('input[name="service"]').first())
    await page.keyboard.press("Space")
    await tabTo(page, page.locator('input[name="consent"]').first())
    await page.keyboard.press("Space")
    await tabTo(page, page.getByLabel("Reason"))
    await page.keyboard.type("shelter-needed")
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/referrals\/[0-9A-Z]{26}$/)
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Sent")
    referralUrl = page.url()
    await page.close()
  })

  it("2. the shelter worker signs in, finds it in the inbox, acknowledges and accepts it", async () => {
    const page = await world.browser("shelterWorker").newPage()
    await signInWithPassword(page, world.gateway, world.enrolled("shelterWorker"))
    await chooseLanguage(page, "en")
    // The worklist names it first (acknowledge, decide); the inbox lists it among the institution's referrals.
    const path = new URL(referralUrl).pathname
    await page.locator(`main a[href="${path}"]`).first().waitFor()
    await page.getByRole("link", { name: "Referrals" }).click()
    await page.getByRole("heading", { level: 1, name: "Referrals" }).waitFor()
    const inInbox = page.locator("main .worklist .item").filter({ has: page.locator(`a[href="${path}"]`) })
    await expect.poll(() => inInbox.locator(".tag").textContent()).toBe("Sent")
    await inInbox.locator("a").click()
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Sent")
    await page.getByRole("button", { name: "Acknowledge" }).click()
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Acknowledged")
    await page.getByRole("button", { name: "Accept" }).click()
    await expect.poll(() => page.locator(".summary .tag").textContent()).toBe("Accepted")
    await screenshot(page, "journey-referral-accepted")
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })

  it("3. the coordinator sees the loop closed on the case page", async () => {
    const page = await world.page("coordinator", { path: new URL(caseUrl).pathname })
    await page.locator("#timeline").waitFor()
    await expect.poll(() => page.getByTestId("referral-status").allTextContents()).toContain("Accepted")
    await screenshot(page, "journey-case-loop-closed")
    await page.close()
  })

  it("4. a member of a non-signatory institution sees no case data anywhere", async () => {
    const page = await world.browser("teacher").newPage()
    await signInWithPassword(page, world.gateway, world.enrolled("teacher"))
    await chooseLanguage(page, "en")
    const shown: Array<string> = []
    for (const path of ["/", "/cases", new URL(caseUrl).pathname, "/referrals", new URL(referralUrl).pathname]) {
      await open(page, world.gateway, path)
      await page.locator("main h1, main [role=alert], main p").first().waitFor()
      await untilLoaded(page)
      shown.push((await page.locator("main").textContent()) ?? "")
      // A refusal is shown as one, with nothing to try again: asking again gets the same answer.
      if (path === new URL(caseUrl).pathname) {
        await page.locator("main [role=alert]").waitFor()
        expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0)
      }
    }
    expect(shown.join("\n")).not.toContain(caseReference)
    expect(await page.locator("#timeline").count()).toBe(0)
    expect(await page.locator("tbody tr").count()).toBe(0)
    await page.close()
  })

  for (const size of ["desk", "phone"] as const) {
    it(`every screen at ${viewports[size].width}×${viewports[size].height}: accessible, nothing overflowing`, async () => {
      const page = await world.page("coordinator", { size, locale: "en" })
      await expectAccessible(page, screens(), size)
      await page.close()
    })
  }

  it("5. every screen in all four languages, with no missing key and no other language's text", async () => {
    const page = await world.page("coordinator")
    await expectInEveryLanguage(page, screens())
    await page.close()
    // The sign-in page, signed out.
    const signedOut = await (await world.launch()).newPage("phone")
    await signedOut.goto(world.gateway.url)
    // The form, not the wait for the session check: the words are the sign-in page's.
    await signedOut.locator('input[name="email"]').waitFor()
    for (const locale of ["sq", "sr-Latn", "sr-Cyrl", "en"] as const) {
      await chooseLanguage(signedOut, locale)
      expect(await languageProblems(signedOut, locale), `sign-in in ${locale}`).toEqual({ keys: [], foreign: [] })
    }
    expect(await seriousViolations(signedOut)).toEqual([])
    expect(await horizontalOverflow(signedOut)).toBeLessThanOrEqual(0)
    await screenshot(signedOut, "journey-sign-in-phone")
    // A wrong code is refused by the API, its problem next to the code field.
    const person = world.enrolled("teacher")
    await signedOut.locator('input[name="email"]').fill(person.email)
    await signedOut.locator('input[name="password"]').fill(person.password)
    await signedOut.locator('input[name="code"]').fill("000000")
    await signedOut.getByRole("button", { name: "Sign in with password" }).click()
    await expect.poll(() => signedOut.locator('input[name="code"]').getAttribute("aria-invalid")).toBe("true")
    expect(await signedOut.locator("form").first().getByRole("alert").textContent()).toMatch(/not valid/)
  })

  it("signs out: the session ends and the sign-in form shows", async () => {
    const page = await world.page("teacher", { locale: "en" })
    // Signing out is in the person's menu, under their name.
    await page.getByTestId("account").click()
    await page.getByRole("button", { name: "Sign out" }).click()
    await page.locator('input[name="email"]').waitFor()
    await page.reload()
    await page.locator('input[name="email"]').waitFor()
    expect(await page.getByRole("navigation").count()).toBe(0)
    await page.close()
  })

  it("keeps no personal value in storage, a URL or a title across the journeys", async () => {
    await expectNothingPersonalKept(
      world.gateway,
      people.map((who) => world.browser(who)),
      [...victimName, ...childName],
    )
  })
})

const screens = (): ReadonlyArray<Screen> => [
  { name: "journey-worklist", path: "/", ready: "main h1" },
  { name: "journey-cases", path: "/cases", ready: "table" },
  { name: "journey-open-case", path: "/cases/new", ready: "#input-persons-0-role" },
  { name: "journey-case", path: () => new URL(caseUrl).pathname, ready: "#safety-plan" },
  { name: "journey-referrals", path: "/referrals", ready: ".worklist" },
  { name: "journey-referral", path: () => new URL(referralUrl).pathname, ready: "#history" },
  { name: "journey-directory", path: "/directory", ready: ".cards" },
]
