// Browsers signing in through an institution's identity provider, on SQLite
// and PostgreSQL, against a real OpenID Provider (`oidc-provider`) started
// here: the gateway sends the browser to the provider with state, nonce and
// an S256 challenge; the browser signs in on the provider's own pages; the
// callback exchanges the code, verifies the ID token and maps the claims by
// configuration to a person — the demo's case manager, linked by the address
// the provider verified, or a new person — and sets the session cookie as a
// password sign-in does. The session reads /v1/me and the cases of the mapped
// roles. A wrong state, a replayed code, a tampered nonce, a callback with no
// flow, another browser's flow, another issuer, a provider's refusal, a
// deactivated person and too many starts from one address are RFC 9457
// problems that echo nothing and change nothing.
import { People, type ProviderClaims } from "@bashke/identity"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { emailOf } from "../../src/demo/PeopleDemo"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, principal } from "../../src/demo/World"
import * as OidcSignIn from "../../src/OidcSignIn"
import * as OidcSignInRoutes from "../../src/routes/OidcSignIn"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import * as IdentityProvider from "../support/IdentityProvider"

const local = "http://localhost"
const redirectUri = `${local}${OidcSignIn.callbackPath}`
const cookieOf = (setCookie: string, name: string) =>
  setCookie
    .split(/,(?=\s*[\w-]+=)/)
    .map((line) => line.trim())
    .find((line) => line.startsWith(`${name}=`))

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: sign-in through an institution's identity provider`, () => {
    let provider: IdentityProvider.IdentityProvider
    let gateway: Gateway
    let seeded: Seeded
    // Filled once the demo's mechanism exists: the client reads the mapping at each sign-in.
    const groups: Record<string, ReadonlyArray<{ role: "case-worker"; mechanism: never }>> = {}
    const mapping = {
      institution: { id: institutions.socialWork.id, sector: "social-work" },
      roles: { claim: "groups", values: groups },
    } as unknown as ProviderClaims.Mapping

    const begin = async () => {
      const response = await gateway.app.request(`${local}/v1/sign-in/oidc`)
      expect(response.status).toBe(303)
      const setCookie = response.headers.get("set-cookie") ?? ""
      const flow = (cookieOf(setCookie, "bashke-flow") ?? "").split(";")[0] as string
      return { authorize: response.headers.get("location") as string, flow, setCookie }
    }
    const finish = (callback: URL | string, cookie?: string) =>
      gateway.app.request(
        typeof callback === "string" ? `${local}${callback}` : `${local}${callback.pathname}${callback.search}`,
        cookie === undefined ? {} : { headers: { cookie } },
      )
    const signIn = async (account: string) => {
      const { authorize, flow } = await begin()
      const callback = await provider.signIn(authorize, account)
      return { callback, flow, response: await finish(callback, flow) }
    }
    const count = (table: string) =>
      gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM ${sql(table)}`).pipe(
          Effect.map((rows) => Number(rows[0]?.n)),
          Effect.orDie,
        ),
      )
    const state = () =>
      Promise.all(["identity_sessions", "identity_people", "identity_provider_subjects", "identity_grants"].map(count))
    const expectProblem = async (response: Response, status: number, rule: string, unechoed: Array<string> = []) => {
      expect(response.status).toBe(status)
      expect(response.headers.get("content-type")).toBe("application/problem+json")
      expect(response.headers.get("set-cookie") ?? "").not.toMatch(/(^|, )bashke=bss_/)
      const body = await response.text()
      expect(JSON.parse(body)).toMatchObject({ status, rule })
      for (const value of unechoed) expect(body).not.toContain(value)
    }

    beforeAll(async () => {
      provider = await IdentityProvider.start(redirectUri)
      gateway = await makeGateway(db, {
        clientAddress: (c) => c.req.header("x-test-address"),
        oidcSignIn: OidcSignIn.make({
          issuer: provider.issuer,
          clientId: IdentityProvider.clientId,
          clientSecret: Redacted.make(IdentityProvider.clientSecret),
          redirectUri,
          scopes: ["openid", "profile", "email"],
          algorithms: ["RS256"],
          mapping,
          name: "QPS Gjilan",
        }),
      })
      seeded = await gateway.runtime.runPromise(seed)
      groups["dv-case-workers"] = [{ role: "case-worker", mechanism: seeded.mechanismId as never }]
      provider.accounts.set("teuta-at-qps", {
        name: "Teuta Morina",
        email: emailOf("caseManager"),
        email_verified: true,
        locale: "sq",
        groups: ["dv-case-workers", "staff"],
      })
      provider.accounts.set("lirije-at-qps", {
        name: "Lirije Hoxha",
        email: "lirije.hoxha@qps-gjilan.example",
        email_verified: true,
        locale: "en",
        groups: ["dv-case-workers"],
      })
    })
    afterAll(async () => {
      await gateway?.close()
      await provider?.close()
    })

    it("signs in through the provider: PKCE and nonce sent, the person linked, the cookie as a password's, /v1/me and cases", async () => {
      const { authorize, flow, setCookie } = await begin()
      expect(setCookie).toMatch(/^bashke-flow=bsf_[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/)
      const sent = new URL(authorize)
      expect(sent.origin).toBe(provider.issuer)
      expect(Object.fromEntries(sent.searchParams)).toMatchObject({
        response_type: "code",
        client_id: IdentityProvider.clientId,
        redirect_uri: redirectUri,
        scope: "openid profile email",
        code_challenge_method: "S256",
      })
      for (const name of ["state", "nonce", "code_challenge"])
        expect(sent.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{43}$/)

      const callback = await provider.signIn(authorize, "teuta-at-qps")
      expect(callback.pathname).toBe(OidcSignIn.callbackPath)
      expect(callback.searchParams.get("state")).toBe(sent.searchParams.get("state"))
      const response = await finish(callback, flow)
      expect(response.status).toBe(303)
      expect(response.headers.get("location")).toBe("/")
      expect(response.headers.get("cache-control")).toBe("no-store")
      const cookies = response.headers.get("set-cookie") ?? ""
      const session = cookieOf(cookies, "bashke") ?? ""
      expect(session).toMatch(/^bashke=bss_[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/)
      expect(cookieOf(cookies, "bashke-flow")).toBe("bashke-flow=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax")

      const cookie = session.split(";")[0] as string
      const teuta = principal("caseManager", seeded.mechanismId)
      const me = await gateway.app.request(`${local}/v1/me`, { headers: { cookie } })
      expect(await me.json()).toEqual({
        id: teuta.id,
        kind: "user",
        displayName: "Teuta Morina",
        language: "sq",
        institution: teuta.institution,
        sector: "social-work",
        roles: ["case-worker"],
        mechanisms: [seeded.mechanismId],
        grants: [{ role: "case-worker", mechanism: seeded.mechanismId }],
      })
      const path = `/v1/cases?mechanismId=${seeded.mechanismId}`
      const bySession = await gateway.app.request(`${local}${path}`, { headers: { cookie } })
      const byToken = await gateway.request("GET", path, { token: await gateway.tokenFor(teuta) })
      expect(bySession.status).toBe(200)
      const cases = (await bySession.json()) as { items: Array<unknown> }
      expect(cases).toEqual(await byToken.json())
      expect(cases.items.length).toBeGreaterThan(0)
    })

    it("a new person the first time, found again by the provider's subject; grants follow the provider's groups", async () => {
      const first = await signIn("lirije-at-qps")
      expect(first.response.status).toBe(303)
      const cookie = (cookieOf(first.response.headers.get("set-cookie") ?? "", "bashke") ?? "").split(";")[0] as string
      const me = await (await gateway.app.request(`${local}/v1/me`, { headers: { cookie } })).json()
      expect(me).toMatchObject({
        kind: "user",
        displayName: "Lirije Hoxha",
        language: "en",
        institution: institutions.socialWork.id,
        roles: ["case-worker"],
        mechanisms: [seeded.mechanismId],
      })
      const people = await count("identity_people")
      const again = await signIn("lirije-at-qps")
      const cookie2 = (cookieOf(again.response.headers.get("set-cookie") ?? "", "bashke") ?? "").split(";")[0] as string
      expect((await (await gateway.app.request(`${local}/v1/me`, { headers: { cookie: cookie2 } })).json()).id).toBe(
        me.id,
      )
      expect(await count("identity_people")).toBe(people)

      // The provider no longer puts her in a mapped group: no role, no session.
      provider.accounts.set("lirije-at-qps", { ...provider.accounts.get("lirije-at-qps"), groups: ["staff"] })
      const before = await state()
      await expectProblem((await signIn("lirije-at-qps")).response, 403, "identity.provider.no-role")
      expect(await state()).toEqual(before)
      provider.accounts.set("lirije-at-qps", { ...provider.accounts.get("lirije-at-qps"), groups: ["dv-case-workers"] })

      // Deactivated: refused, whatever the provider says.
      await gateway.runtime.runPromise(
        Effect.flatMap(People.People, (found) =>
          found.deactivate(me.id, principal("administrator", seeded.mechanismId).id),
        ),
      )
      const afterDeactivation = await state()
      await expectProblem((await signIn("lirije-at-qps")).response, 403, "identity.person.deactivated")
      expect(await state()).toEqual(afterDeactivation)
    })

    it("a wrong state, a callback with no flow, another browser's flow: refused, nothing changed, the flow still good", async () => {
      const { authorize, flow } = await begin()
      const callback = await provider.signIn(authorize, "teuta-at-qps")
      const code = callback.searchParams.get("code") as string
      const before = await state()
      const wrongState = new URL(callback)
      wrongState.searchParams.set("state", "A".repeat(43))
      await expectProblem(await finish(wrongState, flow), 401, "identity.provider.flow-unknown", [code])
      await expectProblem(await finish(callback), 401, "identity.provider.flow-unknown", [code])
      await expectProblem(
        await finish(`${OidcSignIn.callbackPath}?state=${"B".repeat(43)}&code=whatever`),
        401,
        "identity.provider.flow-unknown",
      )
      const other = await begin()
      await expectProblem(await finish(callback, other.flow), 401, "identity.provider.flow-unknown", [code])
      const otherIssuer = new URL(callback)
      otherIssuer.searchParams.set("iss", "https://id.elsewhere.example")
      await expectProblem(await finish(otherIssuer, flow), 401, "gateway.oidc.issuer")
      await expectProblem(
        await finish(`${OidcSignIn.callbackPath}?code=x&unknown=1`, flow),
        422,
        "gateway.input.unknown-field",
      )
      expect(await state()).toEqual(before)
      // None of that used the flow up: its own browser still finishes it.
      expect((await finish(callback, flow)).status).toBe(303)
    })

    it("a replayed code is refused: by the flow, used once, and by the provider, under a new flow", async () => {
      const first = await signIn("teuta-at-qps")
      expect(first.response.status).toBe(303)
      const code = first.callback.searchParams.get("code") as string
      const before = await state()
      await expectProblem(await finish(first.callback, first.flow), 401, "identity.provider.flow-unknown", [code])
      const fresh = await begin()
      const replay = new URL(first.callback)
      replay.searchParams.set("state", new URL(fresh.authorize).searchParams.get("state") as string)
      await expectProblem(await finish(replay, fresh.flow), 401, "gateway.oidc.code-refused", [code])
      expect(await state()).toEqual(before)
    })

    it("a tampered nonce, and the provider's refusal, are problems; no session starts", async () => {
      const { authorize, flow } = await begin()
      const tampered = new URL(authorize)
      tampered.searchParams.set("nonce", "C".repeat(43))
      const callback = await provider.signIn(tampered.toString(), "teuta-at-qps")
      const before = await state()
      await expectProblem(await finish(callback, flow), 401, "gateway.oidc.nonce")
      const refusal = await begin()
      const refusedState = new URL(refusal.authorize).searchParams.get("state") as string
      await expectProblem(
        await finish(`${OidcSignIn.callbackPath}?state=${refusedState}&error=access_denied`, refusal.flow),
        401,
        "gateway.oidc.provider-refused",
      )
      expect(await state()).toEqual(before)
    })

    it("one client address starts at most a burst of flows; then a problem, and no flow written", async () => {
      const flows = () => count("identity_provider_flows")
      const address = { "x-test-address": `198.51.100.${db.name === "sqlite" ? 7 : 8}` }
      const starts: Array<number> = []
      for (let n = 0; n < OidcSignInRoutes.startRate.burst; n += 1)
        starts.push((await gateway.app.request(`${local}/v1/sign-in/oidc`, { headers: address })).status)
      expect(starts).toEqual(Array(OidcSignInRoutes.startRate.burst).fill(303))
      const before = await flows()
      const refused = await gateway.app.request(`${local}/v1/sign-in/oidc`, { headers: address })
      // A wait, not a refused credential: 429, and when to try again (a burst refills in seconds).
      await expectProblem(refused, 429, "identity.sign-in.throttled")
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1)
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60)
      expect(refused.headers.get("set-cookie")).toBeNull()
      expect(await flows()).toBe(before)
      // Another address is not held back.
      const other = { "x-test-address": "203.0.113.9" }
      expect((await gateway.app.request(`${local}/v1/sign-in/oidc`, { headers: other })).status).toBe(303)
    })

    it("the sign-in screen learns the provider's name; without a provider the routes are 404 and the method null", async () => {
      const methods = await gateway.app.request(`${local}/v1/sign-in/methods`)
      expect(await methods.json()).toEqual({ oidc: { name: "QPS Gjilan", start: "/v1/sign-in/oidc" } })
      const plain = await makeGateway(db)
      try {
        expect(await (await plain.app.request(`${local}/v1/sign-in/methods`)).json()).toEqual({ oidc: null })
        const start = await plain.app.request(`${local}/v1/sign-in/oidc`)
        expect(start.status).toBe(404)
        expect(start.headers.get("set-cookie")).toBeNull()
      } finally {
        await plain.close()
      }
    })
  })
}
