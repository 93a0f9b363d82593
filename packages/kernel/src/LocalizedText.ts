/**
 * Text entered as data — an institution's name, a municipality's name, a
 * jurisdiction's name — in one or more of the supported locales. Interface text
 * does not belong here: it goes through the message catalogue.
 */
import { Schema } from "effect"
import * as Locale from "./Locale"
import * as Transliteration from "./Transliteration"

const Text = Schema.String.pipe(Schema.filter((s) => s.trim().length > 0, { message: () => "localized-text.blank" }))

/**
 * A text in at least one of `sq`, `sr-Latn`, `sr-Cyrl`, `en`; no value may be blank.
 * Read it with {@link localize}, which applies the documented fallback order.
 */
export const LocalizedText = Schema.Struct({
  sq: Schema.optional(Text),
  "sr-Latn": Schema.optional(Text),
  "sr-Cyrl": Schema.optional(Text),
  en: Schema.optional(Text),
}).pipe(
  Schema.filter((text) => Locale.all.some((locale) => text[locale] !== undefined), {
    identifier: "LocalizedText",
    description: "a text in at least one of sq, sr-Latn, sr-Cyrl, en",
    message: () => "localized-text.empty",
  }),
)

export type LocalizedText = typeof LocalizedText.Type

/**
 * A text as resolved for a reader: the string and the locale it is actually in
 * (for a `lang` attribute), which differs from the requested one after a fallback.
 */
export interface Resolved {
  readonly value: string
  readonly locale: Locale.Locale
}

/**
 * The text for `locale` and the locale it came from, following
 * `Locale.fallbackOrder`:
 *
 * - `sr-Cyrl` → `sr-Latn` transliterated to Cyrillic → `sq` → `en`
 * - `sr-Latn` → `sr-Cyrl` transliterated to Latin → `sq` → `en`
 * - `sq` → `en` → `sr-Latn` → `sr-Cyrl` transliterated to Latin
 * - `en` → `sq` → `sr-Latn` → `sr-Cyrl` transliterated to Latin
 *
 * A transliterated result reports the requested Serbian locale, since it is in
 * that script. Total for every valid `LocalizedText`.
 */
export const resolve = (text: LocalizedText, locale: Locale.Locale): Resolved => {
  for (const step of Locale.fallbackOrder(locale)) {
    const value = text[step.locale]
    if (value === undefined) continue
    switch (step.transliterate) {
      case "to-cyrillic":
        return { value: Transliteration.toCyrillic(value), locale: "sr-Cyrl" }
      case "to-latin":
        return { value: Transliteration.toLatin(value), locale: "sr-Latn" }
      default:
        return { value, locale: step.locale }
    }
  }
  // Unreachable for decoded values; an unchecked empty object gets an empty string, not a crash.
  return { value: "", locale }
}

/**
 * The text for `locale`, with the fallback order of {@link resolve}.
 *
 * @example
 * ```ts
 * import { LocalizedText } from "@bashke/kernel"
 *
 * LocalizedText.localize({ sq: "Ferizaj", "sr-Latn": "Uroševac" }, "sr-Cyrl") // "Урошевац"
 * ```
 */
export const localize = (text: LocalizedText, locale: Locale.Locale): string => resolve(text, locale).value

/**
 * A text in a single locale. Throws when `value` is blank (a programming error).
 */
export const of = (locale: Locale.Locale, value: string): LocalizedText =>
  LocalizedText.make({ [locale]: value } as LocalizedText)

/**
 * The locales a text was given in (fallbacks not counted).
 */
export const locales = (text: LocalizedText): ReadonlyArray<Locale.Locale> =>
  Locale.all.filter((locale) => text[locale] !== undefined)
