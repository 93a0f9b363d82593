/**
 * One `bashke` command: its words (`token create`), its one-line summary and its
 * help from the message catalogue, the flags it accepts and the Effect it runs.
 * Each command is a file under `commands/`, listed once in `commands/index.ts`;
 * the parser, `--help`, `--version` and the error lines come from the registry,
 * so a new command gets them by being listed.
 */
import { Catalogue, type Locale } from "@bashke/kernel"
import { Console, Data, Effect } from "effect"
import type { cliMessages } from "./CliMessages"

/** The keys every command may use besides its own: the shared part of the catalogue. */
export type SharedKey = Catalogue.Key<typeof cliMessages>

/** A flag: `--name value` (`value`, repeatable when the command says so) or `--name` alone (`switch`). */
export interface Flag {
  readonly name: string
  readonly kind: "value" | "switch"
  readonly repeatable?: boolean
}

/** Message parameters. */
export type Params = Readonly<Record<string, string | number | boolean>>

/** What a command receives: the parsed command line and its language. */
export interface Invocation<K extends string> {
  readonly locale: Locale.Locale
  /** The values given for a `value` flag, in order (empty when absent). */
  readonly values: (flag: string) => ReadonlyArray<string>
  /** Whether a `switch` flag was given. */
  readonly has: (flag: string) => boolean
  readonly operands: ReadonlyArray<string>
  /** A line of the catalogue on standard output. */
  readonly say: (key: K | SharedKey, params?: Params) => Effect.Effect<void>
  /** A line of the catalogue as the reason the command stops (standard error, exit code 1). */
  readonly stop: (key: K | SharedKey, params?: Params) => Effect.Effect<never, Stop>
}

/**
 * The command stopped for a reason already put in the user's words: the runner
 * prints `line` on standard error and exits with `exitCode`.
 */
export class Stop extends Data.TaggedError("Stop")<{
  readonly line: string
  readonly exitCode: 1 | 2
}> {}

/**
 * A command. `messages` is its part of the CLI catalogue (merged with the
 * others by the registry); `summary` is its line in `bashke --help`, `help` the
 * page `bashke <command> --help` prints. The Effect's failures other than
 * {@link Stop} are explained by the runner (a database that does not answer, a
 * port in use, …) in one line.
 */
export interface Command<K extends string = string> {
  readonly words: ReadonlyArray<string>
  readonly messages: Catalogue.Catalogue<K>
  readonly summary: K
  readonly help: K
  /** Parameters of the help message (e.g. the roles a flag accepts), computed only when it is shown. */
  readonly helpParams?: () => Params
  readonly flags: ReadonlyArray<Flag>
  /** How many operands (words after the command that are not flags) it takes. */
  readonly operands?: { readonly min: number; readonly max: number; readonly name: string }
  /** Serves until a signal: the process exits when it returns, whatever handles stay open. */
  readonly serves?: boolean
  readonly run: (invocation: Invocation<K>) => Effect.Effect<void, unknown>
}

/** Declares a command; the type ties its keys to its own catalogue part. */
export const make = <K extends string>(
  command: { readonly messages: Catalogue.Catalogue<K> } & Omit<Command<NoInfer<K>>, "messages">,
): Command<string> => command as unknown as Command<string>

/** The command's name as typed: `token create`. */
export const name = (command: Command): string => command.words.join(" ")

/** The invocation of a command for parsed flags and operands; `catalogue` holds every command's messages. */
export const invocation = <K extends string>(
  catalogue: Catalogue.Catalogue<string>,
  locale: Locale.Locale,
  parsed: {
    readonly values: ReadonlyMap<string, ReadonlyArray<string>>
    readonly switches: ReadonlySet<string>
    readonly operands: ReadonlyArray<string>
  },
): Invocation<K> => ({
  locale,
  values: (flag) => parsed.values.get(flag) ?? [],
  has: (flag) => parsed.switches.has(flag),
  operands: parsed.operands,
  say: (key, params) => Console.log(Catalogue.format(catalogue, locale, key, params)),
  stop: (key, params) => Effect.fail(new Stop({ line: Catalogue.format(catalogue, locale, key, params), exitCode: 1 })),
})
