/**
 * The identity package's migrations, as modules (no file system: they load on
 * Workers). Run them after `persistenceMigrations` and `securityMigrations`.
 *
 * Tables: `identity_people`, `identity_grants`, `identity_sessions`,
 * `identity_links`.
 */
import type { Migrations } from "@bashke/persistence"
import identity from "./internal/migrations/0001_identity"

export const identityMigrations: Migrations.MigrationSet = {
  package: "@bashke/identity",
  migrations: [{ id: 1, name: "identity", up: identity }],
}
