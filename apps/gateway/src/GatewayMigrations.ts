/**
 * The gateway's own tables: API tokens (1), which database the demo made and
 * which tokens are the demo's (2), when each token expires (3), and the
 * access version the request path's caches are kept under (4, ADR 0036).
 */
import { type Migrations, SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Duration, Effect } from "effect"
import { defaultLifetimes } from "./ApiTokens"
import accessVersion from "./internal/migrations/0004_access_version"

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
    {
      id: 3,
      name: "token-expiry",
      up: Effect.gen(function* () {
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
        yield* sql`ALTER TABLE gateway_api_tokens ADD COLUMN expires_at ${ts}`
        // Tokens issued before expiry existed get the default lifetime from
        // today, not from their creation: a connector is not cut off by the upgrade.
        const now = yield* SqlValues.currentDate
        const expires = new Date(now.getTime() + Duration.toMillis(defaultLifetimes.default))
        yield* sql`UPDATE gateway_api_tokens SET expires_at = ${SqlValues.toSql(expires)} WHERE expires_at IS NULL`
      }),
    },
    { id: 4, name: "access-version", up: accessVersion },
  ],
}
