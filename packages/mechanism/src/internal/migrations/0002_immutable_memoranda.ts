// A published memorandum version, and a signature once given, never change:
// the database refuses updates and deletions, so no adapter bug or hand-run
// statement can rewrite what was signed.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.gen(function* () {
        yield* sql`CREATE FUNCTION mechanism_memoranda_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'mechanism: published memorandum versions and signatures are immutable';
          END
        $$`
        yield* sql`CREATE TRIGGER mechanism_memorandum_versions_immutable
          BEFORE UPDATE OR DELETE ON mechanism_memorandum_versions
          FOR EACH ROW EXECUTE FUNCTION mechanism_memoranda_immutable()`
        yield* sql`CREATE TRIGGER mechanism_memorandum_signatures_immutable
          BEFORE UPDATE OR DELETE ON mechanism_memorandum_signatures
          FOR EACH ROW EXECUTE FUNCTION mechanism_memoranda_immutable()`
      }),
    orElse: () =>
      Effect.gen(function* () {
        for (const table of ["mechanism_memorandum_versions", "mechanism_memorandum_signatures"]) {
          for (const event of ["UPDATE", "DELETE"]) {
            yield* sql`CREATE TRIGGER ${sql.literal(`${table}_no_${event.toLowerCase()}`)}
              BEFORE ${sql.literal(event)} ON ${sql.literal(table)}
              BEGIN SELECT RAISE(ABORT, 'mechanism: published memorandum versions and signatures are immutable'); END`
          }
        }
      }),
  })
})
