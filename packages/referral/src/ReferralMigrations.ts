/**
 * The referral package's migrations, as modules (no file system: they load on
 * Workers). Run them after `persistenceMigrations` and `securityMigrations`.
 *
 * Tables: `referral_organizations`, `referral_locations`, `referral_services`,
 * `referrals`, `referral_steps`.
 *
 * Published statistics view (migration 2, a contract read by
 * `@bashke/reporting`): `referral_statistics`. Migration 5 keeps each
 * referral's first answer and first decision on it (`first_answered_at`,
 * `first_decided_at`, by triggers on `referral_steps`) and the view reads them
 * (same columns; ADR 0029).
 *
 * Migration 4 indexes referrals for paging the case's and the mechanism's
 * lists by keyset; migration 6 the directory's locations and services.
 * Migration 7 gives the view's reads one covering index (`referrals_statistics`)
 * and, on PostgreSQL, its durations in double precision.
 */
import type { Migrations } from "@bashke/persistence"
import referrals from "./internal/migrations/0001_referrals"
import statisticsView from "./internal/migrations/0002_statistics_view"
import byConsent from "./internal/migrations/0003_referrals_by_consent"
import referralPages from "./internal/migrations/0004_referral_pages"
import responseFacts from "./internal/migrations/0005_referral_response_facts"
import directoryPages from "./internal/migrations/0006_directory_pages"
import statisticsReport from "./internal/migrations/0007_referral_statistics_report"

export const referralMigrations: Migrations.MigrationSet = {
  package: "@bashke/referral",
  migrations: [
    { id: 1, name: "referrals", up: referrals },
    { id: 2, name: "statistics-view", up: statisticsView },
    { id: 3, name: "referrals-by-consent", up: byConsent },
    { id: 4, name: "referral-pages", up: referralPages },
    { id: 5, name: "referral-response-facts", up: responseFacts },
    { id: 6, name: "directory-pages", up: directoryPages },
    { id: 7, name: "referral-statistics-report", up: statisticsReport },
  ],
}
