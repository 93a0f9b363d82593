/**
 * The notifications package's migrations, as modules (no file system: they
 * load on Workers). Run them after `persistenceMigrations` and the domain
 * packages'.
 *
 * Tables: `notification_leases`, `notification_reminders`, `notifications`,
 * `notification_emails`, `notification_preferences`, `notification_channels`,
 * `notification_positions`.
 *
 * Migration 2 indexes the unread notifications for paging them by keyset.
 */
import type { Migrations } from "@bashke/persistence"
import notifications from "./internal/migrations/0001_notifications"
import unreadPages from "./internal/migrations/0002_unread_pages"

export const notificationMigrations: Migrations.MigrationSet = {
  package: "@bashke/notifications",
  migrations: [
    { id: 1, name: "notifications", up: notifications },
    { id: 2, name: "unread-pages", up: unreadPages },
  ],
}
