/**
 * The action-plan package's tables, as a migration set for `Migrations.run`.
 * Run after `persistenceMigrations` (the outbox).
 */
import type { Migrations } from "@bashke/persistence"
import plans from "./internal/migrations/0001_action_plans"

export const actionPlanMigrations: Migrations.MigrationSet = {
  package: "@bashke/action-plan",
  migrations: [{ id: 1, name: "action-plans", up: plans }],
}
