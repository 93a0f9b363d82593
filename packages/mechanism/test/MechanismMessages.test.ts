import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Catalogue, kernelMessages } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { MechanismEvents, MechanismLifecycle, mechanismMessages } from "../src"

const sources = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  )

describe("mechanismMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, parsing, with the same placeholders", () => {
    expect(Catalogue.check(mechanismMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel's messages without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, mechanismMessages)).not.toThrow()
  })

  it("holds every rule the sources name", () => {
    const root = join(import.meta.dirname, "..", "src")
    const named = new Set<string>()
    for (const file of sources(root))
      for (const match of readFileSync(file, "utf8").matchAll(/"(mechanism\.[a-z-]+(?:\.[a-z-]+)+)"/g))
        named.add(match[1]!)
    // Outbox topics and the action names of `Forbidden` are for machines, not users.
    const notShown = new Set<string>([
      ...Object.values(MechanismEvents.topics),
      "mechanism.membership.add",
      "mechanism.contacts.read",
      "mechanism.contacts.write",
      "mechanism.memorandum.sign",
      "mechanism.memorandum.countersign",
      "mechanism.memorandum.signer.read",
    ])
    const missing = [...named].filter((key) => !notShown.has(key) && !Catalogue.has(mechanismMessages, key))
    expect(missing).toEqual([])
    expect(named.size).toBeGreaterThan(20)
  })

  it("labels every status and command", () => {
    for (const status of MechanismLifecycle.Status.literals)
      expect(Catalogue.has(mechanismMessages, `mechanism.status.${status}`)).toBe(true)
    for (const command of MechanismLifecycle.Command.literals)
      expect(Catalogue.has(mechanismMessages, `mechanism.command.${command}`)).toBe(true)
    expect(Catalogue.format(mechanismMessages, "sr-Latn", "mechanism.cadence.label", { count: 6 })).toBe(
      "najmanje 6 sastanaka godišnje",
    )
    expect(Catalogue.format(mechanismMessages, "sr-Cyrl", "mechanism.composition.gaps", { count: 2 })).toBe(
      "2 непокривена сектора",
    )
    expect(Catalogue.format(mechanismMessages, "sr-Cyrl", "mechanism.memorandum.hash.malformed")).toContain("SHA-256")
  })
})
