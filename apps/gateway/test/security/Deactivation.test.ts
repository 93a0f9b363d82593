// Issue 14: deactivating a person takes effect at the next request on every
// gateway instance sharing the store. Two instances (two runtimes, two
// connection pools, two apps) over one PostgreSQL: the case manager reads her
// mechanism's cases through instance B by session cookie, API token and OIDC
// JWT; an administrator deactivates her through instance A; the very next
// request of each credential on B — and on A — is refused, and her one-time
// links no longer sign in.
import { randomBytes } from "node:crypto"
import { SignInLinks } from "@bashke/identity"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Layer, ManagedRuntime } from "effect"
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose"
import pg from "pg"
import { ApiTokens } from "../../src/ApiTokens"
import * as App from "../../src/App"
import { principalClaim } from "../../src/Authentication"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { migrationPlan } from "../../src/MigrationPlan"
import * as RequestFingerprint from "../../src/RequestFingerprint"
import { routes } from "../../src/Routes"
import * as Services from "../../src/Services"

const unavailable = await TestDatabase.postgresUnavailable()
const base = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl
const local = "http://localhost"
const browser = { origin: local, "x-bashke-request": "1", "content-type": "application/json" }
const keyPair = await generateKeyPair("ES256")
const jwk = { ...(await exportJWK(keyPair.publicKey)), kid: "k1", alg: "ES256" }

describe.skipIf(unavailable)("postgres: deactivation on every instance", () => {
  const schema = `bashke_test_${randomBytes(6).toString("hex")}`
  const admin = new pg.Client({ connectionString: base })
  const runtimes: Array<ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>> = []
  const apps: Array<ReturnType<typeof App.make>> = []
  let seeded: Seeded

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    const url = new URL(base)
    url.searchParams.set("options", `-c search_path=${schema}`)
    for (let i = 0; i < 2; i++) {
      const runtime = ManagedRuntime.make(
        Services.layer(Services.testKeys).pipe(
          Layer.provideMerge(Layer.orDie(Database.layer(url.toString(), { postgres: { maxConnections: 4 } }))),
          Layer.orDie,
        ),
      )
      runtimes.push(runtime)
      apps.push(
        App.make({
          run: (effect) => runtime.runPromiseExit(effect),
          fingerprint: await RequestFingerprint.make(new Uint8Array(32).fill(0x33)),
          routes,
          oidc: { issuer: "https://id.example", audience: "bashke", keys: createLocalJWKSet({ keys: [jwk] }) },
          rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
        }),
      )
    }
    const first = runtimes[0] as (typeof runtimes)[number]
    await first.runPromise(Migrations.run(migrationPlan))
    seeded = await first.runPromise(seed)
  })
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.dispose()
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  })

  it("session, API token and JWT are refused at the next request on both instances", async () => {
    const [a, b] = apps as [ReturnType<typeof App.make>, ReturnType<typeof App.make>]
    const [runtimeA] = runtimes as [(typeof runtimes)[number]]
    const who = principal("caseManager", seeded.mechanismId)
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
    const cases = `${local}/v1/cases?mechanismId=${seeded.mechanismId}`
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
        Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal("administrator", seeded.mechanismId), "admin")),
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
