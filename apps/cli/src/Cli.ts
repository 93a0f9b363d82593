/**
 * `bashke` as a function of its arguments: parse against the registry, answer
 * help and the version without touching anything, run the command, and turn
 * every way it can stop into one line in the user's language and an exit code
 * (0 done, 1 failed, 2 the command line was wrong).
 */
import { Catalogue, type Locale } from "@bashke/kernel"
import { Console, Effect, Exit } from "effect"
import { version } from "../package.json"
import * as Arguments from "./Arguments"
import * as Command from "./Command"
import * as FailureLine from "./FailureLine"
import { catalogue, commands } from "./Registry"

const text = (locale: Locale.Locale, key: string, params?: Command.Params) =>
  Catalogue.format(catalogue, locale, key, params)

const table = (locale: Locale.Locale, listed: ReadonlyArray<Command.Command>) => {
  const width = Math.max(...listed.map((command) => Command.name(command).length))
  return listed
    .map((command) => `  ${Command.name(command).padEnd(width)}  ${text(locale, command.summary)}`)
    .join("\n")
}

const problemLine = (locale: Locale.Locale, problem: Arguments.Problem): string => {
  const list = (names: ReadonlyArray<string>) => names.join(", ")
  switch (problem._tag) {
    case "UnknownCommand":
      return text(locale, "cli.problem.unknown-command", { given: problem.given, accepted: list(problem.accepted) })
    case "Incomplete":
      return text(locale, "cli.problem.incomplete", { given: problem.given, accepted: list(problem.accepted) })
    case "UnknownFlag":
      return text(locale, "cli.problem.unknown-flag", {
        command: problem.command,
        flag: problem.flag,
        accepted: list(problem.accepted),
      })
    case "MissingValue":
      return text(locale, "cli.problem.missing-value", { command: problem.command, flag: problem.flag })
    case "UnexpectedValue":
      return text(locale, "cli.problem.unexpected-value", { command: problem.command, flag: problem.flag })
    case "RepeatedFlag":
      return text(locale, "cli.problem.repeated-flag", { command: problem.command, flag: problem.flag })
    case "Operands":
      return text(locale, "cli.problem.operands", {
        command: problem.command,
        given: problem.given,
        none: problem.max === 0,
        name: problem.name,
      })
  }
}

/** What `bashke` prints and how it exits for `args`; `serves` tells the caller to end the process when it returns. */
export const run = (
  args: ReadonlyArray<string>,
  locale: Locale.Locale,
): Effect.Effect<{ readonly exitCode: number; readonly serves: boolean }> => {
  const parsed = Arguments.parse(commands, args)
  const done = (exitCode: number, serves = false) => ({ exitCode, serves })
  switch (parsed._tag) {
    case "Overview":
      return Effect.as(Console.log(text(locale, "cli.overview", { commands: table(locale, commands) })), done(0))
    case "Version":
      return Effect.as(Console.log(`bashke ${version}`), done(0))
    case "Help":
      return Effect.as(Console.log(text(locale, parsed.command.help, parsed.command.helpParams?.())), done(0))
    case "Group":
      return Effect.as(
        Console.log(
          text(locale, "cli.group", { group: parsed.words.join(" "), commands: table(locale, parsed.commands) }),
        ),
        done(0),
      )
    case "Invalid":
      return Effect.as(Console.error(problemLine(locale, parsed.problem)), done(2))
    case "Run": {
      const command = parsed.command
      return Effect.exit(command.run(Command.invocation(catalogue, locale, parsed))).pipe(
        Effect.flatMap((exit) => {
          if (Exit.isSuccess(exit)) return Effect.succeed(done(0, command.serves === true))
          const { line, exitCode } = FailureLine.of(locale, exit.cause)
          return Effect.as(Console.error(line), done(exitCode))
        }),
      )
    }
  }
}
