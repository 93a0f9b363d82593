import type { Locale } from "@bashke/kernel"
import { Migrations } from "@bashke/persistence"
import { Effect } from "effect"
import { type OpenError, type Provided, withDatabase } from "./Database"
import { migrationPlan } from "./MigrationPlan"

/** Tokens live in the gateway's table: the token commands bring the database up to date first, quietly. */
export const withTokenTable = <A, E, R>(
  locale: Locale.Locale,
  program: Effect.Effect<A, E, R>,
): Effect.Effect<A, E | OpenError | Migrations.MigrationError, Exclude<R, Provided>> =>
  withDatabase(locale, Effect.zipRight(Migrations.run(migrationPlan), program))
