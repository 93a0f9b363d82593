import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  // due_date is a calendar day (YYYY-MM-DD), the same text on both dialects.
  yield* sql`CREATE TABLE meeting_action_items (
    id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meeting_meetings (id),
    decided_at ${ts} NOT NULL,
    owner TEXT NOT NULL,
    due_date TEXT NOT NULL,
    link_kind TEXT CHECK (link_kind IN ('case', 'activity')),
    link_id TEXT,
    description TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'not-done')),
    not_done_reason TEXT CHECK (not_done_reason IN ('circumstances-changed', 'not-done')),
    closed_at ${ts},
    closed_by TEXT,
    version INTEGER NOT NULL,
    created_at ${ts} NOT NULL,
    updated_at ${ts} NOT NULL
  )`
  yield* sql`CREATE INDEX meeting_action_items_open ON meeting_action_items (mechanism_id, status, due_date)`
  yield* sql`CREATE INDEX meeting_action_items_meeting ON meeting_action_items (meeting_id, id)`
})
