// Passwords and second factors. A password is stored as its argon2id hash, a
// TOTP secret sealed by the vault (it must be read to check a code), the last
// step used kept so a code is never accepted twice; recovery codes as their
// SHA-256 (random and long: a fast hash is enough), each usable once.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  const big = sql.onDialectOrElse({ pg: () => sql.literal("BIGINT"), orElse: () => sql.literal("INTEGER") })

  yield* sql`CREATE TABLE identity_passwords (
    person_id TEXT PRIMARY KEY REFERENCES identity_people (id),
    hash TEXT NOT NULL,
    changed_at ${ts} NOT NULL
  )`

  yield* sql`CREATE TABLE identity_totp (
    person_id TEXT PRIMARY KEY REFERENCES identity_people (id),
    secret TEXT NOT NULL,
    confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
    last_step ${big},
    changed_at ${ts} NOT NULL
  )`

  yield* sql`CREATE TABLE identity_recovery_codes (
    code_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES identity_people (id),
    created_at ${ts} NOT NULL,
    used_at ${ts}
  )`
  yield* sql`CREATE INDEX identity_recovery_codes_person ON identity_recovery_codes (person_id)`
})
