// The index of a mechanism's break-glass reviews in the order they are listed
// (read time, then id): the keyset page `WHERE mechanism_id = ? [AND verdict
// IS [NOT] NULL] AND (read_at, id) > (?, ?) ORDER BY read_at, id LIMIT n`
// walks it from the cursor and stops after n rows, so a page costs the same
// for a mechanism with ten reviews as for one with a hundred thousand.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX case_break_glass_reviews_page ON case_break_glass_reviews (mechanism_id, read_at, id)`
})
