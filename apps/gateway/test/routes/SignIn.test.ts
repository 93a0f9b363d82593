// Signing in through HTTP on SQLite and PostgreSQL, over the seeded demo: a
// one-time link opens a session whose cookie is HttpOnly, SameSite=Strict,
// Path=/ and Secure (`__Host-bashke`) except on plain-HTTP loopback; the
// session's principal reads cases exactly as the same person's API token
// does; `/v1/me` says who, roles, mechanisms and language; cookie-
// authenticated changes need this site's Origin and `X-Bashke-Request: 1`;
// a used link, a forged cookie and another site's request are RFC 9457
// problems that echo nothing; sign-out ends the session.
import { SignInLinks } from "@bashke/identity"
import type { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway, ulid } from "../support/Gateway"

const local = "http://localhost"
const browser = (origin = local) => ({ origin, "x-bashke-request": "1", "content-type": "application/json" })

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: sign-in and sessions`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const link = (who: "caseManager" | "teacher" = "caseManager") =>
      gateway.runtime.runPromise(
        Effect.flatMap(SignInLinks.SignInLinks, (links) =>
          links.issue(principal(who, seeded.mechanismId).id, "sign-in"),
        ),
      )
    const signIn = async (token: string, base = local, headers: Record<string, string> = browser(base)) =>
      gateway.app.request(`${base}/v1/sign-in/link`, { method: "POST", headers, body: JSON.stringify({ token }) })
    const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
    })
    afterAll(() => gateway.close())

    it("a link signs in: the cookie's attributes, /v1/me, and the same cases as the person's token", async () => {
      const token = await link()
      const response = await signIn(token)
      expect(response.status).toBe(200)
      const setCookie = response.headers.get("set-cookie") ?? ""
      expect(setCookie).toMatch(/^bashke=bss_[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/)
      expect(response.headers.get("cache-control")).toBe("no-store")
      const body = await response.text()
      expect(body).not.toContain("bss_")
      expect(body).not.toContain(token)
      const me = JSON.parse(body)
      expect(me).toEqual({
        id: principal("caseManager", seeded.mechanismId).id,
        kind: "user",
        displayName: "Teuta Morina",
        language: "sq",
        institution: principal("caseManager", seeded.mechanismId).institution,
        sector: "social-work",
        roles: ["case-worker"],
        mechanisms: [seeded.mechanismId],
        grants: [{ role: "case-worker", mechanism: seeded.mechanismId }],
      })
      const cookie = cookieOf(response)
      const again = await gateway.app.request(`${local}/v1/me`, { headers: { cookie } })
      expect(await again.json()).toEqual(me)

      const path = `/v1/cases?mechanismId=${seeded.mechanismId}`
      const bySession = await gateway.app.request(`${local}${path}`, { headers: { cookie } })
      const apiToken = await gateway.tokenFor(principal("caseManager", seeded.mechanismId))
      const byToken = await gateway.request("GET", path, { token: apiToken })
      expect(bySession.status).toBe(200)
      expect(await bySession.json()).toEqual(await byToken.json())
      // The worklist of notifications answers the session's person too.
      expect((await gateway.app.request(`${local}/v1/me/worklist`, { headers: { cookie } })).status).toBe(200)
    })

    it("over HTTPS the cookie is __Host-bashke and Secure; the loopback name is not read there", async () => {
      const base = "https://bashke.example"
      const response = await signIn(await link(), base)
      expect(response.status).toBe(200)
      expect(response.headers.get("set-cookie")).toMatch(
        /^__Host-bashke=bss_[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict; Secure$/,
      )
      const secret = cookieOf(response).split("=")[1] as string
      expect(
        (await gateway.app.request(`${base}/v1/me`, { headers: { cookie: `__Host-bashke=${secret}` } })).status,
      ).toBe(200)
      expect((await gateway.app.request(`${base}/v1/me`, { headers: { cookie: `bashke=${secret}` } })).status).toBe(401)
    })

    it("a used, forged or expired-looking link is a problem that echoes nothing; nothing is signed in", async () => {
      const token = await link()
      expect((await signIn(token)).status).toBe(200)
      for (const tried of [token, "bsl_forged-token", `bsl_${"A".repeat(43)}`]) {
        const response = await signIn(tried)
        expect(response.status).toBe(401)
        expect(response.headers.get("content-type")).toBe("application/problem+json")
        expect(response.headers.get("set-cookie")).toBeNull()
        const body = await response.text()
        expect(JSON.parse(body)).toMatchObject({ rule: "identity.link.invalid", status: 401 })
        expect(body).not.toContain(tried)
      }
      const unknownField = await signIn(token, local, browser())
      expect(unknownField.status).toBe(401)
    })

    it("another site's sign-in or change is refused: Origin and the custom header are required", async () => {
      const token = await link("teacher")
      const foreign = await signIn(token, local, browser("https://evil.example"))
      expect(foreign.status).toBe(403)
      expect(await foreign.json()).toMatchObject({
        rule: "gateway.csrf.origin",
        type: "https://bashke.org/problems/forbidden-origin",
      })
      const plainForm = await signIn(token, local, { origin: local, "content-type": "application/json" })
      expect(plainForm.status).toBe(403)
      expect((await plainForm.json()).rule).toBe("gateway.csrf.header")
      // The link was not spent by the refused tries.
      const signedIn = await signIn(token)
      expect(signedIn.status).toBe(200)
      const cookie = cookieOf(signedIn)
      const put = (headers: Record<string, string>) =>
        gateway.app.request(`${local}/v1/me/language`, {
          method: "PUT",
          headers: { ...headers, cookie },
          body: JSON.stringify({ language: "en" }),
        })
      const noMarker = await put({ origin: local, "content-type": "application/json" })
      expect(noMarker.status).toBe(403)
      const noOrigin = await put({ "x-bashke-request": "1", "content-type": "application/json" })
      expect((await noOrigin.json()).rule).toBe("gateway.csrf.origin")
      const me = await (await gateway.app.request(`${local}/v1/me`, { headers: { cookie } })).json()
      expect(me.language).toBe("sr-Cyrl")
      const changed = await put(browser())
      expect(changed.status).toBe(200)
      expect((await changed.json()).language).toBe("en")
      // A bearer token is no browser: no CSRF check applies to it.
      const apiToken = await gateway.tokenFor(principal("teacher", seeded.mechanismId))
      const byToken = await gateway.request("PUT", "/v1/me/language", { token: apiToken, body: { language: "sq" } })
      expect(byToken.status).toBe(200)
    })

    it("sign-out ends the session and clears the cookie; the old cookie is then refused and cleared", async () => {
      const signedIn = await signIn(await link())
      const cookie = cookieOf(signedIn)
      const out = await gateway.app.request(`${local}/v1/sign-out`, {
        method: "POST",
        headers: { ...browser(), cookie },
      })
      expect(out.status).toBe(200)
      expect(await out.json()).toEqual({ signedOut: true })
      expect(out.headers.get("set-cookie")).toBe("bashke=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict")
      const after = await gateway.app.request(`${local}/v1/me`, { headers: { cookie } })
      expect(after.status).toBe(401)
      expect(await after.json()).toMatchObject({ rule: "gateway.session.unknown" })
      expect(after.headers.get("set-cookie")).toBe("bashke=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict")
      const forged = await gateway.app.request(`${local}/v1/me`, { headers: { cookie: "bashke=bss_forged" } })
      expect(forged.status).toBe(401)
    })

    it("a connector's token has no person: no name, the jurisdiction's language; a person's token is theirs", async () => {
      const connector = {
        id: ulid(901) as Id.PrincipalId,
        kind: "api-token",
        roles: ["administrator"],
        mechanisms: [],
      } as const
      const apiToken = await gateway.tokenFor(connector)
      const response = await gateway.request("GET", "/v1/me", { token: apiToken })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ kind: "api-token", displayName: null, language: "sq", grants: [] })
      const personal = await gateway.tokenFor(principal("auditor", seeded.mechanismId))
      const auditor = await gateway.request("GET", "/v1/me", { token: personal })
      expect(await auditor.json()).toMatchObject({ displayName: "Jelena Nikolić", language: "sr-Latn" })
      expect(gateway.logs.map((line) => JSON.stringify(line)).join("\n")).not.toMatch(
        /Teuta|Morina|Nikoli|demo\.bashke/,
      )
    })
  })
}
