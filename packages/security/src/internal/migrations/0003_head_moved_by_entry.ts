// The chain head moved by the database as each entry goes in (ADR 0038),
// no longer by a second statement of the application's after every entry.
//
// The guards of migration 1 stay as they are: an entry still goes in only
// right after the head, and the head still moves only by one, to the entry
// just appended. This trigger makes that move part of the entry's insert, so
// that a page of entries goes in as one statement on SQLite (each row is
// checked against the head the row before moved), where a bulk import's
// reads paid two statements an entry. PostgreSQL fires a row's AFTER trigger
// at the end of its statement, after the next row's BEFORE check: there the
// entries still go in one a statement, each without the head's update.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.zipRight(
        sql.unsafe(`CREATE FUNCTION audit_log_moves_head() RETURNS trigger LANGUAGE plpgsql AS $move$
          BEGIN
            UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
            RETURN NULL;
          END
          $move$`),
        sql.unsafe(`CREATE TRIGGER audit_log_moves_head AFTER INSERT ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_moves_head()`),
      ),
    orElse: () =>
      sql.unsafe(`CREATE TRIGGER audit_log_moves_head AFTER INSERT ON audit_log
        BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END`),
  })
})
