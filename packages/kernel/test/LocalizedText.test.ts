import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import { Locale, LocalizedText, Transliteration } from "../src/index"

const full = { sq: "Ferizaj", "sr-Latn": "Uroševac", "sr-Cyrl": "Урошевац", en: "Ferizaj (en)" } as const

describe("localize: the documented fallback order", () => {
  // [requested locale, text given, expected value, expected locale]
  it.each([
    ["sr-Cyrl", full, "Урошевац", "sr-Cyrl"],
    ["sr-Cyrl", { "sr-Latn": "Uroševac", sq: "Ferizaj" }, "Урошевац", "sr-Cyrl"],
    ["sr-Cyrl", { sq: "Ferizaj", en: "Ferizaj (en)" }, "Ferizaj", "sq"],
    ["sr-Cyrl", { en: "Ferizaj (en)" }, "Ferizaj (en)", "en"],
    ["sr-Latn", full, "Uroševac", "sr-Latn"],
    ["sr-Latn", { "sr-Cyrl": "Урошевац", sq: "Ferizaj" }, "Uroševac", "sr-Latn"],
    ["sr-Latn", { sq: "Ferizaj", en: "Ferizaj (en)" }, "Ferizaj", "sq"],
    ["sr-Latn", { en: "Ferizaj (en)" }, "Ferizaj (en)", "en"],
    ["sq", full, "Ferizaj", "sq"],
    ["sq", { en: "Ferizaj (en)", "sr-Latn": "Uroševac" }, "Ferizaj (en)", "en"],
    ["sq", { "sr-Latn": "Uroševac", "sr-Cyrl": "Урошевац" }, "Uroševac", "sr-Latn"],
    ["sq", { "sr-Cyrl": "Урошевац" }, "Uroševac", "sr-Latn"],
    ["en", full, "Ferizaj (en)", "en"],
    ["en", { sq: "Ferizaj", "sr-Latn": "Uroševac" }, "Ferizaj", "sq"],
    ["en", { "sr-Latn": "Uroševac", "sr-Cyrl": "Урошевац" }, "Uroševac", "sr-Latn"],
    ["en", { "sr-Cyrl": "Урошевац" }, "Uroševac", "sr-Latn"],
  ] as const)("%s of %o → %s", (locale, text, value, resolvedIn) => {
    expect(LocalizedText.resolve(text, locale)).toEqual({ value, locale: resolvedIn })
    expect(LocalizedText.localize(text, locale)).toBe(value)
  })
})

const arbitraryText = Arbitrary.make(LocalizedText.LocalizedText)
const arbitraryLocale = fc.constantFrom(...Locale.all)

describe("localize: properties", () => {
  it.prop("always finds a non-blank text", [arbitraryText, arbitraryLocale], ([text, locale]) => {
    expect(LocalizedText.localize(text, locale).trim().length).toBeGreaterThan(0)
  })

  it.prop(
    "returns the requested locale's own text when it exists",
    [arbitraryText, arbitraryLocale],
    ([text, locale]) => {
      const own = text[locale]
      fc.pre(own !== undefined)
      expect(LocalizedText.resolve(text, locale)).toEqual({ value: own, locale })
    },
  )

  it.prop(
    "Serbian in either script is served from the other script before any other language",
    [fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0), arbitraryText],
    ([latin, other]) => {
      const text = { sq: other.sq ?? "sq", en: other.en ?? "en", "sr-Latn": latin }
      expect(LocalizedText.localize(text, "sr-Cyrl")).toBe(Transliteration.toCyrillic(latin))
      const cyrillic = Transliteration.toCyrillic(latin)
      expect(LocalizedText.localize({ sq: "sq", "sr-Cyrl": cyrillic }, "sr-Latn")).toBe(
        Transliteration.toLatin(cyrillic),
      )
    },
  )

  it.prop("only uses Serbian for sq and en when neither sq nor en exists", [arbitraryText], ([text]) => {
    for (const locale of ["sq", "en"] as const) {
      const resolved = LocalizedText.resolve(text, locale)
      if (text.sq !== undefined || text.en !== undefined) expect(["sq", "en"]).toContain(resolved.locale)
      else expect(resolved.locale).toBe("sr-Latn")
    }
  })
})

describe("the schema", () => {
  it("needs at least one language and no blank text", () => {
    const decode = Schema.decodeUnknownEither(LocalizedText.LocalizedText)
    const empty = decode({})
    expect(Either.isLeft(empty) && empty.left.message).toContain("localized-text.empty")
    const blank = decode({ sq: "  " })
    expect(Either.isLeft(blank) && blank.left.message).toContain("localized-text.blank")
    expect(decode({ unknown: "x" })._tag).toBe("Left")
    expect(decode({ en: "Shelter" })).toEqual(Either.right({ en: "Shelter" }))
  })

  it("of and locales", () => {
    const text = LocalizedText.of("sr-Latn", "Sklonište")
    expect(text).toEqual({ "sr-Latn": "Sklonište" })
    expect(LocalizedText.locales(full)).toEqual(Locale.all)
    expect(() => LocalizedText.of("sq", " ")).toThrow()
  })
})
