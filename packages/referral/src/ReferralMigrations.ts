/**
 * The referral package's migrations, as modules (no file system: they load on
 * Workers). Run them after `persistenceMigrations` and `securityMigrations`.
 *
 * Tables: `referral_organizations`, `referral_locations`, `referral_services`,
 * `referrals`, `referral_steps`.
 *
 * @since 0.1.0
 */
import type { Migrations } from "@bashke/persistence"
import referrals from "./internal/migrations/0001_referrals"

/**
 * @since 0.1.0
 */
export const referralMigrations: Migrations.MigrationSet = {
  package: "@bashke/referral",
  migrations: [{ id: 1, name: "referrals", up: referrals }],
}
