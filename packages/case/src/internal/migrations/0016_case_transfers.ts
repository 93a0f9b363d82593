// Case transfers between mechanisms: one row per proposal, decided once
// (accepted or declined). Ids, statuses and instants only. At most one
// waiting proposal per case (the partial unique index), and the waiting ones
// of a mechanism are read by either end.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_transfers (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    from_mechanism_id TEXT NOT NULL,
    to_mechanism_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined')),
    proposed_by TEXT NOT NULL,
    proposed_at ${instant} NOT NULL,
    decided_by TEXT,
    decided_at ${instant},
    lead_institution TEXT,
    CHECK (from_mechanism_id <> to_mechanism_id)
  )`
  yield* sql`CREATE UNIQUE INDEX case_transfers_waiting ON case_transfers (case_id) WHERE status = 'proposed'`
  yield* sql`CREATE INDEX case_transfers_from ON case_transfers (from_mechanism_id) WHERE status = 'proposed'`
  yield* sql`CREATE INDEX case_transfers_to ON case_transfers (to_mechanism_id) WHERE status = 'proposed'`
})
