// The notification tables. Instants are `timestamptz` on PostgreSQL and ISO
// text on SQLite, written from Effect's Clock. No column holds personal data:
// recipients are principal ids, a case is named by its reference, an email
// address is never stored here (it is opened from the people's store at
// sending time), and errors are codes.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })

  // A job's lease: one holder at a time until it expires.
  yield* sql`CREATE TABLE notification_leases (
    job TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at ${ts} NOT NULL
  )`

  // Every reminder (a due item's stage) and event ever handled, once: the key
  // is the idempotency of firing.
  yield* sql`CREATE TABLE notification_reminders (
    key TEXT PRIMARY KEY,
    mechanism_id TEXT,
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    due_at ${ts} NOT NULL,
    handled_at ${ts} NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'late', 'skipped', 'nobody')),
    recipients INTEGER NOT NULL
  )`
  yield* sql`CREATE INDEX notification_reminders_mechanism ON notification_reminders (mechanism_id, handled_at)`

  // The in-app list: one row per person per reminder.
  yield* sql`CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    reminder_key TEXT NOT NULL REFERENCES notification_reminders (key),
    mechanism_id TEXT,
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    case_id TEXT,
    case_reference TEXT,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    due_at ${ts},
    due_day TEXT,
    at ${ts} NOT NULL,
    audience TEXT NOT NULL,
    late INTEGER NOT NULL CHECK (late IN (0, 1)),
    email TEXT NOT NULL CHECK (email IN ('immediate', 'digest', 'none')),
    digest_key TEXT,
    created_at ${ts} NOT NULL,
    read_at ${ts},
    UNIQUE (reminder_key, recipient)
  )`
  yield* sql`CREATE INDEX notifications_recipient ON notifications (recipient, id)`
  yield* sql`CREATE INDEX notifications_unread ON notifications (recipient, read_at)`
  yield* sql`CREATE INDEX notifications_digest ON notifications (email, digest_key, recipient)`

  // The email outbox: one row per message to send, keyed so it is sent once.
  yield* sql`CREATE TABLE notification_emails (
    key TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('notification', 'digest')),
    notification_id TEXT REFERENCES notifications (id),
    digest_day TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'dead', 'skipped')),
    attempts INTEGER NOT NULL,
    next_attempt_at ${ts} NOT NULL,
    last_error TEXT,
    created_at ${ts} NOT NULL,
    sent_at ${ts},
    CHECK ((kind = 'notification') = (notification_id IS NOT NULL))
  )`
  yield* sql`CREATE INDEX notification_emails_due ON notification_emails (status, next_attempt_at)`
  yield* sql`CREATE INDEX notification_emails_recipient ON notification_emails (recipient, status)`

  // How each person wants email; a person without a row gets it at once.
  yield* sql`CREATE TABLE notification_preferences (
    recipient TEXT PRIMARY KEY,
    email TEXT NOT NULL CHECK (email IN ('immediate', 'digest', 'none')),
    updated_at ${ts} NOT NULL
  )`

  // A person's email channel refused by the mail server, until an administrator resets it.
  yield* sql`CREATE TABLE notification_channels (
    recipient TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('failing')),
    reason TEXT NOT NULL,
    since ${ts} NOT NULL
  )`

  // Where each reader of the outbox stands.
  yield* sql`CREATE TABLE notification_positions (
    reader TEXT PRIMARY KEY,
    position TEXT NOT NULL
  )`
})
