// The conditions of protection orders (what an order forbids or requires) as
// JSON text on the order's row, in the clear: kinds, distances, kinds of
// places and children's ids — never an address. Their corrections join the
// corrections of persons and incidents, so `case_corrections` is rebuilt
// without the check that named only those two kinds (SQLite cannot alter a
// check): same columns, rows copied, the index made again.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`ALTER TABLE protection_orders ADD COLUMN conditions TEXT`
  yield* sql`CREATE TABLE case_corrections_next (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    record_kind TEXT NOT NULL CHECK (record_kind IN ('person', 'incident', 'protection-order')),
    record_id TEXT NOT NULL,
    record_version INTEGER NOT NULL CHECK (record_version >= 2),
    fields TEXT NOT NULL,
    previous TEXT NOT NULL,
    reason TEXT NOT NULL,
    corrected_by TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    corrected_at ${instant} NOT NULL,
    UNIQUE (record_kind, record_id, record_version)
  )`
  yield* sql`INSERT INTO case_corrections_next SELECT id, case_id, record_kind, record_id, record_version, fields,
    previous, reason, corrected_by, institution_id, corrected_at FROM case_corrections`
  yield* sql`DROP TABLE case_corrections`
  yield* sql`ALTER TABLE case_corrections_next RENAME TO case_corrections`
  yield* sql`CREATE INDEX case_corrections_case ON case_corrections (case_id, id)`
})
