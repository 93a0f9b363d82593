// The Workers client restates the Node client's type parsers and name
// transforms (persistence keeps them internal): the same statement must come
// back as the same row from both, or the repositories would read differently
// on Workers. Run in Node against the test server; outside a request, the
// Workers client's connections serve one use each.
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { Effect, type Layer } from "effect"
import { describe, expect, it } from "vitest"
import * as HyperdriveClient from "../../src/HyperdriveClient"

const unavailable = await TestDatabase.postgresUnavailable()
if (unavailable !== undefined && (process.env.CI === "true" || process.env.CI === "1")) {
  throw new Error(`${unavailable} (CI=true: refusing to skip)`)
}
const url = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl

const probe = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return yield* sql`SELECT
      '2026-03-01 09:30:00.123456+01'::timestamptz AS occurred_at,
      '2026-03-01 09:30:00'::timestamp AS plain_time,
      '2026-03-01'::date AS civil_date,
      42::int8 AS small_count,
      9007199254740993::int8 AS huge_count,
      3::int4 AS version,
      '{"camelKey":1}'::text AS payload_text,
      '{"camelKey":1}'::jsonb AS payload_json,
      NULL::timestamptz AS revoked_at,
      ${"x"} AS bound_value`
})

const rowsFrom = (layer: Layer.Layer<SqlClient.SqlClient, unknown>) =>
  Effect.runPromise(Effect.scoped(Effect.provide(probe, layer)).pipe(Effect.orDie))

describe.skipIf(unavailable)("HyperdriveClient reads rows as the Node client does", () => {
  it("timestamps, dates, int8, JSON and names alike", async () => {
    const node = await rowsFrom(Database.layer(url))
    const worker = await rowsFrom(HyperdriveClient.layer({ connectionString: url }))
    expect(worker).toEqual(node)
    expect(worker[0]).toMatchObject({
      occurredAt: "2026-03-01T08:30:00.123Z",
      civilDate: "2026-03-01",
      smallCount: 42,
      hugeCount: "9007199254740993",
      payloadJson: { camelKey: 1 },
    })
  })
})
