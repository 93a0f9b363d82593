// Signing in at the institution's identity provider in a real Chromium: the
// gateway started with BASHKE_OIDC_* pointing at a real `oidc-provider`; the
// sign-in page (phone width, axe) offers "Sign in with <provider>" in the
// chosen language; the button leads through the provider's own login and
// consent pages back to the app, signed in as the person the provider's
// groups map to. A gateway without a provider shows no such button.
import { createServer } from "node:net"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as IdentityProvider from "../../../gateway/test/support/IdentityProvider"
import { type Gateway, horizontalOverflow, screenshot, seriousViolations, startGateway } from "./Harness"
import { testWorld } from "./World"

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer()
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0))
    })
  })

let provider: IdentityProvider.IdentityProvider | undefined

// The world's gateway signs in at the provider, started first on the port the gateway will take.
const world = testWorld({
  browsers: ["drita"],
  gateway: async () => {
    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    const started = await IdentityProvider.start(`${origin}/v1/sign-in/oidc/callback`)
    provider = started
    started.accounts.set("drita", {
      name: "Drita Krasniqi",
      email: "drita.krasniqi@ministry.example",
      email_verified: true,
      locale: "en",
      groups: ["national-coordination"],
    })
    return {
      port,
      env: {
        BASHKE_PUBLIC_ORIGIN: origin,
        BASHKE_OIDC_ISSUER: started.issuer,
        BASHKE_OIDC_AUDIENCE: "bashke",
        BASHKE_OIDC_CLIENT_ID: IdentityProvider.clientId,
        BASHKE_OIDC_CLIENT_SECRET: IdentityProvider.clientSecret,
        BASHKE_OIDC_NAME: "QPS Gjilan",
        BASHKE_OIDC_CLAIMS: JSON.stringify({
          roles: {
            claim: "groups",
            values: { "national-coordination": [{ role: "national-coordinator", mechanism: null }] },
          },
        }),
      },
    }
  },
})

// A second gateway, without a provider.
let plain: Gateway | undefined
beforeAll(async () => {
  plain = await startGateway()
})
afterAll(async () => {
  await plain?.close()
  await provider?.close()
})

const button = (page: Page, text: RegExp) => page.getByRole("link", { name: text })

describe("signing in at the institution's identity provider", () => {
  it("the page offers the provider in the chosen language, passes axe at phone width, and signs in through it", async () => {
    const page = await world.browser("drita").newPage("phone")
    await page.goto(world.gateway.url)
    await page.getByTestId("language").selectOption("sr-Cyrl")
    await expect.poll(() => button(page, /Пријавите се преко: QPS Gjilan/).count()).toBe(1)
    await page.getByTestId("language").selectOption("en")
    const start = button(page, /Sign in with QPS Gjilan/)
    await start.waitFor()
    await screenshot(page, "sign-in-provider-phone")
    expect(await seriousViolations(page)).toEqual([])
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)

    await start.click()
    // The provider's own pages: login, then consent.
    await page.waitForURL((url) => url.origin === provider?.issuer)
    await page.locator('input[name="login"]').fill("drita")
    await page.locator('input[name="password"]').fill("any")
    await page.locator('button[type="submit"]').click()
    await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: "attached" })
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.origin === world.gateway.url && !url.pathname.startsWith("/v1/"))
    const me = await page.evaluate(async () => (await fetch("/v1/me")).json())
    expect(me).toMatchObject({ displayName: "Drita Krasniqi", roles: ["national-coordinator"], language: "en" })
    await page.close()
  })

  it("a gateway without a provider shows no such button", async () => {
    const page = await world.browser("drita").newPage()
    const asked = page.waitForResponse((response) => response.url().endsWith("/v1/sign-in/methods"))
    await page.goto((plain as Gateway).url)
    expect(await (await asked).json()).toEqual({ oidc: null })
    await page.getByRole("heading", { level: 1 }).waitFor()
    expect(await page.locator(".provider-sign-in").count()).toBe(0)
    expect(await page.getByRole("link", { name: /QPS|Sign in with/ }).count()).toBe(0)
    await page.close()
  })
})
