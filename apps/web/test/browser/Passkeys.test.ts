// Passkeys in Chromium, with its own virtual authenticator (the DevTools
// protocol's WebAuthn domain: a real CTAP2 authenticator inside the browser,
// resident keys and user verification): a coordinator's invitation opened at
// `/invitation#token=…` (the token wiped from the address bar), a passkey
// created from the keyboard, the enrolment session ended, and the passkey
// sign-in button signing the person in — with no serious or critical axe
// violation on either page, at phone width as at the desk. A used invitation
// says so. Over `localhost`: WebAuthn refuses an IP address as its site.
import type { CDPSession, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Browser,
  type Gateway,
  horizontalOverflow,
  launch,
  screenshot,
  seriousViolations,
  startGateway,
  tabTo,
} from "./Harness"

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

const invite = async (): Promise<string> => {
  const bearer = (name: string) => ({ authorization: `Bearer ${gateway.tokens[name]}` })
  const me = async (name: string) =>
    (await (await fetch(`${gateway.url}/v1/me`, { headers: bearer(name) })).json()) as {
      mechanisms: Array<string>
      institution: string
      sector: string
    }
  const coordinator = await me("coordinator")
  const colleague = await me("caseManager")
  const response = await fetch(`${gateway.url}/v1/mechanisms/${coordinator.mechanisms[0]}/invitations`, {
    method: "POST",
    headers: { ...bearer("coordinator"), "content-type": "application/json" },
    body: JSON.stringify({
      displayName: "Edona Berisha",
      email: "edona.berisha@gjilan.example",
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
    const token = await invite()
    const site = gateway.url.replace("127.0.0.1", "localhost")
    const page = await browser.newPage("phone")
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
    await page.getByRole("navigation").waitFor()
    await expect.poll(() => page.getByText("Edona Berisha").count()).toBeGreaterThan(0)
    await page.close()

    // The link worked once.
    const again = await browser.newPage()
    await again.goto(`${site}/invitation#token=${token}`)
    await again.getByTestId("language").selectOption("en")
    await again.getByText("This invitation is no longer valid").waitFor()
    await expectAccessible(again)
    await again.close()
  })
})
