// The institution registry: one row per institution, its name in the four
// languages as JSON (names are public, not sealed), sector, municipality (NULL
// for a national institution) and version. Id 4: 3 is another branch's.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE mechanism_institutions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    municipality TEXT,
    version INTEGER NOT NULL,
    created_at ${instant} NOT NULL,
    updated_at ${instant} NOT NULL
  )`
})
