// The audit log and its chain head. The database itself refuses what the
// application never does: deleting or rewriting an entry (only a sealed `reason`
// may be re-wrapped by a key rotation), an entry that does not follow the head,
// and a head that does not point at the last entry. The verifier still checks
// everything, because whoever can drop a trigger can also edit a row.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

const genesis = "0".repeat(64)

const postgres = [
  `CREATE TABLE audit_log (
    seq bigint PRIMARY KEY CHECK (seq > 0),
    id text NOT NULL UNIQUE,
    at timestamptz NOT NULL,
    principal_id text NOT NULL,
    institution_id text,
    mechanism_id text,
    case_id text,
    person_id text,
    action text NOT NULL,
    purpose text NOT NULL,
    reason text,
    break_glass boolean NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL
  )`,
  `CREATE TABLE audit_head (
    id integer PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL,
    hash text NOT NULL
  )`,
  `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${genesis}')`,
  `CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $guard$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      IF NOT EXISTS (SELECT 1 FROM audit_head h WHERE h.id = 1 AND h.seq + 1 = NEW.seq AND h.hash = NEW.prev_hash) THEN
        RAISE EXCEPTION 'audit_log: an entry must follow the chain head';
      END IF;
      RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'reason') IS NOT DISTINCT FROM (to_jsonb(OLD) - 'reason') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
  END
  $guard$`,
  `CREATE TRIGGER audit_log_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`,
  `CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $guard$
  BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.seq = OLD.seq + 1
      AND EXISTS (SELECT 1 FROM audit_log e WHERE e.seq = NEW.seq AND e.hash = NEW.hash) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_head moves only to the entry just appended';
  END
  $guard$`,
  `CREATE TRIGGER audit_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_guard()`,
  `CREATE FUNCTION audit_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $guard$
  BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
  END
  $guard$`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate()`,
  `CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate()`,
]

const sqlite = [
  `CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY CHECK (seq > 0),
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    principal_id TEXT NOT NULL,
    institution_id TEXT,
    mechanism_id TEXT,
    case_id TEXT,
    person_id TEXT,
    action TEXT NOT NULL,
    purpose TEXT NOT NULL,
    reason TEXT,
    break_glass INTEGER NOT NULL CHECK (break_glass IN (0, 1)),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  )`,
  `CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
  )`,
  `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${genesis}')`,
  `CREATE TRIGGER audit_log_follows_head BEFORE INSERT ON audit_log
    WHEN NOT EXISTS (SELECT 1 FROM audit_head h WHERE h.id = 1 AND h.seq + 1 = NEW.seq AND h.hash = NEW.prev_hash)
    BEGIN SELECT RAISE(ABORT, 'audit_log: an entry must follow the chain head'); END`,
  `CREATE TRIGGER audit_log_no_update
    BEFORE UPDATE OF seq, id, at, principal_id, institution_id, mechanism_id, case_id, person_id,
      action, purpose, break_glass, prev_hash, hash ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_head_follows_log BEFORE UPDATE ON audit_head
    WHEN NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq + 1
      OR NOT EXISTS (SELECT 1 FROM audit_log e WHERE e.seq = NEW.seq AND e.hash = NEW.hash)
    BEGIN SELECT RAISE(ABORT, 'audit_head moves only to the entry just appended'); END`,
  `CREATE TRIGGER audit_head_no_insert BEFORE INSERT ON audit_head
    BEGIN SELECT RAISE(ABORT, 'audit_head has one row'); END`,
  `CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, 'audit_head has one row'); END`,
]

// The indexes behind "who saw this case / this person, and why".
const indexes = [
  "CREATE INDEX audit_log_case ON audit_log (case_id, seq)",
  "CREATE INDEX audit_log_person ON audit_log (person_id, seq)",
]

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const statements = sql.onDialectOrElse({ pg: () => postgres, orElse: () => sqlite })
  for (const statement of [...statements, ...indexes]) yield* sql.unsafe(statement)
})
