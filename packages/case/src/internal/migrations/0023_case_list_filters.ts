// Indexes for the case list's status and lead-institution filters
// (`CaseRepository.openPage`): `WHERE mechanism_id = ? AND status <> 'closed'
// AND status = ? [AND lead_institution = ?] AND id > ? ORDER BY id LIMIT n`
// walks the first from the cursor, the lead one walks the second, and each
// stops after a page, so a rare status or lead costs a page, not a walk over
// every open case. Partial, as `cases_open_page` (migration 10). Numbered 23:
// 22 belongs to another change that may reach main after this one.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX cases_open_status_page ON cases (mechanism_id, status, id) WHERE status <> 'closed'`
  yield* sql`CREATE INDEX cases_open_lead_page ON cases (mechanism_id, lead_institution, id) WHERE status <> 'closed'`
})
