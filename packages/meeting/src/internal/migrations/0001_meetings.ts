import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

// Timestamps: timestamptz on PostgreSQL, ISO 8601 TEXT on SQLite (sorts in time
// order). Sealed free texts are TEXT on both. Names are literal snake_case.
export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE meeting_meetings (
    id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('regular', 'ad-hoc')),
    status TEXT NOT NULL CHECK (status IN ('requested', 'scheduled', 'held', 'minutes-drafted', 'minutes-approved', 'cancelled')),
    request_institution TEXT,
    request_principal TEXT,
    request_reason TEXT,
    request_urgency TEXT CHECK (request_urgency IN ('standard', 'urgent')),
    requested_at ${ts},
    request_deadline ${ts},
    request_profile_version INTEGER,
    starts_at ${ts},
    ends_at ${ts},
    place TEXT,
    scheduled_at ${ts},
    sequence INTEGER NOT NULL,
    held_at ${ts},
    cancellation_reason TEXT,
    cancelled_at ${ts},
    cancelled_by TEXT,
    version INTEGER NOT NULL,
    created_at ${ts} NOT NULL,
    updated_at ${ts} NOT NULL
  )`
  yield* sql`CREATE INDEX meeting_meetings_mechanism ON meeting_meetings (mechanism_id, starts_at)`
  yield* sql`CREATE TABLE meeting_attendance (
    meeting_id TEXT NOT NULL REFERENCES meeting_meetings (id),
    institution_id TEXT NOT NULL,
    presence TEXT NOT NULL CHECK (presence IN ('present', 'excused', 'absent')),
    represented_by TEXT CHECK (represented_by IN ('representative', 'deputy', 'substitute')),
    position INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, institution_id)
  )`
  yield* sql`CREATE TABLE meeting_minutes (
    meeting_id TEXT PRIMARY KEY REFERENCES meeting_meetings (id),
    body TEXT NOT NULL,
    revision INTEGER NOT NULL,
    drafted_at ${ts} NOT NULL,
    drafted_by TEXT NOT NULL,
    approved_at ${ts},
    approved_by TEXT
  )`
  yield* sql`CREATE TABLE meeting_amendments (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting_meetings (id),
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    text TEXT NOT NULL,
    at ${ts} NOT NULL
  )`
  yield* sql`CREATE INDEX meeting_amendments_meeting ON meeting_amendments (meeting_id, id)`
})
