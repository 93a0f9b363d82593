/**
 * Which database the demo made. The demo's throwaway keys and its tokens are
 * for invented data only: a database gets them only when the demo itself
 * filled it, which the `demo` row of `gateway_settings` records — written in
 * the seed's own transaction, so a seed that failed half-way leaves neither
 * data nor mark. A database with anything else in it is never seeded and never
 * marked.
 */
import type { Errors, Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import type { GatewayServices } from "../Services"
import { type Seeded, seed } from "./Seed"

/** What a database holds: the demo's data, nothing yet, or someone's real data. */
export type State = "demo" | "empty" | "other"

// Tables that something other than the demo fills first: a mechanism, an
// institution, a directory organisation, an API token, an audit entry, a person.
const filledFirst = [
  "mechanisms",
  "mechanism_institutions",
  "referral_organizations",
  "gateway_api_tokens",
  "audit_log",
  "identity_people",
]

/** The state of the (migrated) database. */
export const state: Effect.Effect<State, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const marked = yield* sql<{ value: string }>`SELECT value FROM gateway_settings WHERE name = 'demo'`
  if (marked.length > 0) return "demo"
  for (const table of filledFirst) {
    const rows = yield* sql<{ one: unknown }>`SELECT 1 AS one FROM ${sql(table)} LIMIT 1`
    if (rows.length > 0) return "other"
  }
  return "empty"
}).pipe(Effect.orDie)

/** Seeds the demo into an empty database and marks it, in one transaction. */
export const seedAndMark: Effect.Effect<Seeded, Errors.DomainError, GatewayServices> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return yield* sql.withTransaction(
    Effect.gen(function* () {
      const seeded = yield* seed
      yield* mark(seeded.mechanismId)
      return seeded
    }),
  )
}).pipe(Effect.catchTag("SqlError", Effect.die))

const mark = (mechanismId: Id.MechanismId) =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (sql) => sql.withoutTransforms()`INSERT INTO gateway_settings (name, value) VALUES ('demo', ${mechanismId})`,
  )

/** The mechanism the demo made, in a database it marked. */
export const mechanism: Effect.Effect<Id.MechanismId | undefined, never, SqlClient.SqlClient> = Effect.gen(
  function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql<{ value: string }>`SELECT value FROM gateway_settings WHERE name = 'demo'`
    return rows[0]?.value as Id.MechanismId | undefined
  },
).pipe(Effect.orDie)
