import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, Schema } from "effect"
import { Id, Institution, Municipality, Sector } from "../src/index"

describe("Sector", () => {
  it("has the twelve sectors as kebab-case codes", () => {
    expect(Sector.all).toEqual([
      "police",
      "prosecution",
      "victim-advocacy",
      "court",
      "shelter",
      "social-work",
      "health",
      "education",
      "employment",
      "legal-aid",
      "municipality",
      "civil-society",
    ])
    expect(Either.isLeft(Schema.decodeUnknownEither(Sector.Sector)("Police"))).toBe(true)
  })
})

describe("Institution", () => {
  const csw: Institution.Institution = {
    id: Id.InstitutionId.make("01JDDDDDDDDDDDDDDDDDDDDDDD"),
    name: { sq: "Qendra për Punë Sociale Gjilan", "sr-Latn": "Centar za socijalni rad Gnjilane" },
    sector: "social-work",
    municipality: Municipality.MunicipalityCode.make("GJI"),
  }

  it("decodes, and knows national institutions by their missing municipality", () => {
    expect(Schema.decodeUnknownSync(Institution.Institution)(csw)).toEqual(csw)
    expect(Institution.isNational(csw)).toBe(false)
    const { municipality: _, ...agency } = csw
    expect(Institution.isNational(Schema.decodeUnknownSync(Institution.Institution)(agency))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(Institution.Institution)({ ...csw, municipality: "XXX" }))).toBe(
      true,
    )
  })

  it("names itself in the reader's locale", () => {
    expect(Institution.name(csw, "sr-Cyrl")).toBe("Центар за социјални рад Гњилане")
    expect(Institution.name(csw, "en")).toBe("Qendra për Punë Sociale Gjilan")
  })

  it.prop("round-trips any generated institution", [Arbitrary.make(Institution.Institution)], ([institution]) => {
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Institution.Institution)(institution)))
    expect(Schema.decodeUnknownSync(Institution.Institution)(json)).toEqual(institution)
  })
})
