import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { Catalogue, Transliteration } from "../src/index"

const days = {
  sq: "{count, plural, one {# ditë} other {# ditë}}",
  "sr-Latn": "{count, plural, one {# dan} few {# dana} other {# dana}}",
  en: "{count, plural, one {# day} other {# days}}",
}
const items = {
  sq: "{count, plural, one {# element} other {# elemente}}",
  "sr-Latn": "{count, plural, one {# stavka} few {# stavke} other {# stavki}}",
  en: "{count, plural, one {# item} other {# items}}",
}

describe("check", () => {
  it("finds nothing wrong in a complete catalogue", () => {
    expect(Catalogue.check(Catalogue.make({ "test.days": days, "test.items": items }))).toEqual([])
  })

  it("reports a missing translation", () => {
    const broken = Catalogue.make({
      "test.days": days,
      "test.greeting": { sq: "Mirë se vini", "sr-Latn": "Dobro došli" } as unknown as Catalogue.Translations,
    })
    expect(Catalogue.check(broken)).toEqual([
      Catalogue.Problem.MissingTranslation({ key: "test.greeting", locale: "en" }),
    ])
    expect(Catalogue.check(broken).map(Catalogue.describeProblem)).toEqual(["test.greeting [en]: missing translation"])
  })

  it("reports missing Serbian Latin in both scripts, since Cyrillic cannot be derived", () => {
    const broken = Catalogue.make({ "test.x": { sq: "a", en: "a" } as unknown as Catalogue.Translations })
    expect(Catalogue.check(broken).map((p) => [p._tag, p.locale])).toEqual([
      ["MissingTranslation", "sr-Latn"],
      ["MissingTranslation", "sr-Cyrl"],
    ])
  })

  it("reports blank, unparseable, mismatched placeholders and missing plural forms", () => {
    const broken = Catalogue.make({
      "test.blank": { sq: " ", "sr-Latn": "x", en: "x" },
      "test.syntax": { sq: "{count, plural, one {x}", "sr-Latn": "x", en: "x" },
      "test.placeholders": { sq: "Rasti {reference}", "sr-Latn": "Slučaj {referenca}", en: "Case {reference}" },
      "test.plural": { ...days, "sr-Latn": "{count, plural, one {# dan} other {# dana}}" },
    })
    const tags = Catalogue.check(broken).map((p) => `${p._tag} ${p.key} ${p.locale}`)
    expect(tags).toEqual([
      "EmptyTranslation test.blank sq",
      "UnparseableMessage test.syntax sq",
      "PlaceholdersDiffer test.placeholders sr-Latn",
      "PlaceholdersDiffer test.placeholders sr-Cyrl",
      "PluralFormsMissing test.plural sr-Latn",
      "PluralFormsMissing test.plural sr-Cyrl",
    ])
    const plural = Catalogue.check(broken).find((p) => p._tag === "PluralFormsMissing")
    expect(plural).toMatchObject({ argument: "count", missing: ["few"] })
  })
})

describe("make and merge", () => {
  it("merges parts and keeps every key", () => {
    const merged = Catalogue.merge(Catalogue.make({ "a.one": days }), Catalogue.make({ "b.two": items }))
    expect(Catalogue.keys(merged)).toEqual(["a.one", "b.two"])
    expect(Catalogue.format(merged, "en", "b.two", { count: 2 })).toBe("2 items")
  })

  it("throws at definition on a duplicate key", () => {
    expect(() => Catalogue.merge(Catalogue.make({ "a.one": days }), Catalogue.make({ "a.one": items }))).toThrow(
      /duplicate message key "a.one"/,
    )
  })

  it("throws on a malformed key", () => {
    for (const key of ["nodot", "Upper.case", "a..b", "a.b.", ".a", "a b.c"]) {
      expect(() => Catalogue.make({ [key]: days }), key).toThrow(/malformed message key/)
    }
  })

  it("has narrows keys that arrive at run time", () => {
    const catalogue = Catalogue.make({ "a.one": days })
    expect(Catalogue.has(catalogue, "a.one")).toBe(true)
    expect(Catalogue.has(catalogue, "a.two")).toBe(false)
    expect(Catalogue.has(catalogue, "toString")).toBe(false)
  })
})

describe("format", () => {
  const catalogue = Catalogue.make({ "test.items": items, "test.days": days })

  it.each([
    [1, "1 stavka", "1 ставка"],
    [2, "2 stavke", "2 ставке"],
    [5, "5 stavki", "5 ставки"],
    [11, "11 stavki", "11 ставки"],
    [21, "21 stavka", "21 ставка"],
    [22, "22 stavke", "22 ставке"],
  ])("Serbian has three plural forms: %i", (count, latin, cyrillic) => {
    expect(Catalogue.format(catalogue, "sr-Latn", "test.items", { count })).toBe(latin)
    expect(Catalogue.format(catalogue, "sr-Cyrl", "test.items", { count })).toBe(cyrillic)
  })

  it("Albanian and English have two", () => {
    expect(Catalogue.format(catalogue, "sq", "test.items", { count: 1 })).toBe("1 element")
    expect(Catalogue.format(catalogue, "sq", "test.items", { count: 2 })).toBe("2 elemente")
    expect(Catalogue.format(catalogue, "en", "test.items", { count: 1 })).toBe("1 item")
    expect(Catalogue.format(catalogue, "en", "test.items", { count: 21 })).toBe("21 items")
  })

  it("uses an explicit sr-Cyrl instead of deriving it", () => {
    const explicit = Catalogue.make({
      "test.term": { sq: "konjunkturë", "sr-Latn": "konjunktura", "sr-Cyrl": "конјунктура", en: "economic cycle" },
    })
    expect(Catalogue.format(explicit, "sr-Cyrl", "test.term")).toBe("конјунктура")
    expect(Catalogue.messages(explicit, "test.term")["sr-Cyrl"]).toBe("конјунктура")
  })

  it("falls back in the documented order, with the plural rules of the language found", () => {
    const partial = Catalogue.make({
      "test.partial": {
        "sr-Latn": "{count, plural, one {# dan} few {# dana} other {# dana}}",
        en: "{count, plural, one {# day} other {# days}}",
      } as unknown as Catalogue.Translations,
    })
    expect(Catalogue.format(partial, "sq", "test.partial", { count: 2 })).toBe("2 days")
    const cyrillicOnly = Catalogue.make({
      "test.c": {
        "sr-Cyrl": "{count, plural, one {# дан} few {# дана} other {# дана}}",
      } as unknown as Catalogue.Translations,
    })
    expect(Catalogue.format(cyrillicOnly, "sr-Latn", "test.c", { count: 3 })).toBe("3 dana")
    expect(Catalogue.format(cyrillicOnly, "en", "test.c", { count: 1 })).toBe("1 dan")
  })

  it("formats a key without any message as the key", () => {
    const empty = Catalogue.make({ "test.none": {} as unknown as Catalogue.Translations })
    expect(Catalogue.format(empty, "en", "test.none")).toBe("test.none")
  })

  it("throws on a missing parameter (a programming error)", () => {
    expect(() => Catalogue.format(catalogue, "en", "test.items")).toThrow()
  })
})

describe("deriving Cyrillic from an ICU message", () => {
  it.each([
    [
      "Rok ističe za {count, plural, one {# dan} few {# dana} other {# dana}}.",
      "Рок истиче за {count, plural, one {# дан} few {# дана} other {# дана}}.",
    ],
    [
      "{sector, select, police {policija} social {socijalni rad} other {ostalo}}",
      "{sector, select, police {полиција} social {социјални рад} other {остало}}",
    ],
    ["Sednica {date, date, short} u {time, time, short}", "Седница {date, date, short} у {time, time, short}"],
    ["Iznos {amount, number, ::currency/EUR} za {name}", "Износ {amount, number, ::currency/EUR} за {name}"],
    [
      "{n, plural, offset:1 =0 {niko} one {ti} other {ti i još #}}",
      "{n, plural, offset:1 =0 {нико} one {ти} other {ти и још #}}",
    ],
    ["Koristite '{'zagrade'}' i ''apostrof''", "Користите '{'заграде'}' и ''апостроф''"],
    [
      "{count, plural, one {{name} ima # poruku} other {{name} ima # poruka}}",
      "{count, plural, one {{name} има # поруку} other {{name} има # порука}}",
    ],
  ])("%s", (latin, cyrillic) => {
    expect(Catalogue.toCyrillicMessage(latin)).toBe(cyrillic)
    expect(Catalogue.toLatinMessage(cyrillic)).toBe(latin)
  })

  it("keeps quoted braces literal when formatting", () => {
    const c = Catalogue.make({ "test.q": { sq: "'{'x'}'", "sr-Latn": "Koristite '{'zagrade'}'", en: "'{'x'}'" } })
    expect(Catalogue.format(c, "sr-Cyrl", "test.q")).toBe("Користите {заграде}")
  })

  const word = fc
    .array(fc.constantFrom(..."abcčćdđefghijklmnoprsštuvzž ,.", "lj", "nj", "dž"), { minLength: 1, maxLength: 12 })
    .map((p) => p.join(""))

  it.prop(
    "transliterates exactly the literal text of a plural message",
    [word, word, word, fc.integer({ min: 0, max: 1000 })],
    ([before, one, other, count]) => {
      const latin = `${before}{count, plural, one {# ${one}} few {# ${one}} other {# ${other}}}`
      const c = Catalogue.make({ "test.p": { sq: latin, "sr-Latn": latin, en: latin } })
      expect(Catalogue.check(c)).toEqual([])
      expect(Catalogue.format(c, "sr-Cyrl", "test.p", { count })).toBe(
        Transliteration.toCyrillic(Catalogue.format(c, "sr-Latn", "test.p", { count })),
      )
    },
  )
})
