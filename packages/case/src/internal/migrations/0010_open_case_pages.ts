// Indexes for paging a mechanism's open cases by id (the case list): the
// keyset query `WHERE mechanism_id = ? AND status <> 'closed' [AND
// COALESCE(risk_level, 'standard') = ?] AND id > ? ORDER BY id LIMIT n` walks
// one of these from the cursor and stops after n rows, so a page costs the same
// for ten thousand cases as for a million. Partial (open cases only) and with
// the same expression as the query, on both dialects. Numbered 10: 9 is the
// case notes' (issue 18), which may reach main after this one.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX cases_open_page ON cases (mechanism_id, id) WHERE status <> 'closed'`
  yield* sql`CREATE INDEX cases_open_risk_page ON cases (mechanism_id, (COALESCE(risk_level, 'standard')), id)
    WHERE status <> 'closed'`
})
