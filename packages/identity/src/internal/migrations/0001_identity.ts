// The people's tables. Instants are `timestamptz` on PostgreSQL and ISO text
// on SQLite, written from Effect's Clock. A person's display name and email
// are sealed by the vault (the email found by its blind index); sessions and
// one-time links are stored as the SHA-256 of their secret only.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })

  yield* sql`CREATE TABLE identity_people (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_index TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    institution_id TEXT,
    sector TEXT,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at ${ts} NOT NULL,
    changed_at ${ts} NOT NULL,
    version INTEGER NOT NULL
  )`

  // Installation roles have no mechanism: '' keeps the key a plain primary key.
  yield* sql`CREATE TABLE identity_grants (
    person_id TEXT NOT NULL REFERENCES identity_people (id),
    mechanism_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (person_id, mechanism_id, role)
  )`
  yield* sql`CREATE INDEX identity_grants_mechanism ON identity_grants (mechanism_id, role)`

  yield* sql`CREATE TABLE identity_sessions (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES identity_people (id),
    started_at ${ts} NOT NULL,
    last_seen_at ${ts} NOT NULL,
    ended_at ${ts},
    end_reason TEXT
  )`
  yield* sql`CREATE INDEX identity_sessions_person ON identity_sessions (person_id, ended_at)`

  yield* sql`CREATE TABLE identity_links (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES identity_people (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('sign-in', 'invitation')),
    created_at ${ts} NOT NULL,
    expires_at ${ts} NOT NULL,
    used_at ${ts}
  )`
})
