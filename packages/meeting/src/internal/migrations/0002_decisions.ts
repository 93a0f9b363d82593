import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE meeting_decisions (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting_meetings (id),
    mechanism_id TEXT NOT NULL,
    text TEXT NOT NULL,
    case_id TEXT,
    recorded_at ${ts} NOT NULL,
    recorded_by TEXT NOT NULL
  )`
  yield* sql`CREATE INDEX meeting_decisions_meeting ON meeting_decisions (meeting_id, id)`
})
