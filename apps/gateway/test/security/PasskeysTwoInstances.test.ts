// Passkeys on several instances: two gateways (two runtimes, two connection
// pools, two apps) over one PostgreSQL. A passkey enrolled through A signs in
// through B with a challenge A issued; the same assertion replayed through A
// is refused (the challenge is used up in the store, not in a memory); and
// one assertion sent to both at once signs in exactly once.
import { randomBytes } from "node:crypto"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Layer, ManagedRuntime } from "effect"
import pg from "pg"
import { ApiTokens } from "../../src/ApiTokens"
import * as App from "../../src/App"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { migrationPlan } from "../../src/MigrationPlan"
import * as RequestFingerprint from "../../src/RequestFingerprint"
import { routes } from "../../src/Routes"
import * as Services from "../../src/Services"
import * as SoftwareAuthenticator from "../support/SoftwareAuthenticator"

const unavailable = await TestDatabase.postgresUnavailable()
const base = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl
const local = "http://localhost"
const browser = { origin: local, "x-bashke-request": "1", "content-type": "application/json" }

describe.skipIf(unavailable)("postgres: passkeys on two instances", () => {
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

  const call = (at: 0 | 1, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    (apps[at] as (typeof apps)[number]).request(`${local}${path}`, {
      method: "POST",
      headers: { ...browser, ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] as string

  it("a challenge issued by one instance is answered at the other, once; one assertion at both signs in once", async () => {
    const [runtimeA] = runtimes as [(typeof runtimes)[number]]
    const coordinator = await runtimeA.runPromise(
      Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal("coordinator", seeded.mechanismId), "test")),
    )
    const who = principal("caseManager", seeded.mechanismId)
    const invited = await call(
      0,
      `/v1/mechanisms/${seeded.mechanismId}/invitations`,
      {
        displayName: "Nora Gashi",
        email: "nora.gashi@gjilan.example",
        language: "sq",
        institution: who.institution,
        sector: who.sector,
        roles: ["case-worker"],
      },
      { authorization: `Bearer ${coordinator.token}` },
    )
    expect(invited.status).toBe(201)
    const { token } = (await invited.json()) as { token: string }
    const accepted = await call(1, "/v1/invitations/accept", { token })
    expect(accepted.status).toBe(200)
    const cookie = cookieOf(accepted)

    // Enrolled across the two: options from A, the answer to B.
    const authenticator = SoftwareAuthenticator.make()
    const creation = await (await call(0, "/v1/me/passkeys/options", undefined, { cookie })).json()
    expect((await call(1, "/v1/me/passkeys", authenticator.create(creation, local), { cookie })).status).toBe(201)

    const answer = authenticator.get(await (await call(0, "/v1/sign-in/passkey/options")).json(), local)
    expect((await call(1, "/v1/sign-in/passkey", answer)).status).toBe(200)
    const replayed = await call(0, "/v1/sign-in/passkey", answer)
    expect(replayed.status).toBe(401)
    expect((await replayed.json()).rule).toBe("identity.passkey.refused")

    // One assertion at both instances at once: exactly one session.
    const racing = authenticator.get(await (await call(1, "/v1/sign-in/passkey/options")).json(), local)
    const statuses = (
      await Promise.all([call(0, "/v1/sign-in/passkey", racing), call(1, "/v1/sign-in/passkey", racing)])
    ).map((response) => response.status)
    expect(statuses.sort()).toEqual([200, 401])
  })
})
