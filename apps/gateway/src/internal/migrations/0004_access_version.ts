// The access version: one row whose value changes, in the writing
// transaction, whenever an API token is revoked, changed or removed, or a
// person is deactivated, reactivated or removed —
// whatever writes it (triggers, as the roster's version of ADR 0021).
// `AccessCache` keeps the tokens and the people it read under this value and
// reads only the value on each request: one indexed read instead of two, and a
// revocation or a deactivation made on any instance counts at the next request
// of every instance (ADR 0036). A new token or a new person needs no change of
// version: what is not cached is read. The value is random, not a counter: a
// transaction that bumps it and then rolls back must not leave a value that a
// later, different change would reuse.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

// Table → the events that change what the cache keeps (a person's other
// columns do not: the principal is the token's own).
const tables = {
  gateway_api_tokens: ["UPDATE", "DELETE"],
  identity_people: ["UPDATE OF active", "DELETE"],
} as const

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
  const table = `CREATE TABLE gateway_access_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value TEXT NOT NULL
  )`
  yield* sql.onDialectOrElse({
    pg: () =>
      Effect.gen(function* () {
        yield* exec(table)
        yield* exec(`INSERT INTO gateway_access_version (id, value) VALUES (1, md5(random()::text))`)
        yield* exec(`CREATE FUNCTION gateway_access_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN UPDATE gateway_access_version SET value = md5(random()::text || clock_timestamp()::text); RETURN NULL; END
        $fn$`)
        for (const [name, events] of Object.entries(tables))
          yield* exec(`CREATE TRIGGER ${name}_access_version AFTER ${events.join(" OR ")} ON ${name}
            FOR EACH STATEMENT EXECUTE FUNCTION gateway_access_changed()`)
      }),
    orElse: () =>
      Effect.gen(function* () {
        yield* exec(table)
        yield* exec(`INSERT INTO gateway_access_version (id, value) VALUES (1, hex(randomblob(16)))`)
        for (const [name, events] of Object.entries(tables))
          for (const event of events)
            yield* exec(`CREATE TRIGGER ${name}_access_version_${event.split(" ")[0]?.toLowerCase()} AFTER ${event} ON ${name}
              BEGIN UPDATE gateway_access_version SET value = hex(randomblob(16)); END`)
      }),
  })
})
