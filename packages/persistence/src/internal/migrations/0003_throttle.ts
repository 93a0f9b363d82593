import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

// One row per throttled key (`Throttle`): its hash, the bucket's level (tokens
// left, or failures counted), when it was last touched and until when it waits,
// all times in milliseconds since the epoch so every dialect compares numbers.
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () => sql`CREATE TABLE bashke_throttle (
      bucket text PRIMARY KEY,
      level double precision NOT NULL,
      at bigint NOT NULL,
      until_at bigint NOT NULL,
      allowed integer NOT NULL
    )`,
    orElse: () => sql`CREATE TABLE bashke_throttle (
      bucket TEXT PRIMARY KEY,
      level REAL NOT NULL,
      at INTEGER NOT NULL,
      until_at INTEGER NOT NULL,
      allowed INTEGER NOT NULL
    )`,
  })
  yield* sql`CREATE INDEX bashke_throttle_at ON bashke_throttle (at)`
})
