/**
 * The case package's migrations, as modules (no file system: they load on
 * Workers). Run them after `persistenceMigrations` and `securityMigrations`:
 *
 * ```ts
 * yield* Migrations.run([persistenceMigrations, securityMigrations, caseMigrations])
 * ```
 *
 * Tables: `cases`, `case_reference_counters`, `case_team_members`, `persons`
 * (personal fields sealed, `personal_number_index` a blind index), `incidents`,
 * `risk_assessments`, `protection_orders`, `protection_order_events`,
 * `protection_order_hearings`, `safety_plan_measures`, `consents`,
 * `case_transitions`.
 *
 * Published statistics views (migrations 2 and 3, a contract read by
 * `@bashke/reporting`): `case_statistics`, `perpetrator_statistics`,
 * `protection_order_statistics`.
 *
 * Migration 4 indexes the events of protection orders by case, for reading a
 * case whole. Migration 5 adds the court hearings of protection orders.
 * Migration 6 records how a consent was taken (method, taken by, recorded by,
 * witness) and its confirmation by a second person; consents recorded before
 * it count again once confirmed. Migration 7 adds `case_break_glass_reviews`.
 * Migration 8 publishes a fourth view, `incident_statistics` (one row per
 * incident with the place it happened), read by `@bashke/reporting`.
 * Migration 9 adds `case_notes` (every version of every note, text sealed).
 * Migration 10 indexes the open cases of a mechanism for paging the case list
 * by keyset (`CaseRepository.openPage`). Migration 11 adds
 * `case_survivor_informed` (what the survivor was told; what was said sealed).
 * Migration 12 adds `case_corrections` (every correction of a person or an
 * incident: previous values and reason sealed). Migration 13 adds
 * `case_reviews` (each conference review: the survivor's wishes and the
 * note sealed, outcomes as codes). Migration 14 adds `case_safe_contacts`
 * (every version of how a survivor may be reached safely, sealed whole).
 * Migration 15 adds the conditions of protection orders (`conditions`, JSON)
 * and lets `case_corrections` hold corrections of them. Migration 16 adds
 * `case_transfers` (a case moving to another mechanism: proposed, decided).
 * Migration 17 adds `case_statistics_facts` (per-case statistics facts kept by
 * triggers in the writing transaction) and points the four statistics views
 * at it (same columns; ADR 0019). Migration 18 adds `case_documents` and
 * `case_document_chunks` (documents: name and data key sealed, content as
 * encrypted chunks; ADR 0020). Migration 19 indexes a mechanism's break-glass
 * reviews by (read time, id) for paging them by keyset. Migration 20 adds
 * `cases.erased_at` (when a case's personal data was erased by destroying its
 * data key; ADR 0012) and the index the retention job reads closed cases by.
 * Migration 21 adds `case_document_uploads` (uploads in progress, swept when
 * abandoned; ADR 0024). Migration 23 indexes the open cases by status and
 * by lead institution for the case list's filters. Migration 25 adds `perpetrator_statistics_facts` and
 * `incident_statistics_facts` (one row per alleged perpetrator and per
 * incident with its case's facts, kept by triggers), points
 * `perpetrator_statistics` and `incident_statistics` at them (same columns)
 * and indexes the case facts for index-only reports (ADR 0029). Migration 26
 * indexes a case's documents not withdrawn, for paging them by keyset.
 */
import type { Migrations } from "@bashke/persistence"
import cases from "./internal/migrations/0001_cases"
import statisticsViews from "./internal/migrations/0002_statistics_views"
import statisticsViewsLateral from "./internal/migrations/0003_statistics_views_lateral"
import caseReadIndexes from "./internal/migrations/0004_case_read_indexes"
import protectionOrderHearings from "./internal/migrations/0005_protection_order_hearings"
import consentRecording from "./internal/migrations/0006_consent_recording"
import breakGlassReviews from "./internal/migrations/0007_break_glass_reviews"
import incidentStatisticsView from "./internal/migrations/0008_incident_statistics_view"
import caseNotes from "./internal/migrations/0009_case_notes"
import openCasePages from "./internal/migrations/0010_open_case_pages"
import survivorInformed from "./internal/migrations/0011_survivor_informed"
import corrections from "./internal/migrations/0012_corrections"
import caseReviews from "./internal/migrations/0013_case_reviews"
import safeContacts from "./internal/migrations/0014_safe_contacts"
import orderConditions from "./internal/migrations/0015_order_conditions"
import caseTransfers from "./internal/migrations/0016_case_transfers"
import caseStatisticsFacts from "./internal/migrations/0017_case_statistics_facts"
import caseDocuments from "./internal/migrations/0018_case_documents"
import breakGlassReviewPages from "./internal/migrations/0019_break_glass_review_pages"
import caseErasure from "./internal/migrations/0020_case_erasure"
import pendingUploads from "./internal/migrations/0021_pending_uploads"
import caseListFilters from "./internal/migrations/0023_case_list_filters"
import statisticsPartFacts from "./internal/migrations/0025_statistics_part_facts"
import documentPages from "./internal/migrations/0026_document_pages"
import incidentFactsPerIncident from "./internal/migrations/0027_incident_facts_per_incident"

export const caseMigrations: Migrations.MigrationSet = {
  package: "@bashke/case",
  migrations: [
    { id: 1, name: "cases", up: cases },
    { id: 2, name: "statistics-views", up: statisticsViews },
    { id: 3, name: "statistics-views-lateral", up: statisticsViewsLateral },
    { id: 4, name: "case-read-indexes", up: caseReadIndexes },
    { id: 5, name: "protection-order-hearings", up: protectionOrderHearings },
    { id: 6, name: "consent-recording", up: consentRecording },
    { id: 7, name: "break-glass-reviews", up: breakGlassReviews },
    { id: 8, name: "incident-statistics-view", up: incidentStatisticsView },
    { id: 9, name: "case-notes", up: caseNotes },
    { id: 10, name: "open-case-pages", up: openCasePages },
    { id: 11, name: "survivor-informed", up: survivorInformed },
    { id: 12, name: "corrections", up: corrections },
    { id: 13, name: "case-reviews", up: caseReviews },
    { id: 14, name: "safe-contacts", up: safeContacts },
    { id: 15, name: "order-conditions", up: orderConditions },
    { id: 16, name: "case-transfers", up: caseTransfers },
    { id: 17, name: "case-statistics-facts", up: caseStatisticsFacts },
    { id: 18, name: "case-documents", up: caseDocuments },
    { id: 19, name: "break-glass-review-pages", up: breakGlassReviewPages },
    { id: 20, name: "case-erasure", up: caseErasure },
    { id: 21, name: "pending-uploads", up: pendingUploads },
    { id: 23, name: "case-list-filters", up: caseListFilters },
    { id: 25, name: "statistics-part-facts", up: statisticsPartFacts },
    { id: 26, name: "document-pages", up: documentPages },
    { id: 27, name: "incident-facts-per-incident", up: incidentFactsPerIncident },
  ],
}
