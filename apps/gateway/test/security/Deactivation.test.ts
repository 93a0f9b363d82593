import { SignInLinks } from "@bashke/identity"
import { TestDatabase } from "@bashke/persistence/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose"
import { ApiTokens } from "../../src/ApiTokens"
import type * as App from "../../src/App"
import { principalClaim } from "../../src/Authentication"
import { principal } from "../../src/demo/World"
import { twoInstances } from "../support/TwoInstances"

const unavailable = await TestDatabase.postgresUnavailable()
const local = "http://localhost"
const browser = { origin: local, "x-bashke-request": "1", "content-type": "application/json" }
const keyPair = await generateKeyPair("ES256")
const jwk = { ...(await exportJWK(keyPair.publicKey)), kid: "k1", alg: "ES256" }

describe.skipIf(unavailable)("postgres: deactivation on every instance", () => {
  const {
    runtimes,
    apps,
    seeded: demo,
  } = twoInstances({
    oidc: { issuer: "https://id.example", audience: "bashke", keys: createLocalJWKSet({ keys: [jwk] }) },
  })

  it("session, API token and JWT are refused at the next request on both instances", async () => {
    const [a, b] = apps as [ReturnType<typeof App.make>, ReturnType<typeof App.make>]
    const [runtimeA] = runtimes as [(typeof runtimes)[number]]
    const who = principal("caseManager", demo().mechanismId)
    const issueLink = () =>
      runtimeA.runPromise(Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(who.id, "sign-in")))
    const signedIn = await a.request(`${local}/v1/sign-in/link`, {
      method: "POST",
      headers: browser,
      body: JSON.stringify({ token: await issueLink() }),
    })
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string
    const token = (await runtimeA.runPromise(Effect.flatMap(ApiTokens, (tokens) => tokens.issue(who, "laptop")))).token
    const { kind: _kind, ...claimed } = who
    const jwt = await new SignJWT({ [principalClaim]: claimed })
      .setProtectedHeader({ alg: "ES256", kid: "k1" })
      .setIssuer("https://id.example")
      .setAudience("bashke")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(keyPair.privateKey)
    const cases = `${local}/v1/cases?mechanismId=${demo().mechanismId}`
    const credentials = {
      session: { cookie },
      token: { authorization: `Bearer ${token}` },
      jwt: { authorization: `Bearer ${jwt}` },
    }
    const statuses = async (app: typeof a) =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(credentials).map(async ([name, headers]) => [
            name,
            (await app.request(cases, { headers })).status,
          ]),
        ),
      )
    // Warm: each credential works on B (the token is now in B's cache).
    expect(await statuses(b)).toEqual({ session: 200, token: 200, jwt: 200 })
    const pendingLink = await issueLink()

    const administrator = (
      await runtimeA.runPromise(
        Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal("administrator", demo().mechanismId), "admin")),
      )
    ).token
    const deactivated = await a.request(`${local}/v1/people/${who.id}/deactivate`, {
      method: "POST",
      headers: { authorization: `Bearer ${administrator}`, "idempotency-key": "deactivate-1" },
    })
    expect(deactivated.status).toBe(200)
    expect(await deactivated.json()).toEqual({ deactivated: true })

    expect(await statuses(b)).toEqual({ session: 401, token: 401, jwt: 401 })
    expect(await statuses(a)).toEqual({ session: 401, token: 401, jwt: 401 })
    const refused = await b.request(cases, { headers: credentials.token })
    const body = await refused.json()
    expect(body.rule).toBe("gateway.principal.deactivated")
    expect(JSON.stringify(body)).not.toContain(token)
    const link = await b.request(`${local}/v1/sign-in/link`, {
      method: "POST",
      headers: browser,
      body: JSON.stringify({ token: pendingLink }),
    })
    expect(link.status).toBe(401)
  })
})
