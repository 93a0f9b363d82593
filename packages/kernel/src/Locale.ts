/**
 * The locales Bashkë speaks: Albanian (`sq`), Serbian in Latin (`sr-Latn`) and
 * Cyrillic (`sr-Cyrl`) script, and English (`en`), with the order in which a
 * missing translation falls back to another.
 */
import { Schema } from "effect"

/**
 * A supported locale, as a BCP 47 tag.
 */
export const Locale = Schema.Literal("sq", "sr-Latn", "sr-Cyrl", "en").annotations({
  identifier: "Locale",
  description: "sq, sr-Latn, sr-Cyrl or en",
})

export type Locale = typeof Locale.Type

/**
 * Every supported locale, in the order they are listed to users and checked in a
 * catalogue.
 */
export const all: ReadonlyArray<Locale> = Locale.literals

/**
 * An ISO 639 language code (`sq`, `sr`, `tr`, `bs`, `rom`): the languages a
 * municipality or a jurisdiction has in official use, which can be more than the
 * locales the interface is translated into.
 */
export const LanguageCode = Schema.String.pipe(
  Schema.pattern(/^[a-z]{2,3}$/, { identifier: "LanguageCode", message: () => "locale.language.malformed" }),
)

export type LanguageCode = typeof LanguageCode.Type

/**
 * The language of a locale without its script: what `Intl` needs for plural rules.
 */
export const language = (locale: Locale): "sq" | "sr" | "en" => (locale === "sq" ? "sq" : locale === "en" ? "en" : "sr")

/**
 * One step of a fallback: take the text of `locale`, transliterated to the
 * requested script when `transliterate` is set.
 */
export interface FallbackStep {
  readonly locale: Locale
  readonly transliterate?: "to-cyrillic" | "to-latin"
}

const fallbacks: { readonly [L in Locale]: ReadonlyArray<FallbackStep> } = {
  "sr-Cyrl": [
    { locale: "sr-Cyrl" },
    { locale: "sr-Latn", transliterate: "to-cyrillic" },
    { locale: "sq" },
    { locale: "en" },
  ],
  "sr-Latn": [
    { locale: "sr-Latn" },
    { locale: "sr-Cyrl", transliterate: "to-latin" },
    { locale: "sq" },
    { locale: "en" },
  ],
  sq: [{ locale: "sq" }, { locale: "en" }, { locale: "sr-Latn" }, { locale: "sr-Cyrl", transliterate: "to-latin" }],
  en: [{ locale: "en" }, { locale: "sq" }, { locale: "sr-Latn" }, { locale: "sr-Cyrl", transliterate: "to-latin" }],
}

/**
 * Where to look, in order, for text in `locale`. Every list covers all four
 * locales, so any text that exists in some language is found:
 *
 * | requested | then |
 * | --- | --- |
 * | `sr-Cyrl` | `sr-Latn` transliterated to Cyrillic → `sq` → `en` |
 * | `sr-Latn` | `sr-Cyrl` transliterated to Latin → `sq` → `en` |
 * | `sq` | `en` → `sr-Latn` → `sr-Cyrl` transliterated to Latin |
 * | `en` | `sq` → `sr-Latn` → `sr-Cyrl` transliterated to Latin |
 *
 * Serbian readers get Serbian in the other script before any other language,
 * since transliteration is exact; Albanian and English readers get each other
 * before Serbian, the language fewer of them read.
 */
export const fallbackOrder = (locale: Locale): ReadonlyArray<FallbackStep> => fallbacks[locale]

// CLDR's likely script for Serbian by region: Cyrillic in Serbia, Bosnia and
// Herzegovina and Kosovo, Latin in Montenegro and elsewhere.
const cyrillicRegions = new Set(["rs", "ba", "xk"])

const match = (tag: string): Locale | undefined => {
  const [lang, ...rest] = tag.toLowerCase().split("-")
  switch (lang) {
    case "sq":
      return "sq"
    case "en":
      return "en"
    case "sr": {
      if (rest.includes("cyrl")) return "sr-Cyrl"
      if (rest.includes("latn")) return "sr-Latn"
      const region = rest.find((part) => part.length === 2)
      return region !== undefined && cyrillicRegions.has(region) ? "sr-Cyrl" : "sr-Latn"
    }
    // Speakers of the other standards of the same language read Serbian Latin easily.
    case "bs":
    case "hr":
    case "sh":
    case "cnr":
      return rest.includes("cyrl") ? "sr-Cyrl" : "sr-Latn"
    default:
      return undefined
  }
}

/**
 * The best supported locale for an HTTP `Accept-Language` header. Pure.
 *
 * Entries are tried by descending `q` (ties keep header order; `q=0` means "not
 * this one"); the first that maps to a supported locale wins:
 *
 * - `sq`, `sq-AL`, `sq-XK`, … → `sq`; `en`, `en-GB`, … → `en`
 * - `sr-Cyrl…` → `sr-Cyrl`; `sr-Latn…` → `sr-Latn`
 * - `sr` alone → `sr-Latn`
 * - `sr-RS`, `sr-BA`, `sr-XK` → `sr-Cyrl`; other regions (`sr-ME`, …) → `sr-Latn`
 *   (CLDR's likely script for the region)
 * - `bs`, `hr`, `sh`, `cnr` → `sr-Latn` (`-Cyrl` variants → `sr-Cyrl`)
 *
 * With no header, no match, or only `*`, the result is `fallback` (default `sq`,
 * the first language of the default Kosovo profile; pass the profile's
 * `languages.defaultLocale` elsewhere).
 *
 * @example
 * ```ts
 * import { Locale } from "@bashke/kernel"
 *
 * Locale.fromAcceptLanguage("de-DE, sr-RS;q=0.8, en;q=0.5") // "sr-Cyrl"
 * ```
 */
export const fromAcceptLanguage = (header: string | null | undefined, fallback: Locale = "sq"): Locale => {
  if (header === null || header === undefined) return fallback
  const entries = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";")
      const q = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith("q="))
      const weight = q === undefined ? 1 : Number(q.slice(2))
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((entry) => entry.tag.length > 0 && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const entry of entries) {
    const locale = match(entry.tag)
    if (locale !== undefined) return locale
  }
  return fallback
}
