// The case aggregate's tables. Personal details live only in the sealed TEXT
// columns of `persons` (one vault value per field) and the blind index of the
// personal number; every other column holds codes, ids, dates and counts.
// Instants are `timestamptz` on PostgreSQL and ISO text on SQLite; calendar days
// are `date` on PostgreSQL (read back as `YYYY-MM-DD`) and text on SQLite.
// Lists of codes (forms of violence, purposes, …) are JSON text on both.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const day = sql.onDialectOrElse({ pg: () => sql.literal("date"), orElse: () => sql.literal("TEXT") })
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  const real = sql.onDialectOrElse({ pg: () => sql.literal("double precision"), orElse: () => sql.literal("REAL") })

  yield* sql`CREATE TABLE case_reference_counters (
    mechanism_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL CHECK (last_sequence >= 1),
    PRIMARY KEY (mechanism_id, year)
  )`

  yield* sql`CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    municipality TEXT NOT NULL,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    lead_institution TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'assessed', 'active', 'monitoring', 'closed')),
    risk_level TEXT CHECK (risk_level IN ('standard', 'medium', 'high')),
    closed_at ${instant},
    closure_reason TEXT,
    opened_at ${instant} NOT NULL,
    last_reviewed_at ${instant},
    version INTEGER NOT NULL CHECK (version >= 1),
    UNIQUE (mechanism_id, year, sequence),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
  )`
  yield* sql`CREATE INDEX cases_mechanism ON cases (mechanism_id, status)`

  yield* sql`CREATE TABLE case_team_members (
    case_id TEXT NOT NULL REFERENCES cases (id),
    institution_id TEXT NOT NULL,
    sector TEXT NOT NULL,
    access TEXT NOT NULL CHECK (access IN ('full', 'summary')),
    position INTEGER NOT NULL,
    added_at ${instant} NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    PRIMARY KEY (case_id, institution_id)
  )`

  yield* sql`CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    role TEXT NOT NULL CHECK (role IN ('victim', 'child', 'alleged-perpetrator')),
    sex TEXT NOT NULL,
    birth_year INTEGER,
    age_band TEXT,
    community TEXT,
    disabilities TEXT NOT NULL,
    relationship_kind TEXT,
    relationship_time TEXT CHECK (relationship_time IN ('current', 'former')),
    given_name TEXT,
    family_name TEXT,
    personal_number TEXT,
    birth_date TEXT,
    address TEXT,
    phone TEXT,
    safe_contact TEXT,
    personal_number_index TEXT,
    created_at ${instant} NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    CHECK ((relationship_kind IS NULL) = (relationship_time IS NULL))
  )`
  yield* sql`CREATE INDEX persons_case ON persons (case_id)`
  yield* sql`CREATE INDEX persons_personal_number_index ON persons (personal_number_index)`

  yield* sql`CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    occurred_on ${day} NOT NULL,
    municipality TEXT NOT NULL,
    place TEXT,
    forms TEXT NOT NULL,
    children TEXT NOT NULL,
    perpetrators TEXT NOT NULL,
    source TEXT NOT NULL,
    source_institution TEXT,
    source_reference TEXT,
    recorded_at ${instant} NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1)
  )`
  yield* sql`CREATE INDEX incidents_case ON incidents (case_id, occurred_on)`

  yield* sql`CREATE TABLE risk_assessments (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    instrument_id TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    answers TEXT NOT NULL,
    score ${real} NOT NULL,
    computed_level TEXT NOT NULL,
    judgement_level TEXT,
    judgement_reason TEXT,
    level TEXT NOT NULL,
    assessed_at ${instant} NOT NULL,
    assessed_by TEXT NOT NULL,
    reassess_on ${day} NOT NULL,
    CHECK ((judgement_level IS NULL) = (judgement_reason IS NULL))
  )`
  yield* sql`CREATE INDEX risk_assessments_case ON risk_assessments (case_id, assessed_at)`

  yield* sql`CREATE TABLE protection_orders (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    petitioner TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'issued', 'rejected', 'extended', 'expired')),
    requested_at ${instant},
    decided_at ${instant},
    issued_at ${instant},
    expires_at ${instant},
    version INTEGER NOT NULL CHECK (version >= 1)
  )`
  yield* sql`CREATE INDEX protection_orders_case ON protection_orders (case_id)`

  yield* sql`CREATE TABLE protection_order_events (
    order_id TEXT NOT NULL REFERENCES protection_orders (id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    case_id TEXT NOT NULL REFERENCES cases (id),
    event TEXT NOT NULL CHECK (event IN ('requested', 'issued', 'rejected', 'extended', 'expired', 'breach-recorded')),
    at ${instant} NOT NULL,
    until_at ${instant},
    reported_by TEXT,
    recorded_at ${instant} NOT NULL,
    PRIMARY KEY (order_id, seq)
  )`

  yield* sql`CREATE TABLE safety_plan_measures (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    owner_institution TEXT NOT NULL,
    review_on ${day} NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    version INTEGER NOT NULL CHECK (version >= 1)
  )`
  yield* sql`CREATE INDEX safety_plan_measures_case ON safety_plan_measures (case_id)`

  yield* sql`CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    given_by TEXT NOT NULL REFERENCES persons (id),
    institutions TEXT NOT NULL,
    sectors TEXT NOT NULL,
    purposes TEXT NOT NULL,
    valid_from ${instant} NOT NULL,
    valid_until ${instant},
    withdrawn_at ${instant},
    version INTEGER NOT NULL CHECK (version >= 1)
  )`
  yield* sql`CREATE INDEX consents_case ON consents (case_id)`

  yield* sql`CREATE TABLE case_transitions (
    case_id TEXT NOT NULL REFERENCES cases (id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    command TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT,
    at ${instant} NOT NULL,
    principal_id TEXT NOT NULL,
    institution_id TEXT,
    PRIMARY KEY (case_id, seq)
  )`
})
