import { ApiTokens, GatewaySettings } from "@bashke/gateway"
import { Catalogue, Id, type Locale } from "@bashke/kernel"
import { DatabaseUrl } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import type { SqlClient, SqlError } from "@effect/sql"
import { type ConfigError, Console, Effect, Layer } from "effect"
import { cliMessages } from "./CliMessages"

/** What {@link withDatabase} provides. */
export type Provided = SqlClient.SqlClient | ApiTokens.ApiTokens | Id.IdGenerator

/** How opening the database can fail. */
export type OpenError = DatabaseUrl.DatabaseUrlError | SqlError.SqlError | ConfigError.ConfigError

/**
 * Runs `program` on the database of `BASHKE_DATABASE_URL`: the URL is parsed
 * before anything touches the disk, the database is named on standard output,
 * then opened (with the API tokens and the id generator on it).
 */
export const withDatabase = <A, E, R>(
  locale: Locale.Locale,
  program: Effect.Effect<A, E, R>,
): Effect.Effect<A, E | OpenError, Exclude<R, Provided>> =>
  Effect.gen(function* () {
    const parsed = yield* Effect.flatMap(Database.url, DatabaseUrl.decode)
    yield* Console.log(
      Catalogue.format(cliMessages, locale, "cli.database", { database: DatabaseUrl.describe(parsed) }),
    )
    // Tokens live as long as the gateway's settings say (checked by the commands that issue them).
    const lifetimes = GatewaySettings.tokenLifetimesOf(process.env)
    return yield* Effect.provide(
      program,
      Layer.provideMerge(ApiTokens.ApiTokens.layerWith(lifetimes), Layer.merge(Database.layer(parsed), Id.layer)),
    )
  })
