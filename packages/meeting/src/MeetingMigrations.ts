/**
 * The meeting package's tables, as a migration set for `Migrations.run`:
 * meetings with their attendance, minutes and amendments; decisions; action
 * items. Run after `persistenceMigrations` (the outbox) and
 * `securityMigrations` (the audit log).
 *
 * Migration 5 adds when minutes are due and were circulated, decisions'
 * owners and due dates, and the coordinator's agenda edits; migration 6 the
 * calendar feeds (secrets as hashes); migration 7 the history of action
 * items' due date extensions; migration 8 an index of action items by
 * what they are linked to (a case's items, for its timeline); migration 9 the
 * indexes the meeting and action item lists are paged by, by keyset.
 *
 * Published statistics view (migration 4, a contract read by
 * `@bashke/reporting`): `meeting_statistics`.
 */
import type { Migrations } from "@bashke/persistence"
import meetings from "./internal/migrations/0001_meetings"
import decisions from "./internal/migrations/0002_decisions"
import actionItems from "./internal/migrations/0003_action_items"
import statisticsView from "./internal/migrations/0004_statistics_view"
import circulationOwnershipAgenda from "./internal/migrations/0005_circulation_ownership_agenda"
import calendarFeeds from "./internal/migrations/0006_calendar_feeds"
import actionItemExtensions from "./internal/migrations/0007_action_item_extensions"
import actionItemsByCase from "./internal/migrations/0008_action_items_by_case"
import listPages from "./internal/migrations/0009_list_pages"

export const meetingMigrations: Migrations.MigrationSet = {
  package: "@bashke/meeting",
  migrations: [
    { id: 1, name: "meetings", up: meetings },
    { id: 2, name: "decisions", up: decisions },
    { id: 3, name: "action-items", up: actionItems },
    { id: 4, name: "statistics-view", up: statisticsView },
    { id: 5, name: "circulation-ownership-agenda", up: circulationOwnershipAgenda },
    { id: 6, name: "calendar-feeds", up: calendarFeeds },
    { id: 7, name: "action-item-extensions", up: actionItemExtensions },
    { id: 8, name: "action-items-by-case", up: actionItemsByCase },
    { id: 9, name: "list-pages", up: listPages },
  ],
}
