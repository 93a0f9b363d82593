/**
 * The message catalogue: the one way user-visible text reaches a user. Messages
 * are ICU MessageFormat strings (plurals, selects, numbers) under dotted keys
 * (`case.reference.invalid`); each package declares its part with {@link make},
 * an application merges the parts with {@link merge}, and {@link check} in a test
 * proves every message exists, parses and agrees on placeholders in every locale.
 *
 * Serbian Cyrillic may be left out of a part: it is then derived from Serbian
 * Latin by transliterating the literal text only (never argument names, types or
 * selectors). Give `sr-Cyrl` explicitly where transliteration would be wrong
 * (foreign names, digraphs across a morpheme boundary).
 */
import { Data } from "effect"
import * as Icu from "./internal/icu"
import * as Locale from "./Locale"
import * as Transliteration from "./Transliteration"

/**
 * One message in every locale; `sr-Cyrl` is optional and derived from `sr-Latn`
 * when left out.
 */
export interface Translations {
  readonly sq: string
  readonly "sr-Latn": string
  readonly "sr-Cyrl"?: string
  readonly en: string
}

/**
 * Marks a catalogue and holds its contents.
 */
export const TypeId: unique symbol = Symbol.for("@bashke/kernel/Catalogue")

export type TypeId = typeof TypeId

/**
 * A set of messages whose keys are `K`. Immutable; formatters are cached inside.
 */
export interface Catalogue<K extends string = string> {
  readonly [TypeId]: {
    /** The messages as declared, keyed by message key. */
    readonly declared: { readonly [P in K]: Translations }
    /** The message for every locale, `sr-Cyrl` derived where not declared. */
    readonly resolved: { readonly [P in K]: Readonly<Partial<Record<Locale.Locale, string>>> }
    readonly cache: Map<string, Icu.Formatter>
  }
}

/**
 * The keys of a catalogue.
 */
export type Key<C> = C extends Catalogue<infer K> ? K : never

/**
 * The values a message's placeholders take.
 */
export type Params = Readonly<Record<string, string | number | boolean | Date>>

const keyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/

/**
 * Serbian Latin to Cyrillic for an ICU message: only the literal text changes.
 */
export const toCyrillicMessage = (message: string): string => Icu.mapLiteralText(message, Transliteration.toCyrillic)

/**
 * Serbian Cyrillic to Latin for an ICU message: only the literal text changes.
 */
export const toLatinMessage = (message: string): string => Icu.mapLiteralText(message, Transliteration.toLatin)

const resolveTranslations = (translations: Translations): Readonly<Partial<Record<Locale.Locale, string>>> => {
  const out: Partial<Record<Locale.Locale, string>> = {}
  for (const locale of Locale.all) {
    const value = (translations as Partial<Record<Locale.Locale, unknown>>)[locale]
    if (typeof value === "string") out[locale] = value
  }
  const latin = out["sr-Latn"]
  if (out["sr-Cyrl"] === undefined && latin !== undefined) out["sr-Cyrl"] = toCyrillicMessage(latin)
  return out
}

const build = <K extends string>(declared: { readonly [P in K]: Translations }): Catalogue<K> => {
  const resolved = {} as { [P in K]: Readonly<Partial<Record<Locale.Locale, string>>> }
  for (const key of Object.keys(declared) as Array<K>) resolved[key] = resolveTranslations(declared[key])
  return { [TypeId]: { declared, resolved, cache: new Map() } }
}

/**
 * Declares a package's messages. Keys are lower-case dotted words
 * (`sector.social-work`, `error.not-found.title`); a malformed key throws, as a
 * programming error.
 *
 * @example
 * ```ts
 * import { Catalogue } from "@bashke/kernel"
 *
 * export const caseMessages = Catalogue.make({
 *   "case.persons.count": {
 *     sq: "{count, plural, one {# person} other {# persona}}",
 *     "sr-Latn": "{count, plural, one {# osoba} few {# osobe} other {# osoba}}",
 *     en: "{count, plural, one {# person} other {# people}}",
 *   },
 * })
 * ```
 */
export const make = <const M extends Readonly<Record<string, Translations>>>(
  messages: M,
): Catalogue<Extract<keyof M, string>> => {
  for (const key of Object.keys(messages)) {
    if (!keyPattern.test(key)) throw new Error(`Catalogue.make: malformed message key "${key}"`)
  }
  return build(messages as { readonly [P in Extract<keyof M, string>]: Translations })
}

/**
 * One catalogue from several parts. A key declared by two parts throws at once:
 * two packages claiming one key is a programming error, found at start-up.
 */
export const merge = <const Parts extends ReadonlyArray<Catalogue<string>>>(
  ...parts: Parts
): Catalogue<Key<Parts[number]>> => {
  const declared: Record<string, Translations> = {}
  for (const part of parts) {
    for (const [key, translations] of Object.entries(part[TypeId].declared)) {
      if (key in declared) throw new Error(`Catalogue.merge: duplicate message key "${key}"`)
      declared[key] = translations as Translations
    }
  }
  return build(declared as { readonly [P in Key<Parts[number]>]: Translations })
}

/**
 * Every key of a catalogue.
 */
export const keys = <K extends string>(catalogue: Catalogue<K>): ReadonlyArray<K> =>
  Object.keys(catalogue[TypeId].declared) as Array<K>

/**
 * Whether `key` is in the catalogue: narrows a key that arrives at run time (an
 * error's `rule`, for instance) before {@link format}.
 */
export const has = <K extends string>(catalogue: Catalogue<K>, key: string): key is K =>
  Object.hasOwn(catalogue[TypeId].declared, key)

/**
 * A message's source text in every locale, `sr-Cyrl` derived where not declared.
 */
export const messages = <K extends string>(
  catalogue: Catalogue<K>,
  key: K,
): Readonly<Partial<Record<Locale.Locale, string>>> => catalogue[TypeId].resolved[key]

/**
 * The formatted message for `locale`. Plural rules come from the locale's
 * language (Albanian two forms, Serbian three, English two). A message missing
 * in `locale` — which {@link check} reports — falls back in `Locale.fallbackOrder`
 * and is formatted with the rules of the language it was found in; a key with no
 * message at all formats as the key itself. Throws when `params` lack a value
 * the message uses (a programming error).
 *
 * @example
 * ```ts
 * import { Catalogue, kernelMessages } from "@bashke/kernel"
 *
 * Catalogue.format(kernelMessages, "sr-Latn", "pagination.items.count", { count: 21 }) // "21 stavka"
 * ```
 */
export const format = <K extends string>(
  catalogue: Catalogue<K>,
  locale: Locale.Locale,
  key: K,
  params?: Params,
): string => {
  const internal = catalogue[TypeId]
  const cacheKey = `${locale}\u0000${key}`
  let formatter = internal.cache.get(cacheKey)
  if (formatter === undefined) {
    const found = find(internal.resolved[key] ?? {}, locale)
    if (found === undefined) return key
    formatter = Icu.formatter(found.message, found.locale)
    internal.cache.set(cacheKey, formatter)
  }
  const result = formatter.format(params as Record<string, string | number | boolean | Date> | undefined)
  return typeof result === "string" ? result : String(result)
}

const find = (
  messages: Readonly<Partial<Record<Locale.Locale, string>>>,
  locale: Locale.Locale,
): { readonly message: string; readonly locale: Locale.Locale } | undefined => {
  for (const step of Locale.fallbackOrder(locale)) {
    const message = messages[step.locale]
    if (message === undefined || message.trim().length === 0) continue
    switch (step.transliterate) {
      case "to-cyrillic":
        return { message: toCyrillicMessage(message), locale: "sr-Cyrl" }
      case "to-latin":
        return { message: toLatinMessage(message), locale: "sr-Latn" }
      default:
        return { message, locale: step.locale }
    }
  }
  return undefined
}

/**
 * Something wrong with a catalogue, found by {@link check}.
 *
 * - `MissingTranslation`: no message for a locale (`sr-Cyrl` counts as present
 *   when it can be derived from `sr-Latn`)
 * - `EmptyTranslation`: a blank message
 * - `UnparseableMessage`: not valid ICU MessageFormat
 * - `PlaceholdersDiffer`: the locale's placeholders are not those of the first
 *   parseable locale (in `Locale.all` order)
 * - `PluralFormsMissing`: a plural leaves out a category the language needs
 *   (Serbian `one`/`few`/`other`), so some numbers would read wrong
 */
export type Problem = Data.TaggedEnum<{
  MissingTranslation: { readonly key: string; readonly locale: Locale.Locale }
  EmptyTranslation: { readonly key: string; readonly locale: Locale.Locale }
  UnparseableMessage: { readonly key: string; readonly locale: Locale.Locale; readonly reason: string }
  PlaceholdersDiffer: {
    readonly key: string
    readonly locale: Locale.Locale
    readonly expected: ReadonlyArray<string>
    readonly actual: ReadonlyArray<string>
  }
  PluralFormsMissing: {
    readonly key: string
    readonly locale: Locale.Locale
    readonly argument: string
    readonly missing: ReadonlyArray<string>
  }
}>

/**
 * Constructors and matchers for {@link Problem}.
 */
export const Problem = Data.taggedEnum<Problem>()

/**
 * A one-line English description of a problem, for test output and logs.
 */
export const describeProblem = (problem: Problem): string =>
  Problem.$match(problem, {
    MissingTranslation: (p) => `${p.key} [${p.locale}]: missing translation`,
    EmptyTranslation: (p) => `${p.key} [${p.locale}]: empty translation`,
    UnparseableMessage: (p) => `${p.key} [${p.locale}]: does not parse (${p.reason})`,
    PlaceholdersDiffer: (p) =>
      `${p.key} [${p.locale}]: placeholders {${p.actual.join(", ")}} differ from {${p.expected.join(", ")}}`,
    PluralFormsMissing: (p) => `${p.key} [${p.locale}]: plural "${p.argument}" lacks ${p.missing.join(", ")}`,
  })

const pluralCategories = new Map<string, ReadonlyArray<string>>()
const categoriesOf = (locale: Locale.Locale, ordinal: boolean): ReadonlyArray<string> => {
  const id = `${locale}/${ordinal}`
  let categories = pluralCategories.get(id)
  if (categories === undefined) {
    categories = new Intl.PluralRules(locale, { type: ordinal ? "ordinal" : "cardinal" }).resolvedOptions()
      .pluralCategories
    pluralCategories.set(id, categories)
  }
  return categories
}

/**
 * Every problem in a catalogue; an empty list means every message exists,
 * parses, and agrees on placeholders and plural forms in all four locales. Run
 * it in each package's tests:
 *
 * ```ts
 * expect(Catalogue.check(caseMessages).map(Catalogue.describeProblem)).toEqual([])
 * ```
 */
export const check = <K extends string>(catalogue: Catalogue<K>): ReadonlyArray<Problem> => {
  const problems: Array<Problem> = []
  for (const key of keys(catalogue)) {
    const messages = catalogue[TypeId].resolved[key]
    let reference: ReadonlyArray<string> | undefined
    for (const locale of Locale.all) {
      const message = messages[locale]
      if (message === undefined) {
        problems.push(Problem.MissingTranslation({ key, locale }))
        continue
      }
      if (message.trim().length === 0) {
        problems.push(Problem.EmptyTranslation({ key, locale }))
        continue
      }
      let elements: ReadonlyArray<Icu.Element>
      try {
        elements = Icu.parse(message, locale)
      } catch (error) {
        problems.push(Problem.UnparseableMessage({ key, locale, reason: String(error) }))
        continue
      }
      const actual = Icu.placeholders(elements)
      if (reference === undefined) {
        reference = actual
      } else if (actual.join("\u0000") !== reference.join("\u0000")) {
        problems.push(Problem.PlaceholdersDiffer({ key, locale, expected: reference, actual }))
      }
      for (const plural of Icu.plurals(elements)) {
        const missing = categoriesOf(locale, plural.ordinal).filter((c) => !plural.selectors.includes(c))
        if (missing.length > 0)
          problems.push(Problem.PluralFormsMissing({ key, locale, argument: plural.argument, missing }))
      }
    }
  }
  return problems
}
