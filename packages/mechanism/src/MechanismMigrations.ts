/**
 * The package's migrations, as modules (no file system: they load on Workers).
 * Run them after `persistenceMigrations` and `securityMigrations`:
 *
 * ```ts
 * yield* Migrations.run([persistenceMigrations, securityMigrations, mechanismMigrations])
 * ```
 */
import type { Migrations } from "@bashke/persistence"
import mechanisms from "./internal/migrations/0001_mechanisms"
import immutableMemoranda from "./internal/migrations/0002_immutable_memoranda"
import countersignatures from "./internal/migrations/0003_countersignatures"
import institutions from "./internal/migrations/0004_institutions"
import rosterVersion from "./internal/migrations/0005_roster_version"
import listPages from "./internal/migrations/0006_list_pages"

export const mechanismMigrations: Migrations.MigrationSet = {
  package: "@bashke/mechanism",
  migrations: [
    { id: 1, name: "mechanisms", up: mechanisms },
    { id: 2, name: "immutable-memoranda", up: immutableMemoranda },
    { id: 3, name: "countersignatures", up: countersignatures },
    { id: 4, name: "institutions", up: institutions },
    { id: 5, name: "roster-version", up: rosterVersion },
    { id: 6, name: "list-pages", up: listPages },
  ],
}
