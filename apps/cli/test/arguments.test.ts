import { Catalogue } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import * as Arguments from "../src/Arguments"
import * as Command from "../src/Command"

const messages = Catalogue.make({
  "test.summary": { sq: "s", "sr-Latn": "s", en: "s" },
  "test.help": { sq: "h", "sr-Latn": "h", en: "h" },
})
const command = (words: Array<string>, flags: Array<Command.Flag> = [], operands?: Command.Command["operands"]) =>
  Command.make({
    words,
    messages,
    summary: "test.summary",
    help: "test.help",
    flags,
    ...(operands === undefined ? {} : { operands }),
    run: () => Effect.void,
  })
const create = command(
  ["token", "create"],
  [
    { name: "role", kind: "value", repeatable: true },
    { name: "label", kind: "value" },
    { name: "dry", kind: "switch" },
  ],
)
const revoke = command(["token", "revoke"], [], { min: 1, max: 1, name: "<id>" })
const migrate = command(["migrate"])
const registry = [migrate, create, revoke]

describe("Arguments.parse", () => {
  it("reads a command's flags, repeated values, switches and operands", () => {
    const parsed = Arguments.parse(registry, ["token", "create", "--role", "a", "--role=b", "--label", "x", "--dry"])
    expect(parsed._tag).toBe("Run")
    if (parsed._tag !== "Run") return
    expect(parsed.command).toBe(create)
    expect(parsed.values.get("role")).toEqual(["a", "b"])
    expect(parsed.values.get("label")).toEqual(["x"])
    expect([...parsed.switches]).toEqual(["dry"])
    const revoked = Arguments.parse(registry, ["token", "revoke", "01ABC"])
    expect(revoked._tag === "Run" && revoked.operands).toEqual(["01ABC"])
  })

  it("names what is wrong and what is accepted", () => {
    expect(Arguments.parse(registry, ["token", "create", "--rol", "a"])).toEqual({
      _tag: "Invalid",
      problem: {
        _tag: "UnknownFlag",
        command: "token create",
        flag: "--rol",
        accepted: ["--role", "--label", "--dry", "--help", "-h"],
      },
    })
    expect(Arguments.parse(registry, ["frob"])).toEqual({
      _tag: "Invalid",
      problem: { _tag: "UnknownCommand", given: "frob", accepted: ["migrate", "token"] },
    })
    expect(Arguments.parse(registry, ["token", "frob"])).toEqual({
      _tag: "Invalid",
      problem: { _tag: "UnknownCommand", given: "token frob", accepted: ["token create", "token revoke"] },
    })
    expect(Arguments.parse(registry, ["token"])).toMatchObject({ problem: { _tag: "Incomplete", given: "token" } })
    expect(Arguments.parse(registry, ["token", "create", "--label"])).toMatchObject({
      problem: { _tag: "MissingValue", flag: "--label" },
    })
    expect(Arguments.parse(registry, ["token", "create", "--label", "a", "--label", "b"])).toMatchObject({
      problem: { _tag: "RepeatedFlag", flag: "--label" },
    })
    expect(Arguments.parse(registry, ["token", "create", "--dry=yes"])).toMatchObject({
      problem: { _tag: "UnexpectedValue", flag: "--dry" },
    })
    expect(Arguments.parse(registry, ["token", "revoke"])).toMatchObject({
      problem: { _tag: "Operands", given: 0, min: 1, max: 1 },
    })
    expect(Arguments.parse(registry, ["migrate", "extra"])).toMatchObject({
      problem: { _tag: "Operands", given: 1, max: 0 },
    })
    expect(Arguments.parse(registry, ["--frob"])).toMatchObject({
      problem: { _tag: "UnknownFlag", command: "bashke", accepted: ["--help", "-h", "--version"] },
    })
  })

  it("answers the overview, groups and the version", () => {
    expect(Arguments.parse(registry, [])).toEqual({ _tag: "Overview" })
    expect(Arguments.parse(registry, ["help"])).toEqual({ _tag: "Overview" })
    expect(Arguments.parse(registry, ["-h"])).toEqual({ _tag: "Overview" })
    expect(Arguments.parse(registry, ["--version"])).toEqual({ _tag: "Version" })
    expect(Arguments.parse(registry, ["help", "token", "revoke"])).toEqual({ _tag: "Help", command: revoke })
    expect(Arguments.parse(registry, ["token", "--help"])).toEqual({
      _tag: "Group",
      words: ["token"],
      commands: [create, revoke],
    })
  })

  it("never runs a command when --help or -h is anywhere on the line", () => {
    const word = fc.constantFrom(
      "token",
      "create",
      "revoke",
      "migrate",
      "--role",
      "--label",
      "--dry",
      "x",
      "--frob",
      "--",
    )
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 6 }),
        fc.array(word, { maxLength: 6 }),
        fc.constantFrom("--help", "-h"),
        (before, after, help) => {
          const parsed = Arguments.parse(registry, [...before, help, ...after])
          expect(parsed._tag).not.toBe("Run")
        },
      ),
    )
  })
})
