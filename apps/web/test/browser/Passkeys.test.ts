// Enrolment from an invitation, in Chromium. A passkey, with Chromium's own
// virtual authenticator (the DevTools protocol's WebAuthn domain: a real
// CTAP2 authenticator inside the browser, resident keys and user
// verification): a coordinator's invitation opened at `/invitation#token=…`
// (the token wiped from the address bar), the passkey created from the
// keyboard, the enrolment session ended, and the passkey sign-in button
// signing the person in; a used invitation says so. Or a password and an
// authenticator app (codes computed here by otpauth): the recovery codes shown
// once, and the next code signing in. No serious or critical axe violation,
// nothing overflowing at phone width. Passkeys over `localhost`: WebAuthn
// refuses an IP address as its site.
import { Secret, TOTP } from "otpauth"
import type { CDPSession, Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { horizontalOverflow, screenshot, seriousViolations, tabTo } from "./Harness"
import { testWorld } from "./World"

// The invited people sign in in the tests, in one browser.
const world = testWorld({ browsers: ["invited"] })

const invite = async (person: { readonly displayName: string; readonly email: string }): Promise<string> => {
  const bearer = (name: string) => ({ authorization: `Bearer ${world.gateway.tokens[name]}` })
  const me = async (name: string) =>
    (await (await fetch(`${world.gateway.url}/v1/me`, { headers: bearer(name) })).json()) as {
      mechanisms: Array<string>
      institution: string
      sector: string
    }
  const coordinator = await me("coordinator")
  const colleague = await me("caseManager")
  const response = await fetch(`${world.gateway.url}/v1/mechanisms/${coordinator.mechanisms[0]}/invitations`, {
    method: "POST",
    headers: { ...bearer("coordinator"), "content-type": "application/json" },
    body: JSON.stringify({
      ...person,
      language: "en",
      institution: colleague.institution,
      sector: colleague.sector,
      roles: ["case-worker"],
    }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { token: string }).token
}

const withAuthenticator = async (page: Page): Promise<CDPSession> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send("WebAuthn.enable")
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  return cdp
}

const expectAccessible = async (page: Page) => {
  expect(await seriousViolations(page)).toEqual([])
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
}

describe("passkeys in the browser", () => {
  it("an invitation enrols a passkey from the keyboard, and the passkey signs the person in", async () => {
    const token = await invite({ displayName: "Edona Berisha", email: "edona.berisha@gjilan.example" })
    const site = world.gateway.url.replace("127.0.0.1", "localhost")
    const page = await world.browser("invited").newPage("phone")
    await withAuthenticator(page)
    await page.goto(`${site}/invitation#token=${token}`)
    await page.getByTestId("language").selectOption("en")
    const create = page.getByRole("button", { name: "Create the passkey" })
    await create.waitFor()
    expect(page.url()).not.toContain(token)
    await expectAccessible(page)
    await screenshot(page, "enrolment")
    await tabTo(page, create)
    await page.keyboard.press("Enter")
    await page.getByText("Ready. Now sign in with it.").waitFor()
    await expectAccessible(page)
    await page.getByRole("button", { name: "Go to sign in" }).click()

    const passkey = page.getByRole("button", { name: "Sign in with a passkey" })
    await passkey.waitFor()
    await expectAccessible(page)
    await screenshot(page, "passkey-sign-in")
    await passkey.click()
    await page.getByRole("navigation").first().waitFor()
    await expect.poll(() => page.getByText("Edona Berisha").count()).toBeGreaterThan(0)
    await page.close()

    // The link worked once.
    const again = await world.browser("invited").newPage()
    await again.goto(`${site}/invitation#token=${token}`)
    await again.getByTestId("language").selectOption("en")
    await again.getByText("This invitation is no longer valid").waitFor()
    await expectAccessible(again)
    await again.close()
  })
  it("an invitation enrols a password and an authenticator app, shows the recovery codes once, and a code signs in", async () => {
    const email = "lirije.krasniqi@gjilan.example"
    const token = await invite({ displayName: "Lirije Krasniqi", email })
    const page = await world.browser("invited").newPage("phone")
    await page.goto(`${world.gateway.url}/invitation#token=${token}`)
    await page.getByTestId("language").selectOption("en")
    const password = "a long walk along the bistrica"
    await page.getByLabel("New password (at least 12 characters)").fill(password)
    await page.getByRole("button", { name: "Save the password" }).click()
    const secret = (await page.locator(".secret code").textContent()) ?? ""
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await expectAccessible(page)
    const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 })
    await page.getByLabel("The code the app shows").fill(totp.generate())
    await page.getByRole("button", { name: "Confirm" }).click()
    await page.getByText("Ready. Now sign in with it.").waitFor()
    expect(await page.locator(".recovery-codes li").count()).toBe(10)
    await expectAccessible(page)
    await screenshot(page, "enrolment-recovery-codes")
    await page.getByRole("button", { name: "Go to sign in" }).click()

    await page.getByLabel("Email address").fill(email)
    await page.getByLabel("Password", { exact: true }).fill(password)
    // The next step's code: the one just used to confirm is never accepted twice.
    await page.getByLabel("Code from the authenticator app").fill(totp.generate({ timestamp: Date.now() + 30_000 }))
    await page.getByRole("button", { name: "Sign in with password" }).click()
    await page.getByRole("navigation").first().waitFor()
    await expect.poll(() => page.getByText("Lirije Krasniqi").count()).toBeGreaterThan(0)
    await page.close()
  })
})
