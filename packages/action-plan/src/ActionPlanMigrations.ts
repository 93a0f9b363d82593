/**
 * The action-plan package's tables, as a migration set for `Migrations.run`.
 * Run after `persistenceMigrations` (the outbox).
 *
 * @since 0.1.0
 */
import type { Migrations } from "@bashke/persistence"
import plans from "./internal/migrations/0001_action_plans"

/**
 * @since 0.1.0
 */
export const actionPlanMigrations: Migrations.MigrationSet = {
  package: "@bashke/action-plan",
  migrations: [{ id: 1, name: "action-plans", up: plans }],
}
