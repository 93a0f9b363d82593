// What the survivor was told: one row per time they were told, only ever
// inserted. What was said is sealed by the vault (the adapter seals it); the
// topics are codes, comma-joined; everything else is ids, a locale and
// instants. Read by case, in id order, hence the index.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_survivor_informed (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    topics TEXT NOT NULL,
    said TEXT NOT NULL,
    language TEXT NOT NULL,
    told_at ${instant} NOT NULL,
    told_by TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    recorded_at ${instant} NOT NULL
  )`
  yield* sql`CREATE INDEX case_survivor_informed_case ON case_survivor_informed (case_id, id)`
})
