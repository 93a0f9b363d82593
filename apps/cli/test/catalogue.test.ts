import { Catalogue } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { cliMessages } from "../src/CliMessages"
import { catalogue } from "../src/Registry"

describe("cliMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, with the same placeholders and plural forms", () => {
    expect(Catalogue.check(catalogue).map(Catalogue.describeProblem)).toEqual([])
  })

  it("counts migrations with Serbian plural forms", () => {
    const say = (count: number) => Catalogue.format(cliMessages, "sr-Latn", "cli.migrations.applied-now", { count })
    expect(say(1)).toBe("Primenjena je 1 nova migracija")
    expect(say(3)).toBe("Primenjene su 3 nove migracije")
    expect(say(5)).toBe("Primenjeno je 5 novih migracija")
    expect(say(0)).toBe("Nema novih migracija")
  })
})
