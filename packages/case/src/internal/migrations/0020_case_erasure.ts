// Erasure (ADR 0012): when a case's personal data was erased (its data key
// destroyed), and the index the retention job reads closed, not yet erased
// cases by. Ids and instants only.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`ALTER TABLE cases ADD COLUMN erased_at ${instant}`
  yield* sql`CREATE INDEX cases_retention ON cases (closed_at) WHERE status = 'closed' AND erased_at IS NULL`
})
