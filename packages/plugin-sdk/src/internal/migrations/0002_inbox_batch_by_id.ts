import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

// A batch's records are found by the range of their ids (`<batch id>-<position>`)
// on the primary key; the index on batch_id cost one more B-tree insert per
// imported record and served nothing else.
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql`DROP INDEX plugin_inbox_batch`
})
