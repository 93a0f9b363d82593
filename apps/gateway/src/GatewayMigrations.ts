/**
 * The gateway's own tables: API tokens (1), and which database the demo made
 * and which tokens are the demo's (2).
 */
import type { Migrations } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export const gatewayMigrations: Migrations.MigrationSet = {
  package: "@bashke/gateway",
  migrations: [
    {
      id: 1,
      name: "api-tokens",
      up: Effect.gen(function* () {
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
        yield* sql`CREATE TABLE gateway_api_tokens (
          id TEXT PRIMARY KEY,
          token_hash TEXT NOT NULL UNIQUE,
          label TEXT NOT NULL,
          principal TEXT NOT NULL,
          created_at ${ts} NOT NULL,
          revoked_at ${ts}
        )`
      }),
    },
    {
      id: 2,
      name: "demo-mark",
      up: Effect.gen(function* () {
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        // One row per setting; `demo` is written in the seed's transaction, so
        // only a database the demo itself filled carries it.
        yield* sql`CREATE TABLE gateway_settings (
          name TEXT PRIMARY KEY,
          value TEXT NOT NULL
        )`
        // The demo's tokens, revoked when the demo starts again.
        yield* sql`ALTER TABLE gateway_api_tokens ADD COLUMN demo INTEGER NOT NULL DEFAULT 0`
      }),
    },
  ],
}
