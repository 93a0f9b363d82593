import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { Municipality, Transliteration } from "../src/index"

// Written by hand, not produced by the code under test.
const cyrillicNames: Record<string, readonly [latin: string, cyrillic: string]> = {
  DEC: ["Dečani", "Дечани"],
  DRA: ["Dragaš", "Драгаш"],
  FER: ["Uroševac", "Урошевац"],
  FKO: ["Kosovo Polje", "Косово Поље"],
  GJA: ["Đakovica", "Ђаковица"],
  GJI: ["Gnjilane", "Гњилане"],
  DRE: ["Glogovac", "Глоговац"],
  GRA: ["Gračanica", "Грачаница"],
  HAN: ["Elez Han", "Елез Хан"],
  IST: ["Istok", "Исток"],
  JUN: ["Junik", "Јуник"],
  KAC: ["Kačanik", "Качаник"],
  KAM: ["Kosovska Kamenica", "Косовска Каменица"],
  KLI: ["Klina", "Клина"],
  KLL: ["Klokot", "Клокот"],
  LEP: ["Leposavić", "Лепосавић"],
  LIP: ["Lipljan", "Липљан"],
  MAL: ["Mališevo", "Малишево"],
  MAM: ["Mamuša", "Мамуша"],
  MIT: ["Mitrovica", "Митровица"],
  MIV: ["Severna Mitrovica", "Северна Митровица"],
  NOV: ["Novo Brdo", "Ново Брдо"],
  OBI: ["Obilić", "Обилић"],
  RAH: ["Orahovac", "Ораховац"],
  PAR: ["Parteš", "Партеш"],
  PEJ: ["Peć", "Пећ"],
  POD: ["Podujevo", "Подујево"],
  PRI: ["Priština", "Приштина"],
  PRZ: ["Prizren", "Призрен"],
  RAN: ["Ranilug", "Ранилуг"],
  SKE: ["Srbica", "Србица"],
  SHT: ["Štimlje", "Штимље"],
  SHP: ["Štrpce", "Штрпце"],
  SUH: ["Suva Reka", "Сува Река"],
  VIT: ["Vitina", "Витина"],
  VUS: ["Vučitrn", "Вучитрн"],
  ZUB: ["Zubin Potok", "Зубин Поток"],
  ZVE: ["Zvečan", "Звечан"],
}

describe("the 38 municipality names", () => {
  it("the hand-written table covers every municipality", () => {
    expect(Object.keys(cyrillicNames).sort()).toEqual([...Municipality.codes].sort())
  })

  it.each(Municipality.all.map((m) => [m.code, m] as const))("%s: Latin → Cyrillic → Latin", (code, municipality) => {
    const [latin, cyrillic] = cyrillicNames[code]!
    expect(municipality.name["sr-Latn"]).toBe(latin)
    expect(Transliteration.toCyrillic(latin)).toBe(cyrillic)
    expect(municipality.name["sr-Cyrl"]).toBe(cyrillic)
    expect(Transliteration.toLatin(cyrillic)).toBe(latin)
  })

  it("other names from the brief", () => {
    expect(Transliteration.toCyrillic("Kosovska Mitrovica")).toBe("Косовска Митровица")
    expect(Transliteration.toCyrillic("Đeneral Janković")).toBe("Ђенерал Јанковић")
  })
})

describe("digraphs and case", () => {
  it.each([
    ["Ljubljana", "Љубљана"],
    ["LJUBLJANA", "ЉУБЉАНА"],
    ["Njegoš", "Његош"],
    ["NJEGOŠ", "ЊЕГОШ"],
    ["džep", "џеп"],
    ["Džep", "Џеп"],
    ["DŽEP", "ЏЕП"],
    ["lJ", "лЈ"],
    ["čćđšž ČĆĐŠŽ", "чћђшж ЧЋЂШЖ"],
    ["c\u030Cas", "час"],
    ["ǉubav ǈubav Ǉ", "љубав Љубав Љ"],
  ])("%s → %s", (latin, cyrillic) => {
    expect(Transliteration.toCyrillic(latin)).toBe(cyrillic)
  })

  it.each([
    ["ЉУБАВ", "LJUBAV"],
    ["Љубав", "Ljubav"],
    ["ЏЕП", "DŽEP"],
    ["Џеп", "Džep"],
    ["Њ", "Nj"],
    ["ЊЕ", "NJE"],
    ["ГЊ", "GNJ"],
    ["гЊ", "gNj"],
  ])("%s → %s", (cyrillic, latin) => {
    expect(Transliteration.toLatin(cyrillic)).toBe(latin)
  })

  it("reads a digraph across a morpheme boundary as one letter (documented limit)", () => {
    expect(Transliteration.toCyrillic("konjunkcija")).toBe("коњункција")
    expect(Transliteration.toCyrillic(Transliteration.toLatin("конјункција"))).not.toBe("конјункција")
  })
})

const cyrillicAlphabet = [..."абвгдђежзијклљмнњопрстћуфхцчџш"]
const cyrillicLetter = fc.constantFrom(...cyrillicAlphabet, ...cyrillicAlphabet.map((c) => c.toUpperCase()))
const neutral = fc.constantFrom(..." .,;:!?-–()«»\"'0123456789\n\t", "qwxy", "ë", "ç", "QWXY", "€", "ы")
const ambiguous = /[лЛнН][јЈ]|[дД][жЖ]/

describe("properties", () => {
  it.prop(
    "Cyrillic → Latin → Cyrillic is the identity (without the ambiguous нј, лј, дж)",
    [fc.array(fc.oneof(cyrillicLetter, neutral), { maxLength: 40 }).map((parts) => parts.join(""))],
    ([cyrillic]) => {
      fc.pre(!ambiguous.test(cyrillic))
      expect(Transliteration.toCyrillic(Transliteration.toLatin(cyrillic))).toBe(cyrillic)
    },
  )

  it.prop(
    "text without Serbian letters is left untouched, both ways",
    [fc.array(neutral, { maxLength: 40 }).map((parts) => parts.join(""))],
    ([text]) => {
      expect(Transliteration.toCyrillic(text)).toBe(text)
      expect(Transliteration.toLatin(text)).toBe(text)
    },
  )

  const latinWord = fc
    .array(fc.constantFrom(..."abcčćdđefghijklmnoprsštuvzž", "lj", "nj", "dž", "Lj", "A", "Š"), {
      minLength: 1,
      maxLength: 10,
    })
    .map((parts) => parts.join(""))

  it.prop("non-letters between words stay in place", [latinWord, neutral, latinWord], ([a, separator, b]) => {
    expect(Transliteration.toCyrillic(a + separator + b)).toBe(
      Transliteration.toCyrillic(a) + separator + Transliteration.toCyrillic(b),
    )
  })

  it.prop(
    "Latin output of Cyrillic contains no Cyrillic Serbian letter",
    [fc.array(cyrillicLetter).map((p) => p.join(""))],
    ([text]) => {
      expect(Transliteration.toLatin(text)).not.toMatch(/[\u0400-\u04FF]/)
    },
  )
})
