// An index for reading a case whole. `SqlCaseRepository` loads a case with one
// query per table by `case_id`; every table had an index leading with it but
// `protection_order_events`, whose key leads with the order, so each read of
// any case scanned the events of every order (SQLite: the whole primary-key
// index; PostgreSQL: the whole table). This one also holds the query's order
// (`ORDER BY order_id, seq`), so no sort follows. Same statement on both
// dialects.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX protection_order_events_case ON protection_order_events (case_id, order_id, seq)`
})
