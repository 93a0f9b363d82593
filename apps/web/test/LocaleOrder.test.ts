// Albanian words in ICU's own Albanian order (Node's full ICU), which
// Chromium's Intl lacks, over random words of Albanian letters and examples.
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as LocaleOrder from "../src/LocaleOrder"

const icu = new Intl.Collator("sq")
const sq = LocaleOrder.compare("sq")
const characters = [..."aAbBcCçÇdDeEëËfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVxXyYzZwé -'1"]
// The digraphs in every mix of cases, often: "dH" is two letters to ICU, "Dh" one.
const pairs = ["dh", "gj", "ll", "nj", "rr", "sh", "th", "xh", "zh"].flatMap((pair) => [
  pair,
  `${pair[0]?.toUpperCase()}${pair[1]}`,
  `${pair[0]}${pair[1]?.toUpperCase()}`,
  pair.toUpperCase(),
])
const words = fc
  .array(fc.oneof(fc.constantFrom(...characters), fc.constantFrom(...pairs)), { maxLength: 6 })
  .map((parts) => parts.join(""))

describe("LocaleOrder", () => {
  it("has Albanian's order in this Node (full ICU), so the comparison below means something", () => {
    expect(Intl.Collator.supportedLocalesOf(["sq"])).toEqual(["sq"])
    expect(icu.compare("Dheu", "Dita")).toBeGreaterThan(0)
  })

  it("property: any two Albanian words in ICU's Albanian order", () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        expect(Math.sign(sq(a, b))).toBe(Math.sign(icu.compare(a, b)))
      }),
      { numRuns: 20_000 },
    )
  })

  it("examples: each Albanian letter after its base letter's every word", () => {
    const sorted = [
      "Fusha",
      "Era",
      "Ëndrra",
      "Dheu",
      "Dita",
      "Dardania",
      "Çka",
      "Cana",
      "Gjilan",
      "Gur",
      "Llapi",
      "Lumi",
    ]
      .slice()
      .sort(sq)
    expect(sorted).toEqual([
      "Cana",
      "Çka",
      "Dardania",
      "Dita",
      "Dheu",
      "Era",
      "Ëndrra",
      "Fusha",
      "Gur",
      "Gjilan",
      "Lumi",
      "Llapi",
    ])
  })

  it("the other languages in their own collator's order", () => {
    expect(["Šid", "Sava", "Zemun"].sort(LocaleOrder.compare("sr-Latn"))).toEqual(["Sava", "Šid", "Zemun"])
    expect(["Zemun", "Ada"].sort(LocaleOrder.compare("en"))).toEqual(["Ada", "Zemun"])
  })
})
