/**
 * The action-plan package's tables, as a migration set for `Migrations.run`.
 * Run after `persistenceMigrations` (the outbox).
 */
import type { Migrations } from "@bashke/persistence"
import plans from "./internal/migrations/0001_action_plans"
import revisions from "./internal/migrations/0002_plan_revisions"
import planPages from "./internal/migrations/0003_plan_pages"

export const actionPlanMigrations: Migrations.MigrationSet = {
  package: "@bashke/action-plan",
  migrations: [
    { id: 1, name: "action-plans", up: plans },
    { id: 2, name: "plan-revisions", up: revisions },
    { id: 3, name: "plan-pages", up: planPages },
  ],
}
