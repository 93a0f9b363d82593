// The reviews of a case at the mechanism's case conference, with the
// survivor's voice: one row per review, only ever inserted. Her wishes and
// the conference's note are sealed by the vault (the adapter seals them);
// outcomes are codes, comma-joined. Read by case, in id order, hence the index.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_reviews (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    reviewed_at ${instant} NOT NULL,
    wishes_heard TEXT NOT NULL CHECK (wishes_heard IN ('in-person', 'through-representative', 'not-asked')),
    wishes TEXT NOT NULL,
    outcomes TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    recorded_at ${instant} NOT NULL
  )`
  yield* sql`CREATE INDEX case_reviews_case ON case_reviews (case_id, id)`
})
