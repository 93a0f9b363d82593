import { Catalogue } from "@bashke/kernel"
import { DatabaseUrl } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import type { SqlClient } from "@effect/sql"
import { Cause, Console, Effect, Exit } from "effect"
import { cliMessages } from "./CliMessages"
import { cliLocale } from "./Locale"
import { migrate } from "./Migrate"

const locale = cliLocale()
const [command = "help"] = process.argv.slice(2)

class UsageError {
  readonly _tag = "UsageError"
}

/** Parses `BASHKE_DATABASE_URL` before anything touches the disk, then opens it. */
const withDatabase = <A, E>(program: Effect.Effect<A, E, SqlClient.SqlClient>) =>
  Effect.gen(function* () {
    const parsed = yield* Effect.flatMap(Database.url, DatabaseUrl.decode)
    yield* Console.log(
      Catalogue.format(cliMessages, locale, "cli.database", { database: DatabaseUrl.describe(parsed) }),
    )
    return yield* Effect.provide(program, Database.layer(parsed))
  })

const commands: Record<string, Effect.Effect<unknown, unknown>> = {
  migrate: withDatabase(migrate(locale)),
  start: withDatabase(
    Effect.zipRight(
      migrate(locale),
      Console.log(Catalogue.format(cliMessages, locale, "cli.start.no-gateway", { app: "apps/gateway" })),
    ),
  ),
  help: Console.log(Catalogue.format(cliMessages, locale, "cli.usage")),
}

const unknown = Console.error(Catalogue.format(cliMessages, locale, "cli.unknown-command", { command })).pipe(
  Effect.zipRight(Console.error(Catalogue.format(cliMessages, locale, "cli.usage"))),
  Effect.zipRight(Effect.fail(new UsageError())),
)

Effect.runPromiseExit(commands[command] ?? unknown).then((exit) => {
  if (Exit.isSuccess(exit)) return
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "Some" && !(failure.value instanceof UsageError)) {
    // The failures here are tagged errors with reasons: no personal data, no password.
    const reason = failure.value instanceof Error ? failure.value.message : String(failure.value)
    console.error(Catalogue.format(cliMessages, locale, "cli.failed", { reason }))
  } else if (failure._tag === "None") {
    console.error(Cause.pretty(exit.cause))
  }
  process.exitCode = 1
})
