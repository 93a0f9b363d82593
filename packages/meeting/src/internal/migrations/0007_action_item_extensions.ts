// The history of action items' due dates: each extension keeps the previous
// date, who extended it for which institution, when, and the reason (sealed).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE meeting_action_item_extensions (
    id TEXT PRIMARY KEY,
    action_item_id TEXT NOT NULL REFERENCES meeting_action_items (id),
    previous_due_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    extended_by TEXT NOT NULL,
    institution TEXT NOT NULL,
    extended_at ${ts} NOT NULL
  )`
  yield* sql`CREATE INDEX meeting_action_item_extensions_item ON meeting_action_item_extensions (action_item_id, id)`
})
