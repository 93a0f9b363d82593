import { Catalogue } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { cliMessages } from "../src/CliMessages"
import { catalogue } from "../src/Registry"

describe("cliMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, with the same placeholders and plural forms", () => {
    expect(Catalogue.check(catalogue).map(Catalogue.describeProblem)).toEqual([])
  })

  it("leaves no English in the Albanian messages", () => {
    // Placeholders, code in backticks, flags, variables, URLs and paths are not words of either language.
    const words = (text: string) =>
      text
        .replace(/\{[^{}]*\}/g, " ")
        .replace(/`[^`]*`/g, " ")
        .replace(/(--?[\w-]+|[A-Z][A-Z0-9_]{2,}|\w+:\/\/\S+|\S*[/<>:=]\S*)/g, " ")
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((word) => word.length > 0)
    const english = new Set(["the", "and", "of", "is", "are", "with", "for", "not", "your", "you", "this", "that"])
    const declared = Catalogue.TypeId in catalogue ? catalogue[Catalogue.TypeId].declared : {}
    const leftovers: Array<string> = []
    for (const [key, translations] of Object.entries(declared)) {
      const sq = translations.sq
      if (sq === undefined) continue
      const found = words(sq).filter((word) => english.has(word))
      if (found.length > 0 || (sq === translations.en && words(sq).length > 0)) leftovers.push(`${key}: ${found}`)
    }
    expect(leftovers).toEqual([])
  })

  it("counts migrations with Serbian plural forms", () => {
    const say = (count: number) => Catalogue.format(cliMessages, "sr-Latn", "cli.migrations.applied-now", { count })
    expect(say(1)).toBe("Primenjena je 1 nova migracija")
    expect(say(3)).toBe("Primenjene su 3 nove migracije")
    expect(say(5)).toBe("Primenjeno je 5 novih migracija")
    expect(say(0)).toBe("Nema novih migracija")
  })
})
