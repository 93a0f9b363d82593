// How a survivor may be reached safely: one row per version of a person's
// safe contact, only ever inserted. The instructions (whether calling is
// safe, when, through whom, the code word) are sealed whole by the vault;
// everything else is ids, a version and an instant. The latest version of a
// person's contact is read by the key.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE case_safe_contacts (
    person_id TEXT NOT NULL REFERENCES persons (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    case_id TEXT NOT NULL REFERENCES cases (id),
    instructions TEXT NOT NULL,
    written_by TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    written_at ${instant} NOT NULL,
    PRIMARY KEY (person_id, version)
  )`
})
