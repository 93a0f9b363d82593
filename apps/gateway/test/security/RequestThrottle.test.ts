// Each request is counted where its dialect says (`RequestThrottle`): in
// PostgreSQL, shared by every instance over it, and in memory over a SQLite
// file, which has one process. The identity's sign-in throttle had bound the
// store's throttle over the request throttle, so on SQLite every request wrote
// its count to the database. Through HTTP: a burst past the rate and a run of
// bad tokens are still refused with 429 on both dialects, and on SQLite no
// throttle row is written.
import { Throttle } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const throttleRows = (gateway: Gateway) =>
  gateway.runtime.runPromise(
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      const rows = yield* sql<{ n: unknown }>`SELECT COUNT(*) AS n FROM ${sql(Throttle.table)}`
      return Number(rows[0]?.n)
    }).pipe(Effect.orDie),
  )

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: requests are counted by dialect`, () => {
    let gateway: Gateway
    let mechanismId: string

    beforeAll(async () => {
      gateway = await makeGateway(db, {
        clientAddress: (c) => c.req.header("x-test-address"),
        rateLimit: { perMinute: 1, burst: 5 },
        authBackoff: {
          free: 2,
          firstDelay: Duration.minutes(5),
          maxDelay: Duration.minutes(15),
          forgetAfter: Duration.hours(1),
        },
      })
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
    })
    afterAll(() => gateway.close())

    it("a burst past the rate and a run of bad tokens get 429; only PostgreSQL keeps their counts in the table", async () => {
      const cases = `/v1/cases?mechanismId=${mechanismId}`
      const token = await gateway.tokenFor(principal("caseManager", mechanismId as never))
      const before = await throttleRows(gateway)

      const statuses: Array<number> = []
      for (let i = 0; i < 8; i++) {
        const response = await gateway.request("GET", cases, { token, headers: { "x-test-address": "192.0.2.1" } })
        statuses.push(response.status)
        await response.body?.cancel()
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429])

      const failures: Array<number> = []
      for (let i = 0; i < 5; i++) {
        const response = await gateway.request("GET", cases, {
          token: `bsk_garbage${i}`,
          headers: { "x-test-address": "192.0.2.2" },
        })
        failures.push(response.status)
        await response.body?.cancel()
      }
      // Two free failures; the third is answered, and makes the address wait.
      expect(failures).toEqual([401, 401, 401, 429, 429])

      const written = (await throttleRows(gateway)) - before
      if (db.name === "postgres") expect(written).toBe(2)
      else expect(written).toBe(0)
    })
  })
}
