/**
 * The identity package's migrations, as modules (no file system: they load on
 * Workers). Run them after `persistenceMigrations` and `securityMigrations`.
 *
 * Tables: `identity_people`, `identity_grants`, `identity_sessions`,
 * `identity_links`, `identity_passwords`, `identity_totp`, `identity_recovery_codes`,
 * `identity_passkeys`, `identity_passkey_challenges`, `identity_provider_flows`,
 * `identity_provider_subjects`.
 */
import type { Migrations } from "@bashke/persistence"
import identity from "./internal/migrations/0001_identity"
import credentials from "./internal/migrations/0002_credentials"
import passkeys from "./internal/migrations/0003_passkeys"
import providerSignIn from "./internal/migrations/0004_provider_sign_in"

export const identityMigrations: Migrations.MigrationSet = {
  package: "@bashke/identity",
  migrations: [
    { id: 1, name: "identity", up: identity },
    { id: 2, name: "credentials", up: credentials },
    { id: 3, name: "passkeys", up: passkeys },
    { id: 4, name: "provider-sign-in", up: providerSignIn },
  ],
}
