import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Either, Option, Schema } from "effect"
import { Municipality } from "../src/index"

const tsv = readFileSync(new URL("../data/municipalities.tsv", import.meta.url), "utf8")
const [header, ...rows] = tsv
  .split(/\r?\n/)
  .filter((line) => line.length > 0)
  .map((line) => line.split("\t"))

describe("the embedded data matches data/municipalities.tsv", () => {
  it("has the expected columns", () => {
    expect(header).toEqual(["code", "sq", "sr_latn", "note"])
  })

  it("has the same rows, in the same order, field for field", () => {
    const embedded = Municipality.all.map((m) => [m.code, m.name.sq, m.name["sr-Latn"], m.note ?? ""])
    const fromFile = rows.map(([code = "", sq = "", srLatn = "", note = ""]) => [code, sq, srLatn, note])
    expect(embedded).toEqual(fromFile)
    expect(embedded).toHaveLength(38)
  })

  it("adds Turkish exactly where the note says it is in official use", () => {
    for (const m of Municipality.all) {
      const expected = /Turkish/.test(m.note ?? "") ? ["sq", "sr", "tr"] : ["sq", "sr"]
      expect(m.officialLanguages, m.code).toEqual(expected)
    }
    expect(Municipality.byCode(Schema.decodeSync(Municipality.MunicipalityCode)("PRZ")).officialLanguages).toContain(
      "tr",
    )
  })
})

describe("municipalities", () => {
  it("decode with their schema; English uses the Albanian form", () => {
    for (const m of Municipality.all) {
      expect(Schema.decodeUnknownSync(Municipality.Municipality)(m)).toEqual(m)
      expect(m.name.en).toBe(m.name.sq)
    }
  })

  it("MunicipalityCode accepts exactly the 38 codes", () => {
    const decode = Schema.decodeUnknownEither(Municipality.MunicipalityCode)
    expect(new Set(Municipality.codes).size).toBe(38)
    for (const code of Municipality.codes) expect(Either.isRight(decode(code))).toBe(true)
    for (const bad of ["XXX", "pri", "PR", "", 1]) expect(Either.isLeft(decode(bad))).toBe(true)
    const failure = decode("XXX")
    expect(Either.isLeft(failure) && failure.left.message).toContain("municipality.unknown")
  })

  it("looks up by code", () => {
    expect(Option.map(Municipality.find("GJI"), (m) => m.name.sq)).toEqual(Option.some("Gjilan"))
    expect(Municipality.find("XXX")).toEqual(Option.none())
    for (const m of Municipality.all) expect(Municipality.byCode(m.code)).toBe(m)
  })
})
