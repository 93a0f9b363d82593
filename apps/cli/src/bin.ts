import { ApiTokens } from "@bashke/gateway"
import { start } from "@bashke/gateway/server"
import { Catalogue, Id, Input, Principal } from "@bashke/kernel"
import { DatabaseUrl, Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import type { SqlClient } from "@effect/sql"
import { Cause, Console, Effect, Exit, Layer, Schema } from "effect"
import { cliMessages } from "./CliMessages"
import { cliLocale } from "./Locale"
import { migrate } from "./Migrate"
import { migrationPlan } from "./MigrationPlan"

const locale = cliLocale()
const [command = "help", ...args] = process.argv.slice(2)
const say = (key: Catalogue.Key<typeof cliMessages>, params?: Record<string, string | number | boolean>) =>
  Console.log(Catalogue.format(cliMessages, locale, key, params))

class UsageError {
  readonly _tag = "UsageError"
}

/** Parses `BASHKE_DATABASE_URL` before anything touches the disk, then opens it. */
const withDatabase = <A, E, R>(program: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const parsed = yield* Effect.flatMap(Database.url, DatabaseUrl.decode)
    yield* say("cli.database", { database: DatabaseUrl.describe(parsed) })
    return yield* Effect.provide(
      program,
      Layer.provideMerge(ApiTokens.ApiTokens.layer, Layer.merge(Database.layer(parsed), Id.layer)),
    )
  })

/** `--name value` options, repeatable. */
const option = (name: string): Array<string> =>
  args.flatMap((arg, i) => (arg === `--${name}` && args[i + 1] !== undefined ? [args[i + 1] as string] : []))

const serve = Effect.gen(function* () {
  yield* withDatabase(migrate(locale))
  const running = yield* Effect.promise(() => start({ demo: !args.includes("--no-demo") }))
  yield* say("cli.start.listening", { url: running.url })
  if (running.mechanismId !== undefined) {
    yield* say(running.seeded ? "cli.start.seeded" : "cli.start.already-seeded")
    for (const [who, token] of Object.entries(running.tokens)) yield* say("cli.start.token", { who, token })
    const token = running.tokens.caseManager
    if (token !== undefined) {
      yield* say("cli.start.try")
      yield* Console.log(
        `  curl -H "Authorization: Bearer ${token}" "${running.url}/v1/cases?mechanismId=${running.mechanismId}"`,
      )
    }
  }
  // Serve until told to stop; close the server and the database cleanly.
  yield* Effect.async<void>((resume) => {
    const stop = () => {
      running.close().then(() => resume(Effect.void))
    }
    process.once("SIGINT", stop)
    process.once("SIGTERM", stop)
  })
})

const TokenRequest = Schema.Struct({
  label: Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,62}$/)),
  principal: Principal.Principal,
})

const tokenCommand: Effect.Effect<unknown, unknown, SqlClient.SqlClient | ApiTokens.ApiTokens | Id.IdGenerator> =
  Effect.gen(function* () {
    const tokens = yield* ApiTokens.ApiTokens
    const ids = yield* Id.IdGenerator
    const [sub, target] = args
    switch (sub) {
      case "create": {
        const request = yield* Input.decodeEither({ messages: cliMessages, fallback: "cli.token.invalid" })(
          TokenRequest,
        )({
          label: option("label")[0],
          principal: {
            id: yield* ids.next,
            kind: "api-token",
            institution: option("institution")[0],
            sector: option("sector")[0],
            roles: option("role"),
            mechanisms: option("mechanism"),
          },
        }).pipe(
          Effect.catchAll((error) =>
            Effect.zipRight(
              Console.error(
                Catalogue.format(cliMessages, locale, "cli.token.invalid", { field: error.field, rule: error.rule }),
              ),
              Effect.fail(new UsageError()),
            ),
          ),
        )
        const issued = yield* tokens.issue(request.principal, request.label)
        yield* say("cli.token.created", { id: issued.id })
        yield* Console.log(issued.token)
        return
      }
      case "list": {
        for (const token of yield* tokens.list) {
          yield* Console.log(
            `${token.id}  ${token.label}  ${token.principal.roles.join(",")}  ${token.revokedAt === null ? "active" : `revoked ${token.revokedAt.toISOString()}`}`,
          )
        }
        return
      }
      case "revoke": {
        const revoked = target === undefined ? false : yield* tokens.revoke(target)
        yield* say("cli.token.revoked", { id: target ?? "?", revoked })
        if (!revoked) return yield* Effect.fail(new UsageError())
        return
      }
      default:
        yield* say("cli.usage")
        return yield* Effect.fail(new UsageError())
    }
  })

const commands: Record<string, Effect.Effect<unknown, unknown>> = {
  migrate: withDatabase(migrate(locale)),
  start: serve,
  // Tokens live in the gateway's table: bring the database up to date first, quietly.
  token: withDatabase(Effect.zipRight(Migrations.run(migrationPlan), tokenCommand)),
  help: say("cli.usage"),
}

const unknown = Console.error(Catalogue.format(cliMessages, locale, "cli.unknown-command", { command })).pipe(
  Effect.zipRight(Console.error(Catalogue.format(cliMessages, locale, "cli.usage"))),
  Effect.zipRight(Effect.fail(new UsageError())),
)

Effect.runPromiseExit(commands[command] ?? unknown).then((exit) => {
  if (Exit.isSuccess(exit)) {
    if (command === "start") process.exit(0)
    return
  }
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
