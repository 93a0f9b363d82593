import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { Locale, Messages } from "../src/index"

describe("fromAcceptLanguage", () => {
  it.each([
    [undefined, "sq"],
    [null, "sq"],
    ["", "sq"],
    ["*", "sq"],
    ["de-DE, fr;q=0.9", "sq"],
    ["sq", "sq"],
    ["sq-XK,sq;q=0.9", "sq"],
    ["en-GB,en;q=0.9", "en"],
    ["sr", "sr-Latn"],
    ["sr-Latn-RS", "sr-Latn"],
    ["sr-Cyrl", "sr-Cyrl"],
    ["sr-cyrl-xk", "sr-Cyrl"],
    ["sr-RS", "sr-Cyrl"],
    ["sr-BA", "sr-Cyrl"],
    ["sr-XK", "sr-Cyrl"],
    ["sr-ME", "sr-Latn"],
    ["bs-BA", "sr-Latn"],
    ["hr", "sr-Latn"],
    ["de-DE, sr-RS;q=0.8, en;q=0.5", "sr-Cyrl"],
    ["en;q=0.5, sq;q=0.8", "sq"],
    ["en;q=0.8, sq;q=0.8", "en"],
    ["sq;q=0, en", "en"],
    ["sq;q=abc, en;q=0.1", "en"],
    ["  EN-us ;q=1 ", "en"],
  ] as const)("%s → %s", (header, expected) => {
    expect(Locale.fromAcceptLanguage(header)).toBe(expected)
  })

  it("uses the given fallback when nothing matches", () => {
    expect(Locale.fromAcceptLanguage("de", "en")).toBe("en")
    expect(Locale.fromAcceptLanguage(undefined, "sr-Cyrl")).toBe("sr-Cyrl")
  })

  it.prop("always answers a supported locale", [fc.string()], ([header]) => {
    expect(Locale.all).toContain(Locale.fromAcceptLanguage(header))
  })
})

describe("fallbackOrder", () => {
  it.each(Locale.all.map((locale) => [locale] as const))("%s starts with itself and covers every locale", (locale) => {
    const order = Locale.fallbackOrder(locale)
    expect(order[0]).toEqual({ locale })
    expect(order.map((step) => step.locale).sort()).toEqual([...Locale.all].sort())
  })
})

describe("locale names", () => {
  it("each locale names itself in its own language", () => {
    expect(Locale.all.map((l) => Messages.localeName(l, l))).toEqual([
      "Shqip",
      "Srpski (latinica)",
      "Српски (ћирилица)",
      "English",
    ])
    expect(Messages.localeName("sr-Latn", "sq")).toBe("Serbisht (alfabeti latin)")
  })
})
