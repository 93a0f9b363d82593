// The court hearings of protection orders. A table of their own rather than
// rows of `protection_order_events`: that table's CHECK lists the event kinds,
// and SQLite cannot change a CHECK without rebuilding the table under the
// published statistics views, which count its events by kind and would then
// count hearings too. A hearing takes its `seq` from the same numbering as the
// order's events, so the order's history reads back in the order it was
// written. Indexed by case like every table a case is read from. Instants are
// `timestamptz` on PostgreSQL and ISO text on SQLite, as in migration 1.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE protection_order_hearings (
    order_id TEXT NOT NULL REFERENCES protection_orders (id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    case_id TEXT NOT NULL REFERENCES cases (id),
    hearing_at ${instant} NOT NULL,
    scheduled_at ${instant} NOT NULL,
    court TEXT,
    recorded_at ${instant} NOT NULL,
    PRIMARY KEY (order_id, seq)
  )`
  yield* sql`CREATE INDEX protection_order_hearings_case ON protection_order_hearings (case_id, order_id, seq)`
})
