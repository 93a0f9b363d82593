// Calendar feeds: a principal's revocable subscription URL, its secret kept as
// a SHA-256 only.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE meeting_calendar_feeds (
    id TEXT PRIMARY KEY,
    principal_id TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    locale TEXT NOT NULL,
    created_at ${ts} NOT NULL,
    revoked_at ${ts}
  )`
  yield* sql`CREATE INDEX meeting_calendar_feeds_principal ON meeting_calendar_feeds (principal_id, id)`
})
