// Enrolment sessions, passkeys and their one-time challenges. A session
// started from an invitation is at the `enrolment` stage until its person
// signs in again with a second factor; every other session is `signed-in`.
// A passkey is stored as its credential id, COSE public key (neither is a
// secret), signature counter and transports; a challenge as the SHA-256 of
// the value sent, redeemed once (marked used in the statement that finds it)
// before it expires, so any instance over the store can check it.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  const big = sql.onDialectOrElse({ pg: () => sql.literal("BIGINT"), orElse: () => sql.literal("INTEGER") })

  yield* sql`ALTER TABLE identity_sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'signed-in'
    CHECK (stage IN ('signed-in', 'enrolment'))`

  yield* sql`CREATE TABLE identity_passkeys (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES identity_people (id),
    public_key TEXT NOT NULL,
    counter ${big} NOT NULL,
    transports TEXT NOT NULL,
    created_at ${ts} NOT NULL,
    last_used_at ${ts}
  )`
  yield* sql`CREATE INDEX identity_passkeys_person ON identity_passkeys (person_id)`

  yield* sql`CREATE TABLE identity_passkey_challenges (
    challenge_hash TEXT PRIMARY KEY,
    ceremony TEXT NOT NULL CHECK (ceremony IN ('registration', 'authentication')),
    person_id TEXT REFERENCES identity_people (id),
    created_at ${ts} NOT NULL,
    expires_at ${ts} NOT NULL,
    used_at ${ts}
  )`
  yield* sql`CREATE INDEX identity_passkey_challenges_expiry ON identity_passkey_challenges (expires_at)`
})
