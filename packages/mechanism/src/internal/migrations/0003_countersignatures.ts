// The coordinator's countersignatures of memorandum signatures: a signature
// counts (its institution is a signatory, and sees case data) only once it is
// countersigned. A table of its own, because signatures are immutable
// (migration 2) and a countersignature is a second act by another person, with
// its own day and author. Countersignatures are immutable too: the database
// refuses updates and deletions. A signature recorded before this migration
// has none: it counts once the coordinator countersigns it (no signature is
// grandfathered, since nothing tells a self-recorded one apart).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const day = sql.onDialectOrElse({ pg: () => sql.literal("date"), orElse: () => sql.literal("TEXT") })
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE mechanism_memorandum_countersignatures (
    memorandum_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    institution_id TEXT NOT NULL,
    countersigned_on ${day} NOT NULL,
    countersigned_by TEXT NOT NULL,
    recorded_at ${instant} NOT NULL,
    PRIMARY KEY (memorandum_id, version, institution_id),
    FOREIGN KEY (memorandum_id, version, institution_id)
      REFERENCES mechanism_memorandum_signatures (memorandum_id, version, institution_id)
  )`
  yield* sql.onDialectOrElse({
    pg: () =>
      sql`CREATE TRIGGER mechanism_memorandum_countersignatures_immutable
        BEFORE UPDATE OR DELETE ON mechanism_memorandum_countersignatures
        FOR EACH ROW EXECUTE FUNCTION mechanism_memoranda_immutable()`,
    orElse: () =>
      Effect.forEach(
        ["UPDATE", "DELETE"],
        (event) =>
          sql`CREATE TRIGGER ${sql.literal(`mechanism_memorandum_countersignatures_no_${event.toLowerCase()}`)}
            BEFORE ${sql.literal(event)} ON mechanism_memorandum_countersignatures
            BEGIN SELECT RAISE(ABORT, 'mechanism: published memorandum versions and signatures are immutable'); END`,
        { discard: true },
      ),
  })
})
