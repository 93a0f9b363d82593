/**
 * The command line against the registry, as data: which command, its flags and
 * operands — or help, the version, or the one thing wrong with it. Pure, so
 * asking for help can never reach a command's Effect.
 */
import type { Command } from "./Command"
import * as Commands from "./Command"

/** `--help` and `-h` ask for help anywhere on the line; `--version` only as the first word. */
export const helpFlags: ReadonlyArray<string> = ["--help", "-h"]
export const versionFlag = "--version"

/** What is wrong with a command line, in data the runner puts into words. */
export type Problem =
  | { readonly _tag: "UnknownCommand"; readonly given: string; readonly accepted: ReadonlyArray<string> }
  | {
      readonly _tag: "UnknownFlag"
      readonly command: string
      readonly flag: string
      readonly accepted: ReadonlyArray<string>
    }
  | { readonly _tag: "MissingValue"; readonly command: string; readonly flag: string }
  | { readonly _tag: "UnexpectedValue"; readonly command: string; readonly flag: string }
  | { readonly _tag: "RepeatedFlag"; readonly command: string; readonly flag: string }
  | {
      readonly _tag: "Operands"
      readonly command: string
      readonly given: number
      readonly min: number
      readonly max: number
      readonly name: string
    }
  | { readonly _tag: "Incomplete"; readonly given: string; readonly accepted: ReadonlyArray<string> }

export type Parsed =
  | { readonly _tag: "Overview" }
  | { readonly _tag: "Version" }
  | { readonly _tag: "Help"; readonly command: Command }
  /** `bashke token --help`: the commands that start with these words. */
  | { readonly _tag: "Group"; readonly words: ReadonlyArray<string>; readonly commands: ReadonlyArray<Command> }
  | {
      readonly _tag: "Run"
      readonly command: Command
      readonly values: ReadonlyMap<string, ReadonlyArray<string>>
      readonly switches: ReadonlySet<string>
      readonly operands: ReadonlyArray<string>
    }
  | { readonly _tag: "Invalid"; readonly problem: Problem }

const startsWith = (args: ReadonlyArray<string>, words: ReadonlyArray<string>) =>
  words.length <= args.length && words.every((word, i) => args[i] === word)

/** The command whose words are the longest prefix of `args`. */
const match = (registry: ReadonlyArray<Command>, args: ReadonlyArray<string>): Command | undefined =>
  registry.filter((command) => startsWith(args, command.words)).sort((a, b) => b.words.length - a.words.length)[0]

/** The names a user could have meant at this depth: `token create`, … under `token`, every command at the top. */
const accepted = (registry: ReadonlyArray<Command>, prefix: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...new Set(
    registry
      .filter((command) => startsWith(command.words, prefix))
      .map((command) => command.words.slice(0, prefix.length + 1).join(" ")),
  ),
]

const flagsOf = (command: Command): ReadonlyArray<string> => [
  ...command.flags.map((flag) => `--${flag.name}`),
  ...helpFlags,
]

const parseFlags = (command: Command, rest: ReadonlyArray<string>): Parsed => {
  const values = new Map<string, Array<string>>()
  const switches = new Set<string>()
  const operands: Array<string> = []
  const invalid = (problem: Problem): Parsed => ({ _tag: "Invalid", problem })
  const name = Commands.name(command)
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    if (arg === "--") {
      operands.push(...rest.slice(i + 1))
      break
    }
    if (!arg.startsWith("-") || arg === "-") {
      operands.push(arg)
      continue
    }
    const [written, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined]
    const flag = command.flags.find((candidate) => `--${candidate.name}` === written)
    if (flag === undefined)
      return invalid({ _tag: "UnknownFlag", command: name, flag: written, accepted: flagsOf(command) })
    if (flag.kind === "switch") {
      if (inline !== undefined) return invalid({ _tag: "UnexpectedValue", command: name, flag: written })
      switches.add(flag.name)
      continue
    }
    const value = inline ?? rest[i + 1]
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      return invalid({ _tag: "MissingValue", command: name, flag: written })
    }
    if (inline === undefined) i++
    const given = values.get(flag.name) ?? []
    if (given.length > 0 && flag.repeatable !== true)
      return invalid({ _tag: "RepeatedFlag", command: name, flag: written })
    values.set(flag.name, [...given, value])
  }
  const expected = command.operands ?? { min: 0, max: 0, name: "" }
  if (operands.length < expected.min || operands.length > expected.max) {
    return invalid({ _tag: "Operands", command: name, given: operands.length, ...expected })
  }
  return { _tag: "Run", command, values, switches, operands }
}

/** Reads `args` (what follows `bashke`) against the registry. */
export const parse = (registry: ReadonlyArray<Command>, args: ReadonlyArray<string>): Parsed => {
  const [first] = args
  if (first === undefined || (args.length === 1 && helpFlags.includes(first))) return { _tag: "Overview" }
  if (first === versionFlag && args.length === 1) return { _tag: "Version" }
  // `bashke help token create` is `bashke token create --help`.
  if (first === "help") return args.length === 1 ? { _tag: "Overview" } : parse(registry, [...args.slice(1), "--help"])
  const wantsHelp = args.some((arg) => helpFlags.includes(arg))
  const command = match(registry, args)
  if (command !== undefined) {
    return wantsHelp ? { _tag: "Help", command } : parseFlags(command, args.slice(command.words.length))
  }
  if (first.startsWith("-")) {
    return {
      _tag: "Invalid",
      problem: { _tag: "UnknownFlag", command: "bashke", flag: first, accepted: [...helpFlags, versionFlag] },
    }
  }
  // The longest run of leading words that some commands start with: a group such as `token`.
  const words = args.filter((arg) => !arg.startsWith("-"))
  let depth = 0
  while (
    depth < words.length &&
    registry.some((c) => c.words.length > depth + 1 && startsWith(c.words, words.slice(0, depth + 1)))
  )
    depth++
  if (depth === 0)
    return { _tag: "Invalid", problem: { _tag: "UnknownCommand", given: first, accepted: accepted(registry, []) } }
  const group = words.slice(0, depth)
  const members = registry.filter((c) => startsWith(c.words, group))
  if (wantsHelp) return { _tag: "Group", words: group, commands: members }
  const next = words[depth]
  return next === undefined
    ? { _tag: "Invalid", problem: { _tag: "Incomplete", given: group.join(" "), accepted: accepted(registry, group) } }
    : {
        _tag: "Invalid",
        problem: { _tag: "UnknownCommand", given: [...group, next].join(" "), accepted: accepted(registry, group) },
      }
}
