/**
 * People who sign in with a password and an authenticator app, as a real
 * person would: enrolled through the API (a one-time link's session sets the
 * password, starts the TOTP enrolment and confirms it with a first code), then
 * signing in through the app's own form with a code computed here by otpauth
 * from the secret the enrolment returned.
 */
import { Secret, TOTP } from "otpauth"
import type { Page } from "playwright-core"
import type { Gateway } from "./Harness"

export interface Enrolled {
  readonly email: string
  readonly password: string
  readonly secret: string
  /** The one-time recovery codes the enrolment showed (each signs in once, in place of a TOTP code). */
  readonly recoveryCodes: ReadonlyArray<string>
}

/** The code of the step after now: later than the enrolment's (a code is never accepted twice), within the window. */
export const nextCode = (secret: string): string =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + 30_000,
  })

const currentCode = (secret: string): string =>
  new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate()

/** Sets a demo person's password and authenticator app through the API; their sign-in link is spent doing it. */
export const enrol = async (gateway: Gateway, who: string): Promise<Enrolled> => {
  const link = gateway.signInLinks[who]
  if (link === undefined) throw new Error(`no sign-in link for ${who}`)
  const token = link.slice(link.indexOf("#token=") + "#token=".length)
  const headers = { "content-type": "application/json", "x-bashke-request": "1", origin: gateway.url }
  const signedIn = await fetch(`${gateway.url}/v1/sign-in/link`, {
    method: "POST",
    headers,
    body: JSON.stringify({ token }),
  })
  if (!signedIn.ok) throw new Error(`sign-in link refused: ${signedIn.status}`)
  const cookie = signedIn.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ")
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${gateway.url}${path}`, {
      method,
      headers: { ...headers, cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`)
    return answer.json() as Promise<Record<string, unknown>>
  }
  const password = `journey-${who}-correct-horse-battery`
  await call("PUT", "/v1/me/password", { password })
  const { secret } = (await call("PUT", "/v1/me/totp")) as { secret: string }
  const { recoveryCodes } = (await call("POST", "/v1/me/totp/confirm", { code: currentCode(secret) })) as {
    recoveryCodes: Array<string>
  }
  await call("POST", "/v1/sign-out")
  return { email: `${who.toLowerCase()}@demo.bashke.example`, password, secret, recoveryCodes }
}

/** Signs in through the app's password form (with the mouse; the keyboard journey types its own). */
export const signInWithPassword = async (page: Page, gateway: Gateway, person: Enrolled): Promise<void> => {
  await page.goto(gateway.url)
  const form = page.locator("form").first()
  await form.locator('input[name="email"]').fill(person.email)
  await form.locator('input[name="password"]').fill(person.password)
  await form.locator('input[name="code"]').fill(nextCode(person.secret))
  await form.locator('button[type="submit"]').click()
  await page.getByRole("navigation").first().waitFor()
}
