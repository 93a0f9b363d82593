/**
 * The gateway's tables behind the plugin capabilities, in both dialects:
 * imported incidents with their provenance, the link from a court's order
 * reference to the case's order, the human review queue (details and
 * proposals sealed) and the notices a plugin was allowed to send.
 */
import type { Migrations } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export const gatewayPluginMigrations: Migrations.MigrationSet = {
  package: "@bashke/gateway-plugins",
  migrations: [
    {
      id: 1,
      name: "plugin-capabilities",
      up: Effect.gen(function* () {
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
        const bigint = sql.onDialectOrElse({ pg: () => sql.literal("BIGINT"), orElse: () => sql.literal("INTEGER") })
        // Provenance of every imported incident; the key makes an import idempotent.
        yield* sql`CREATE TABLE plugin_imported_incidents (
          plugin TEXT NOT NULL,
          source TEXT NOT NULL,
          record_id TEXT NOT NULL,
          case_id TEXT NOT NULL,
          incident_id TEXT NOT NULL,
          imported_at ${ts} NOT NULL,
          PRIMARY KEY (plugin, source, record_id)
        )`
        // The case package's orders carry no external reference: the court's is kept here.
        yield* sql`CREATE TABLE plugin_order_links (
          plugin TEXT NOT NULL,
          order_reference TEXT NOT NULL,
          case_id TEXT NOT NULL,
          order_id TEXT NOT NULL,
          last_applied_ms ${bigint} NOT NULL,
          last_source TEXT NOT NULL,
          last_record_id TEXT NOT NULL,
          PRIMARY KEY (plugin, order_reference)
        )`
        yield* sql`CREATE TABLE plugin_review_items (
          id TEXT PRIMARY KEY,
          plugin TEXT NOT NULL,
          source TEXT NOT NULL,
          record_id TEXT NOT NULL,
          reason TEXT NOT NULL,
          candidates TEXT NOT NULL,
          mechanisms TEXT NOT NULL,
          details TEXT,
          created_at ${ts} NOT NULL,
          resolved_at ${ts},
          resolved_by TEXT,
          resolution TEXT,
          UNIQUE (plugin, source, record_id)
        )`
        yield* sql`CREATE INDEX plugin_review_items_open ON plugin_review_items (resolved_at, id)`
        yield* sql`CREATE TABLE plugin_notices (
          id TEXT PRIMARY KEY,
          plugin TEXT NOT NULL,
          case_id TEXT NOT NULL,
          recipient TEXT NOT NULL,
          purpose TEXT NOT NULL,
          kind TEXT NOT NULL,
          reference TEXT NOT NULL,
          allowed_at ${ts} NOT NULL,
          outcome TEXT,
          outcome_detail TEXT,
          outcome_at ${ts}
        )`
      }),
    },
    {
      id: 2,
      name: "plugin-review-proposals",
      // What a review item proposes to write once a coordinator chooses the
      // case, sealed like its details (it may hold personal data).
      up: Effect.gen(function* () {
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        yield* sql`ALTER TABLE plugin_review_items ADD COLUMN proposal TEXT`
      }),
    },
  ],
}
