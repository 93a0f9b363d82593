// Corrections of recorded facts (persons, incidents): one row per
// correction, only ever inserted. The reason and the previous values are
// sealed by the vault (the adapter seals them; previous identifying details
// are kept as the sealed values the person's row held). The record's version
// after the correction is unique per record, so a history reads in order.
// Read by case, in id order, hence the index.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_corrections (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    record_kind TEXT NOT NULL CHECK (record_kind IN ('person', 'incident')),
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
  yield* sql`CREATE INDEX case_corrections_case ON case_corrections (case_id, id)`
})
