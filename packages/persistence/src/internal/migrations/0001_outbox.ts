import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () => sql`CREATE TABLE bashke_outbox (
      id text PRIMARY KEY,
      topic text NOT NULL,
      aggregate_type text NOT NULL,
      aggregate_id text NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_error text,
      delivered_at timestamptz
    )`,
    orElse: () => sql`CREATE TABLE bashke_outbox (
      id TEXT PRIMARY KEY,
      topic TEXT NOT NULL,
      aggregate_type TEXT NOT NULL,
      aggregate_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      delivered_at TEXT
    )`,
  })
  // The dispatcher's query: due pending events in id (time) order.
  yield* sql`CREATE INDEX bashke_outbox_due ON bashke_outbox (next_attempt_at, id) WHERE status = 'pending'`
  yield* sql`CREATE INDEX bashke_outbox_aggregate ON bashke_outbox (aggregate_type, aggregate_id)`
})
