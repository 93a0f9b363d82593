/**
 * The identity package's migrations, as modules (no file system: they load on
 * Workers). Run them after `persistenceMigrations` and `securityMigrations`.
 *
 * Tables: `identity_people`, `identity_grants`, `identity_sessions`,
 * `identity_links`.
 *
 * @since 0.1.0
 */
import type { Migrations } from "@bashke/persistence"
import identity from "./internal/migrations/0001_identity"

/**
 * @since 0.1.0
 */
export const identityMigrations: Migrations.MigrationSet = {
  package: "@bashke/identity",
  migrations: [{ id: 1, name: "identity", up: identity }],
}
