import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // `result` stays NULL only inside the transaction that claimed the key.
  yield* sql.onDialectOrElse({
    pg: () => sql`CREATE TABLE bashke_idempotency (
      scope text NOT NULL,
      idempotency_key text NOT NULL,
      fingerprint text NOT NULL,
      result text,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (scope, idempotency_key)
    )`,
    orElse: () => sql`CREATE TABLE bashke_idempotency (
      scope TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      result TEXT,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      PRIMARY KEY (scope, idempotency_key)
    )`,
  })
  yield* sql`CREATE INDEX bashke_idempotency_expires ON bashke_idempotency (expires_at)`
})
