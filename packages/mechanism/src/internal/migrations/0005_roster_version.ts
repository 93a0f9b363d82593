// The roster's version: one row whose value changes, in the writing
// transaction, whenever a membership, a memorandum version, a signature or a
// countersignature is written — whatever writes it (triggers, as migration 2's
// immutability). `Mechanisms.layer` keeps the rosters it read (memberships and
// memoranda, which decide who is a signatory) under this value and reads only
// the value on each policy check: one indexed read instead of three, and a
// change made on any instance counts at the next request of every instance
// (ADR 0021). The value is random, not a counter: a transaction that bumps it
// and then rolls back must not leave a value that a later, different change
// would reuse.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

const tables = [
  "mechanism_memberships",
  "mechanism_memorandum_versions",
  "mechanism_memorandum_signatures",
  "mechanism_memorandum_countersignatures",
] as const

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.gen(function* () {
        yield* exec(`CREATE TABLE mechanism_roster_version (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          value TEXT NOT NULL
        )`)
        yield* exec(`INSERT INTO mechanism_roster_version (id, value) VALUES (1, md5(random()::text))`)
        yield* exec(`CREATE FUNCTION mechanism_roster_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN UPDATE mechanism_roster_version SET value = md5(random()::text || clock_timestamp()::text); RETURN NULL; END
        $fn$`)
        for (const table of tables)
          yield* exec(`CREATE TRIGGER ${table}_roster_version AFTER INSERT OR UPDATE OR DELETE ON ${table}
            FOR EACH STATEMENT EXECUTE FUNCTION mechanism_roster_changed()`)
      }),
    orElse: () =>
      Effect.gen(function* () {
        yield* exec(`CREATE TABLE mechanism_roster_version (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          value TEXT NOT NULL
        )`)
        yield* exec(`INSERT INTO mechanism_roster_version (id, value) VALUES (1, hex(randomblob(16)))`)
        for (const table of tables)
          for (const event of ["INSERT", "UPDATE", "DELETE"])
            yield* exec(`CREATE TRIGGER ${table}_roster_version_${event.toLowerCase()} AFTER ${event} ON ${table}
              BEGIN UPDATE mechanism_roster_version SET value = hex(randomblob(16)); END`)
      }),
  })
})
