/**
 * The tables this package needs: the audit log (`audit_log`) and its chain head
 * (`audit_head`), guarded by triggers that refuse updates (except re-wrapping a
 * sealed reason), deletions and entries that do not follow the head; the head
 * moves with each entry appended.
 */
import type { Migrations } from "@bashke/persistence"
import auditLog from "./internal/migrations/0001_audit_log"
import caseDataKeys from "./internal/migrations/0002_case_data_keys"
import headMovedByEntry from "./internal/migrations/0003_head_moved_by_entry"

/**
 * `@bashke/security`'s migrations: run them after `persistenceMigrations` and
 * before the domain packages' (which append to the audit log).
 */
export const securityMigrations: Migrations.MigrationSet = {
  package: "@bashke/security",
  migrations: [
    { id: 1, name: "audit log", up: auditLog },
    { id: 2, name: "case data keys", up: caseDataKeys },
    { id: 3, name: "head moved by its entry", up: headMovedByEntry },
  ],
}
