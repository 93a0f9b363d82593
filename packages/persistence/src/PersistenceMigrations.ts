/**
 * The tables this package needs (outbox, idempotency keys, throttles), as a migration set
 * meant to run before every other package's.
 */
import outbox from "./internal/migrations/0001_outbox"
import idempotency from "./internal/migrations/0002_idempotency"
import throttle from "./internal/migrations/0003_throttle"
import type { MigrationSet } from "./Migrations"

/**
 * `@bashke/persistence`'s migrations: run them first.
 */
export const persistenceMigrations: MigrationSet = {
  package: "@bashke/persistence",
  migrations: [
    { id: 1, name: "outbox", up: outbox },
    { id: 2, name: "idempotency", up: idempotency },
    { id: 3, name: "throttle", up: throttle },
  ],
}
