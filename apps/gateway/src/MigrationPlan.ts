/**
 * Every package's migrations, in the order they must run: persistence's own
 * tables (outbox, idempotency) first, then each package after the ones it
 * builds on, the gateway's API tokens last.
 */
import { actionPlanMigrations } from "@bashke/action-plan"
import { caseMigrations } from "@bashke/case"
import { identityMigrations } from "@bashke/identity"
import { mechanismMigrations } from "@bashke/mechanism"
import { meetingMigrations } from "@bashke/meeting"
import { notificationMigrations } from "@bashke/notifications"
import { type Migrations, persistenceMigrations } from "@bashke/persistence"
import { pluginSdkMigrations } from "@bashke/plugin-sdk"
import { referralMigrations } from "@bashke/referral"
import { securityMigrations } from "@bashke/security"
import { gatewayMigrations } from "./GatewayMigrations"
import { gatewayPluginMigrations } from "./plugins/PluginMigrations"

export const migrationPlan: ReadonlyArray<Migrations.MigrationSet> = [
  persistenceMigrations,
  securityMigrations,
  identityMigrations,
  mechanismMigrations,
  meetingMigrations,
  caseMigrations,
  referralMigrations,
  actionPlanMigrations,
  notificationMigrations,
  gatewayMigrations,
  pluginSdkMigrations,
  gatewayPluginMigrations,
]
