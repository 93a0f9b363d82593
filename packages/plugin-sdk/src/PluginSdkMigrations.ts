/**
 * The host's tables, for SQLite and PostgreSQL: cursors, the inbox and its
 * sealed batches, subscription positions and deliveries (dead letters
 * included). Run after `persistenceMigrations` (deliveries read the outbox).
 */
import type { Migrations } from "@bashke/persistence"
import plugins from "./internal/migrations/0001_plugins"
import inboxBatchById from "./internal/migrations/0002_inbox_batch_by_id"

/**
 * `@bashke/plugin-sdk`'s migrations.
 */
export const pluginSdkMigrations: Migrations.MigrationSet = {
  package: "@bashke/plugin-sdk",
  migrations: [
    { id: 1, name: "plugins", up: plugins },
    { id: 2, name: "inbox-batch-by-id", up: inboxBatchById },
  ],
}
