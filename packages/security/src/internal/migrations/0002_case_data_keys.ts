// Each case's data key (ADR 0012), wrapped by the vault: `wrapped_key` is a
// vault-sealed value (so `Rotation.rotate` re-wraps it like any other), NULL
// once the case is erased. The row stays as a tombstone: `destroyed_at` says
// the case was erased and no new key may be made for it.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () => sql`CREATE TABLE case_data_keys (
      case_id text PRIMARY KEY,
      wrapped_key text,
      created_at timestamptz NOT NULL,
      destroyed_at timestamptz,
      CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
    )`,
    orElse: () => sql`CREATE TABLE case_data_keys (
      case_id TEXT PRIMARY KEY,
      wrapped_key TEXT,
      created_at TEXT NOT NULL,
      destroyed_at TEXT,
      CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
    )`,
  })
})
