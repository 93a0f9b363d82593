// The break-glass reviews: one row per successful break-glass read, which the
// mechanism's coordinator closes with a verdict. The written reason is sealed
// by the vault (the adapter seals it); everything else is ids, a code and
// instants. Listed by mechanism, open ones first asked for, hence the index.
// Instants are `timestamptz` on PostgreSQL and ISO text on SQLite, as in
// migration 1.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_break_glass_reviews (
    id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    person_id TEXT NOT NULL,
    principal_id TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    read_at ${instant} NOT NULL,
    verdict TEXT CHECK (verdict IS NULL OR verdict IN ('justified', 'unjustified')),
    reviewed_by TEXT,
    reviewed_at ${instant},
    CHECK ((verdict IS NULL) = (reviewed_at IS NULL))
  )`
  yield* sql`CREATE INDEX case_break_glass_reviews_mechanism ON case_break_glass_reviews (mechanism_id, verdict, read_at)`
})
