// The directory and the referrals. Only ids, codes, counts and times: a
// directory holds providers' public details, a referral no personal data.
// Instants are `timestamptz` on PostgreSQL and ISO text on SQLite; lists are JSON
// text on both. The partial unique index is the database's own copy of the
// "no second open referral of one case to one service" guard.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })

  yield* sql`CREATE TABLE referral_organizations (
    institution_id TEXT PRIMARY KEY,
    sector TEXT,
    name TEXT NOT NULL,
    description TEXT,
    website TEXT,
    email TEXT
  )`

  yield* sql`CREATE TABLE referral_locations (
    id TEXT PRIMARY KEY,
    institution_id TEXT NOT NULL REFERENCES referral_organizations (institution_id),
    name TEXT NOT NULL,
    municipality TEXT NOT NULL,
    address TEXT
  )`

  yield* sql`CREATE TABLE referral_services (
    id TEXT PRIMARY KEY,
    institution_id TEXT NOT NULL REFERENCES referral_organizations (institution_id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    municipality TEXT NOT NULL,
    languages TEXT NOT NULL,
    eligibility TEXT,
    locations TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    capacity_unit TEXT,
    capacity_available INTEGER,
    capacity_total INTEGER,
    capacity_updated_at ${instant},
    CHECK (capacity_available IS NULL OR capacity_available <= capacity_total)
  )`

  yield* sql`CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    from_institution TEXT NOT NULL,
    to_institution TEXT NOT NULL,
    service_id TEXT NOT NULL REFERENCES referral_services (id),
    reason TEXT NOT NULL,
    urgency TEXT NOT NULL CHECK (urgency IN ('high', 'standard')),
    consent_id TEXT,
    override_ground TEXT,
    override_reason TEXT,
    status TEXT NOT NULL CHECK (status IN
      ('sent', 'acknowledged', 'accepted', 'declined', 'in-service', 'completed', 'cancelled', 'revoked')),
    sent_at ${instant} NOT NULL,
    overdue_announced TEXT,
    version INTEGER NOT NULL CHECK (version >= 1),
    CHECK ((consent_id IS NULL) = (override_ground IS NOT NULL))
  )`
  yield* sql`CREATE INDEX referrals_mechanism ON referrals (mechanism_id, status)`
  yield* sql`CREATE UNIQUE INDEX referrals_one_open ON referrals (case_id, service_id)
    WHERE status IN ('sent', 'acknowledged', 'accepted', 'in-service')`

  yield* sql`CREATE TABLE referral_steps (
    referral_id TEXT NOT NULL REFERENCES referrals (id),
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    at ${instant} NOT NULL,
    principal_id TEXT NOT NULL,
    institution_id TEXT NOT NULL,
    code TEXT,
    PRIMARY KEY (referral_id, seq)
  )`
})
