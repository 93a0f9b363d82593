// The mechanism aggregate: mechanisms, memberships (contacts sealed), memorandum
// versions and their signatures (signer sealed). Calendar days are `date` on
// PostgreSQL (read back as `YYYY-MM-DD` text) and ISO text on SQLite.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const day = sql.onDialectOrElse({ pg: () => sql.literal("date"), orElse: () => sql.literal("TEXT") })
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })

  yield* sql`CREATE TABLE mechanisms (
    id TEXT PRIMARY KEY,
    municipality TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('forming', 'active', 'suspended')),
    coordinator_membership_id TEXT,
    minimum_meetings_per_year INTEGER NOT NULL CHECK (minimum_meetings_per_year >= 1),
    quorum TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at ${instant} NOT NULL
  )`

  yield* sql`CREATE TABLE mechanism_memberships (
    id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL REFERENCES mechanisms (id),
    institution_id TEXT NOT NULL,
    sector TEXT NOT NULL,
    joined_on ${day} NOT NULL,
    left_on ${day},
    representative_name TEXT NOT NULL,
    representative_phone TEXT,
    representative_email TEXT,
    deputy_name TEXT,
    deputy_phone TEXT,
    deputy_email TEXT,
    CHECK (left_on IS NULL OR left_on >= joined_on)
  )`
  yield* sql`CREATE INDEX mechanism_memberships_mechanism ON mechanism_memberships (mechanism_id, joined_on)`
  yield* sql`CREATE INDEX mechanism_memberships_institution ON mechanism_memberships (institution_id)`

  yield* sql`CREATE TABLE mechanism_memorandum_versions (
    memorandum_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    mechanism_id TEXT NOT NULL REFERENCES mechanisms (id),
    effective_from ${day} NOT NULL,
    document_hash TEXT NOT NULL,
    expected_sectors TEXT NOT NULL,
    published_at ${instant} NOT NULL,
    PRIMARY KEY (memorandum_id, version),
    UNIQUE (mechanism_id, version),
    UNIQUE (mechanism_id, effective_from)
  )`

  yield* sql`CREATE TABLE mechanism_memorandum_signatures (
    memorandum_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    institution_id TEXT NOT NULL,
    membership_id TEXT NOT NULL REFERENCES mechanism_memberships (id),
    signer TEXT NOT NULL,
    signed_on ${day} NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (memorandum_id, version, institution_id),
    FOREIGN KEY (memorandum_id, version) REFERENCES mechanism_memorandum_versions (memorandum_id, version)
  )`
})
