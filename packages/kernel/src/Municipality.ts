/**
 * The 38 municipalities of Kosovo, with their names in Albanian and Serbian
 * (both scripts) and the languages in official use in each.
 *
 * The data mirrors `data/municipalities.tsv` (a test fails when they drift). The
 * three-letter codes are this project's own, not an official standard. English
 * uses the Albanian form of a name.
 */
import { Option, Schema } from "effect"
import { LanguageCode } from "./Locale"
import * as LocalizedText from "./LocalizedText"
import * as Transliteration from "./Transliteration"

/**
 * A municipality's three-letter code; only the 38 known codes decode.
 */
export const MunicipalityCode = Schema.Literal(
  "DEC",
  "DRA",
  "FER",
  "FKO",
  "GJA",
  "GJI",
  "DRE",
  "GRA",
  "HAN",
  "IST",
  "JUN",
  "KAC",
  "KAM",
  "KLI",
  "KLL",
  "LEP",
  "LIP",
  "MAL",
  "MAM",
  "MIT",
  "MIV",
  "NOV",
  "OBI",
  "RAH",
  "PAR",
  "PEJ",
  "POD",
  "PRI",
  "PRZ",
  "RAN",
  "SKE",
  "SHT",
  "SHP",
  "SUH",
  "VIT",
  "VUS",
  "ZUB",
  "ZVE",
).pipe(
  Schema.brand("MunicipalityCode", {
    identifier: "MunicipalityCode",
    // override: a union of literals would otherwise report one line per code.
    message: () => ({ message: "municipality.unknown", override: true }),
  }),
)

export type MunicipalityCode = typeof MunicipalityCode.Type

/**
 * A municipality. `officialLanguages` lists ISO 639 codes (`sq`, `sr`, and e.g.
 * `tr` where Turkish is in official use); `note` is a project note from the
 * source table, not text for users.
 */
export const Municipality = Schema.Struct({
  code: MunicipalityCode,
  name: LocalizedText.LocalizedText,
  officialLanguages: Schema.NonEmptyArray(LanguageCode),
  note: Schema.optional(Schema.String),
}).annotations({ identifier: "Municipality" })

export type Municipality = typeof Municipality.Type

const both = ["sq", "sr"] as const

// code, Albanian name, Serbian Latin name, official languages, note
const table: ReadonlyArray<
  readonly [typeof MunicipalityCode.Encoded, string, string, readonly [string, ...Array<string>], string]
> = [
  ["DEC", "Deçan", "Dečani", both, ""],
  ["DRA", "Dragash", "Dragaš", both, "mechanism active (UN Women programme, 2018)"],
  ["FER", "Ferizaj", "Uroševac", both, ""],
  ["FKO", "Fushë Kosovë", "Kosovo Polje", both, ""],
  ["GJA", "Gjakovë", "Đakovica", both, "mechanism active (UN Women programme, 2018)"],
  ["GJI", "Gjilan", "Gnjilane", both, "mechanism active (UN Women programme, 2018)"],
  ["DRE", "Drenas", "Glogovac", both, "older Albanian name Gllogoc"],
  ["GRA", "Graçanicë", "Gračanica", both, ""],
  ["HAN", "Hani i Elezit", "Elez Han", both, "older Serbian name Đeneral Janković"],
  ["IST", "Istog", "Istok", both, ""],
  ["JUN", "Junik", "Junik", both, ""],
  ["KAC", "Kaçanik", "Kačanik", both, ""],
  ["KAM", "Kamenicë", "Kosovska Kamenica", both, "local DV action plan 2024-2026 (three pillars)"],
  ["KLI", "Klinë", "Klina", both, ""],
  ["KLL", "Kllokot", "Klokot", both, ""],
  ["LEP", "Leposaviq", "Leposavić", both, "mechanism active (UN Women programme, 2018)"],
  ["LIP", "Lipjan", "Lipljan", both, ""],
  ["MAL", "Malishevë", "Mališevo", both, ""],
  ["MAM", "Mamushë", "Mamuša", ["sq", "sr", "tr"], "Turkish in official use"],
  ["MIT", "Mitrovicë", "Mitrovica", both, "south"],
  ["MIV", "Mitrovicë Veriore", "Severna Mitrovica", both, "mechanism active (UN Women programme, 2018)"],
  ["NOV", "Novobërdë", "Novo Brdo", both, ""],
  ["OBI", "Obiliq", "Obilić", both, ""],
  ["RAH", "Rahovec", "Orahovac", both, ""],
  ["PAR", "Partesh", "Parteš", both, ""],
  ["PEJ", "Pejë", "Peć", both, ""],
  ["POD", "Podujevë", "Podujevo", both, ""],
  ["PRI", "Prishtinë", "Priština", both, ""],
  ["PRZ", "Prizren", "Prizren", ["sq", "sr", "tr"], "Turkish official here"],
  ["RAN", "Ranillug", "Ranilug", both, ""],
  ["SKE", "Skënderaj", "Srbica", both, ""],
  ["SHT", "Shtime", "Štimlje", both, ""],
  ["SHP", "Shtërpcë", "Štrpce", both, ""],
  ["SUH", "Suharekë", "Suva Reka", both, ""],
  ["VIT", "Viti", "Vitina", both, ""],
  ["VUS", "Vushtrri", "Vučitrn", both, ""],
  ["ZUB", "Zubin Potok", "Zubin Potok", both, "mechanism active (UN Women programme, 2018)"],
  ["ZVE", "Zveçan", "Zvečan", both, "mechanism active (UN Women programme, 2018)"],
]

/**
 * All 38 municipalities, in the order of the source table.
 */
export const all: ReadonlyArray<Municipality> = table.map(([code, sq, srLatn, languages, note]) => ({
  code: MunicipalityCode.make(code),
  name: { sq, "sr-Latn": srLatn, "sr-Cyrl": Transliteration.toCyrillic(srLatn), en: sq },
  officialLanguages: languages,
  ...(note === "" ? {} : { note }),
}))

const byCodeIndex = new Map<string, Municipality>(all.map((m) => [m.code, m]))

/**
 * Every municipality code.
 */
export const codes: ReadonlyArray<MunicipalityCode> = all.map((m) => m.code)

/**
 * The municipality of a (decoded, hence known) code.
 */
export const byCode = (code: MunicipalityCode): Municipality => byCodeIndex.get(code)!

/**
 * The municipality of a code that has not been decoded yet.
 */
export const find = (code: string): Option.Option<Municipality> => Option.fromNullable(byCodeIndex.get(code))
