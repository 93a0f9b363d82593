import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

// plugin_cursors: a pull's saved cursor. plugin_inbox_batches: the sealed
// payloads of the records one pull or webhook call imported, as one vault
// value (sealing each record alone costs ~0.3 ms, a whole batch ~20 µs a
// record), dropped once every record of it is processed. plugin_inbox: one
// row per record, unique per (plugin, source, record_id), so a re-delivered
// record is dropped on insert. plugin_event_positions / plugin_deliveries:
// each subscription's scan position in the outbox and its own delivery rows
// with retries (status 'dead' = a dead letter).
export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const time = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  yield* sql`CREATE TABLE plugin_cursors (
    plugin TEXT NOT NULL,
    name TEXT NOT NULL,
    cursor TEXT NOT NULL,
    updated_at ${time} NOT NULL,
    PRIMARY KEY (plugin, name)
  )`
  yield* sql`CREATE TABLE plugin_inbox_batches (
    id TEXT PRIMARY KEY,
    plugin TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at ${time} NOT NULL
  )`
  yield* sql`CREATE TABLE plugin_inbox (
    id TEXT PRIMARY KEY,
    plugin TEXT NOT NULL,
    source TEXT NOT NULL,
    record_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    received_at ${time} NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'processed', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at ${time} NOT NULL,
    last_error TEXT,
    processed_at ${time},
    UNIQUE (plugin, source, record_id)
  )`
  // The processor reads due records in id order: the index is in that order, and
  // the few records waiting for a retry are skipped by the filter on time.
  yield* sql`CREATE INDEX plugin_inbox_due ON plugin_inbox (plugin, id) WHERE status = 'pending'`
  yield* sql`CREATE INDEX plugin_inbox_batch ON plugin_inbox (batch_id)`
  yield* sql`CREATE INDEX plugin_inbox_dead ON plugin_inbox (plugin, id) WHERE status = 'dead'`
  yield* sql`CREATE TABLE plugin_event_positions (
    plugin TEXT NOT NULL,
    subscription TEXT NOT NULL,
    position TEXT NOT NULL,
    updated_at ${time} NOT NULL,
    PRIMARY KEY (plugin, subscription)
  )`
  yield* sql`CREATE TABLE plugin_deliveries (
    plugin TEXT NOT NULL,
    subscription TEXT NOT NULL,
    event_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at ${time} NOT NULL,
    last_error TEXT,
    delivered_at ${time},
    PRIMARY KEY (plugin, subscription, event_id)
  )`
  yield* sql`CREATE INDEX plugin_deliveries_due ON plugin_deliveries (plugin, subscription, event_id) WHERE status = 'pending'`
  yield* sql`CREATE INDEX plugin_deliveries_dead ON plugin_deliveries (plugin, event_id) WHERE status = 'dead'`
})
