// Issue 16: when a held meeting's minutes are due and were first circulated;
// who carries a decision out and by when; the coordinator's edits of an agenda
// (sealed: topics are typed text).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`ALTER TABLE meeting_meetings ADD COLUMN minutes_due ${ts}`
  yield* sql`ALTER TABLE meeting_meetings ADD COLUMN minutes_circulated_at ${ts}`
  yield* sql`ALTER TABLE meeting_decisions ADD COLUMN owner_institution TEXT`
  // A calendar day (YYYY-MM-DD), the same text on both dialects, as action items' due_date.
  yield* sql`ALTER TABLE meeting_decisions ADD COLUMN due_date TEXT`
  yield* sql`CREATE TABLE meeting_agenda_edits (
    meeting_id TEXT PRIMARY KEY REFERENCES meeting_meetings (id),
    edits TEXT NOT NULL
  )`
})
