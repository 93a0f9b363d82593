// Finding 9 of the outside review: API tokens never expired; a revoked token
// kept working for up to 10 s (a per-process cache); failed authentication was
// never throttled (500 garbage tokens → 500 × 401); and
// `BASHKE_RATE_LIMIT_PER_MINUTE=abc` made every request 429 with
// `Retry-After: NaN`. Now every token expires (default and maximum
// configurable), every request looks its token up in the store, failed
// authentications are paid for per client address with a backoff, and the
// rate limit and the backoff are counted in PostgreSQL where every instance
// sees them. Through HTTP, on SQLite and PostgreSQL; two instances over one
// PostgreSQL for what must hold across instances.
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import type { TestDatabase } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Layer, ManagedRuntime } from "effect"
import { ApiTokens, hash, LifetimeRefused } from "../../src/ApiTokens"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { migrationPlan } from "../../src/MigrationPlan"
import { ConfigInvalid, start } from "../../src/Server"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { stores } from "../support/Stores"

const fromHeader = {
  clientAddress: (c: { req: { header: (name: string) => string | undefined } }) => c.req.header("x-test-address"),
}

const setExpiry = (gateway: Gateway, token: string, when: Date) =>
  gateway.runtime.runPromise(
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      const tokenHash = yield* Effect.promise(() => hash(token))
      const stamp = sql.onDialectOrElse({ pg: () => when, orElse: () => when.toISOString() })
      yield* sql`UPDATE gateway_api_tokens SET expires_at = ${stamp} WHERE token_hash = ${tokenHash}`
    }).pipe(Effect.orDie),
  )

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: API tokens expire`, () => {
    let gateway: Gateway
    let mechanismId: string

    beforeAll(async () => {
      gateway = await makeGateway(db, fromHeader)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
    })
    afterAll(() => gateway.close())

    it("a token lives the default 90 days unless asked, never beyond the maximum, and not a moment past its expiry", async () => {
      const coordinator = principal("coordinator", mechanismId as never)
      const token = await gateway.tokenFor(coordinator)
      const listed = await gateway.runtime.runPromise(Effect.flatMap(ApiTokens, (tokens) => tokens.list))
      const info = listed[listed.length - 1]
      const lived = (info?.expiresAt.getTime() ?? 0) - (info?.createdAt.getTime() ?? 0)
      expect(lived).toBe(Duration.toMillis(Duration.days(90)))

      const tooLong = await gateway.runtime.runPromise(
        Effect.flip(
          Effect.flatMap(ApiTokens, (tokens) => tokens.issue(coordinator, "x", { lifetime: Duration.days(366) })),
        ),
      )
      expect(tooLong).toBeInstanceOf(LifetimeRefused)

      const cases = `/v1/cases?mechanismId=${mechanismId}`
      expect((await gateway.request("GET", cases, { token, headers: { "x-test-address": "10.0.0.1" } })).status).toBe(
        200,
      )
      // Its expiry passes: the very next request is refused.
      await setExpiry(gateway, token, new Date(Date.now() - 1000))
      const expired = await gateway.request("GET", cases, { token, headers: { "x-test-address": "10.0.0.1" } })
      expect(expired.status).toBe(401)
      expect((await expired.json()).rule).toBe("gateway.token.unknown")
    })
  })

  describe.skipIf(db.skip)(`${db.name}: failed authentication is throttled per client address`, () => {
    let gateway: Gateway
    let mechanismId: string

    beforeAll(async () => {
      gateway = await makeGateway(db, fromHeader)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
    })
    afterAll(() => gateway.close())

    it("500 garbage tokens from one address: after ten free failures, 429 with a whole Retry-After; other addresses unaffected", async () => {
      const cases = `/v1/cases?mechanismId=${mechanismId}`
      const statuses: Array<number> = []
      for (let i = 0; i < 500; i++) {
        const response = await gateway.request("GET", cases, {
          token: `bsk_garbage${i}`,
          headers: { "x-test-address": "203.0.113.7" },
        })
        statuses.push(response.status)
        if (response.status === 429) {
          expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/)
          expect((await response.json()).rule).toBe("gateway.auth.throttled")
        } else await response.body?.cancel()
      }
      // Ten free, then each failure doubles the wait (1 s, 2 s, 4 s…): on any
      // machine, only a handful more get to be tried at all.
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(20)
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(480)

      const token = await gateway.tokenFor(principal("caseManager", mechanismId as never))
      // The backoff is wall-clock time, and a loaded machine may have let the last wait run out
      // during the loop: a failure tried once it ends starts a wait at least twice as long from
      // that moment, so the good token below is asked inside it, whatever the machine's speed.
      for (let tries = 0; ; tries++) {
        const response = await gateway.request("GET", cases, {
          token: "bsk_garbage-after",
          headers: { "x-test-address": "203.0.113.7" },
        })
        await response.body?.cancel()
        if (response.status === 401) break
        expect(response.status).toBe(429)
        expect(tries).toBeLessThan(6_000)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      // The throttled address waits, even with a good token; another address does not.
      expect(
        (await gateway.request("GET", cases, { token, headers: { "x-test-address": "203.0.113.7" } })).status,
      ).toBe(429)
      expect(
        (await gateway.request("GET", cases, { token, headers: { "x-test-address": "198.51.100.2" } })).status,
      ).toBe(200)
    })
  })
}

const postgres = stores.find((store) => store.name === "postgres")

describe.skipIf(postgres === undefined || postgres.skip)("postgres: two gateway instances over one database", () => {
  const instances: Array<Gateway> = []
  let mechanismId: string

  beforeAll(async () => {
    const { url } = await (postgres as NonNullable<typeof postgres>).fresh()
    const migrate = ManagedRuntime.make(Layer.orDie(Database.layer(url)))
    await migrate.runPromise(Migrations.run(migrationPlan))
    await migrate.dispose()
    const shared: TestDatabase.TestDatabase = {
      name: "postgres",
      layer: Layer.orDie(Database.layer(url, { postgres: { maxConnections: 4 } })),
      skip: undefined,
    }
    for (let i = 0; i < 2; i++)
      instances.push(
        await makeGateway(shared, {
          ...fromHeader,
          rateLimit: { perMinute: 1, burst: 3 },
          authBackoff: {
            free: 2,
            firstDelay: Duration.minutes(5),
            maxDelay: Duration.minutes(15),
            forgetAfter: Duration.hours(1),
          },
        }),
      )
    mechanismId = (await (instances[0] as Gateway).runtime.runPromise(seed)).mechanismId
  })
  afterAll(async () => {
    for (const instance of instances) await instance.close()
  })

  const [one, two] = [() => instances[0] as Gateway, () => instances[1] as Gateway]
  const cases = () => `/v1/cases?mechanismId=${mechanismId}`

  it("a token revoked on one instance is refused by the other on its next request", async () => {
    const token = await one().tokenFor(principal("coordinator", mechanismId as never))
    const from = { "x-test-address": "192.0.2.10" }
    expect((await two().request("GET", cases(), { token, headers: from })).status).toBe(200)
    const listed = await one().runtime.runPromise(Effect.flatMap(ApiTokens, (tokens) => tokens.list))
    const id = listed[listed.length - 1]?.id as string
    expect(await one().runtime.runPromise(Effect.flatMap(ApiTokens, (tokens) => tokens.revoke(id)))).toBe(true)
    const refused = await two().request("GET", cases(), { token, headers: from })
    expect(refused.status).toBe(401)
  })

  it("failed authentications on one instance make the address wait on the other", async () => {
    const from = { "x-test-address": "192.0.2.66" }
    for (let i = 0; i < 3; i++)
      expect((await one().request("GET", cases(), { token: `bsk_nope${i}`, headers: from })).status).toBe(401)
    const waiting = await two().request("GET", cases(), { token: "bsk_nope", headers: from })
    expect(waiting.status).toBe(429)
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThan(60)
  })

  it("the rate limit per principal counts the requests of both instances", async () => {
    const token = await one().tokenFor(principal("caseManager", mechanismId as never))
    const from = { "x-test-address": "192.0.2.20" }
    const statuses = []
    for (const instance of [one(), two(), one(), two()])
      statuses.push((await instance.request("GET", cases(), { token, headers: from })).status)
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})

describe("every setting is checked at start", () => {
  it("a token lifetime beyond the maximum, or a rate that is not a number, stops the start naming the variable", async () => {
    const refusal = (env: Record<string, string>) =>
      start({ databaseUrl: "sqlite::memory:", env: { BASHKE_SCHEDULER: "off", PORT: "0", ...env } }).then(
        async (running) => {
          await running.close()
          return undefined
        },
        (error: unknown) => error,
      )
    for (const [env, variable] of [
      [{ BASHKE_RATE_LIMIT_PER_MINUTE: "abc" }, "BASHKE_RATE_LIMIT_PER_MINUTE"],
      [{ BASHKE_RATE_LIMIT_PER_MINUTE: "0" }, "BASHKE_RATE_LIMIT_PER_MINUTE"],
      [{ BASHKE_TOKEN_LIFETIME: "400 days" }, "BASHKE_TOKEN_LIFETIME"],
      [{ BASHKE_TOKEN_MAX_LIFETIME: "forever" }, "BASHKE_TOKEN_MAX_LIFETIME"],
      [{ PORT: "http" }, "PORT"],
    ] as const) {
      const error = await refusal(env)
      expect(error).toBeInstanceOf(ConfigInvalid)
      expect((error as ConfigInvalid).variable).toBe(variable)
    }
  })
})
