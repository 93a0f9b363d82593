import { Catalogue, type Locale } from "@bashke/kernel"
import { Migrations } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Array as Arr, Console, Effect } from "effect"
import { cliMessages } from "./CliMessages"
import { migrationPlan } from "./MigrationPlan"
import * as Progress from "./Progress"

/** Applies what is missing of the migration plan and prints the database's state. */
export const migrate = (
  locale: Locale.Locale,
): Effect.Effect<ReadonlyArray<Migrations.AppliedMigration>, Migrations.MigrationError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const appliedNow = yield* Migrations.run(migrationPlan).pipe(
      Effect.provideService(Migrations.Progress, Progress.migrations(locale)),
    )
    yield* Console.log(
      Catalogue.format(cliMessages, locale, "cli.migrations.applied-now", { count: appliedNow.length }),
    )
    const applied = yield* Migrations.applied
    for (const [pkg, rows] of Object.entries(Arr.groupBy(applied, (row) => row.package))) {
      const last = rows[rows.length - 1]!
      yield* Console.log(
        Catalogue.format(cliMessages, locale, "cli.migrations.package", {
          package: pkg,
          count: rows.length,
          last: `${last.id} ${last.name}`,
        }),
      )
    }
    return applied
  })
