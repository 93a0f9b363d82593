// Password + TOTP through HTTP on SQLite and PostgreSQL, over the seeded demo:
// a case manager signed in by a one-time link sets a password and enrols an
// authenticator app (recovery codes shown once, never stored by a cache),
// signs out, then signs in with email, password and a code and reads a case
// under her roles; a missing, wrong or replayed code is refused; an unknown
// email and a wrong password answer the same body; nothing is echoed.
import { SignInLinks, Totp } from "@bashke/identity"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { emailOf } from "../../src/demo/PeopleDemo"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const local = "http://localhost"
const browser = { origin: local, "x-bashke-request": "1", "content-type": "application/json" }
const passphrase = "seven green shelters in gjilan"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: password and TOTP sign-in`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const call = (method: string, path: string, options: { cookie?: string; body?: unknown } = {}) =>
      gateway.app.request(`${local}${path}`, {
        method,
        headers: { ...browser, ...(options.cookie === undefined ? {} : { cookie: options.cookie }) },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      })
    const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] as string
    const withoutRequestId = (body: Record<string, unknown>) => {
      const { requestId: _, ...rest } = body
      return rest
    }

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
    })
    afterAll(() => gateway.close())

    it("enrols, signs out, signs in with password and code, reads a case; codes refused when missing, wrong or replayed", async () => {
      const who = principal("caseManager", seeded.mechanismId)
      const link = await gateway.runtime.runPromise(
        Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(who.id, "sign-in")),
      )
      const first = await call("POST", "/v1/sign-in/link", { body: { token: link } })
      const cookie = cookieOf(first)
      expect((await call("PUT", "/v1/me/password", { cookie, body: { password: "short" } })).status).toBe(422)
      expect((await call("PUT", "/v1/me/password", { cookie, body: { password: passphrase } })).status).toBe(200)
      const enrolment = await call("PUT", "/v1/me/totp", { cookie })
      const { secret, uri } = (await enrolment.json()) as { secret: string; uri: string }
      expect(uri).toMatch(/^otpauth:\/\/totp\/Bashk/)
      expect(uri).not.toContain("Teuta")
      const confirmed = await call("POST", "/v1/me/totp/confirm", {
        cookie,
        body: { code: Totp.codeAt(secret, Date.now()) },
      })
      expect(confirmed.status).toBe(200)
      expect(confirmed.headers.get("cache-control")).toBe("no-store")
      const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: Array<string> }
      expect(recoveryCodes).toHaveLength(10)
      expect((await call("POST", "/v1/sign-out", { cookie })).status).toBe(200)

      const signIn = (body: Record<string, unknown>) => call("POST", "/v1/sign-in/password", { body })
      const email = emailOf("caseManager")
      const missing = await signIn({ email, password: passphrase })
      expect(missing.status).toBe(401)
      expect((await missing.json()).rule).toBe("identity.second-factor.required")
      const wrong = await signIn({ email, password: passphrase, code: Totp.codeAt(secret, Date.now() + 600_000) })
      expect((await wrong.json()).rule).toBe("identity.second-factor.invalid")
      // The next step's code (within the window: a phone a little ahead) signs in once.
      const code = Totp.codeAt(secret, Date.now() + 30_000)
      const signedIn = await signIn({ email, password: passphrase, code })
      expect(signedIn.status).toBe(200)
      expect(await signedIn.json()).toMatchObject({ id: who.id, displayName: "Teuta Morina" })
      const session = cookieOf(signedIn)
      const cases = await gateway.app.request(`${local}/v1/cases?mechanismId=${seeded.mechanismId}`, {
        headers: { cookie: session },
      })
      expect(cases.status).toBe(200)
      const replayed = await signIn({ email, password: passphrase, code })
      expect(replayed.status).toBe(401)
      const replayBody = await replayed.text()
      expect(JSON.parse(replayBody).rule).toBe("identity.second-factor.invalid")
      expect(replayBody).not.toContain(code)
      expect(replayBody).not.toContain(email)
      // A recovery code instead of the app, once.
      expect((await signIn({ email, password: passphrase, code: recoveryCodes[0] })).status).toBe(200)
      expect((await signIn({ email, password: passphrase, code: recoveryCodes[0] })).status).toBe(401)
    })

    it("an unknown email and a wrong password answer the same problem, echoing neither", async () => {
      const unknown = await call("POST", "/v1/sign-in/password", {
        body: { email: "nobody@demo.bashke.example", password: "a wrong passphrase" },
      })
      const wrongPassword = await call("POST", "/v1/sign-in/password", {
        body: { email: emailOf("nationalCoordinator"), password: "a wrong passphrase" },
      })
      expect(unknown.status).toBe(401)
      expect(wrongPassword.status).toBe(401)
      const [a, b] = [await unknown.text(), await wrongPassword.text()]
      expect(withoutRequestId(JSON.parse(a))).toEqual(withoutRequestId(JSON.parse(b)))
      expect(JSON.parse(a).rule).toBe("identity.sign-in.failed")
      for (const text of [a, b]) {
        expect(text).not.toContain("demo.bashke.example")
        expect(text).not.toContain("a wrong passphrase")
      }
      expect(unknown.headers.get("set-cookie")).toBeNull()
    })
  })
}
