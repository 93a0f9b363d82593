// The index a case's documents list walks (`DocumentRepository.ofCase`, ADR
// 0034): `WHERE case_id = ? AND withdrawn_at IS NULL AND id > ? ORDER BY id
// LIMIT n` starts at the cursor and stops after a page. Partial, so withdrawn
// documents (kept for the audit) are not stepped over. Migration 18's
// `(case_id, id)` stays for the reads of one document and the erasure.
// Numbered 26: 22 and 24 belong to other changes.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX case_documents_page ON case_documents (case_id, id) WHERE withdrawn_at IS NULL`
})
