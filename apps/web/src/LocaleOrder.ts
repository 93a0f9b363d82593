/**
 * The order of words in the page's language, for sorted lists and choices
 * (institutions by name). The browser's collator, except for Albanian:
 * Chromium's `Intl` has no Albanian data and sorts by the root order, putting
 * "Dheu" before "Dita" and "Ëndrra" before "Era". Albanian's own letters (ç,
 * dh, ë, gj, ll, nj, rr, sh, th, xh, zh) each follow their base letter's every
 * word; here each becomes its base letter and a letter the root order puts
 * after every Latin one (ω, or Ω for a capital), and the root order does the
 * rest — the same order in every browser, and ICU's own Albanian order
 * (test/LocaleOrder.test.ts compares them over random words).
 */
import type { Locale } from "@bashke/kernel"

// ICU's Albanian contractions: a digraph in lower case, title case or capitals ("dh", "Dh", "DH"; not "dH").
const digraphs = ["dh", "gj", "ll", "nj", "rr", "sh", "th", "xh", "zh"]
const letters = new RegExp(
  [...digraphs.flatMap((pair) => [pair, `${pair[0]?.toUpperCase()}${pair[1]}`, pair.toUpperCase()]), "[çÇëË]"].join(
    "|",
  ),
  "g",
)
const bases: Readonly<Record<string, string>> = { ç: "c", Ç: "C", ë: "e", Ë: "E" }

/** `text` with each Albanian letter as its base letter and ω (Ω after a capital's last letter). */
const albanianKey = (text: string): string =>
  text.replace(letters, (letter) => {
    const last = letter[letter.length - 1] as string
    const after = last === last.toUpperCase() ? "Ω" : "ω"
    return `${bases[letter] ?? letter[0]}${after}`
  })

const made = new Map<Locale.Locale, (a: string, b: string) => number>()

/** Compares two texts in `locale`'s order (negative: `a` first); made once per language. */
export const compare = (locale: Locale.Locale): ((a: string, b: string) => number) => {
  let order = made.get(locale)
  if (order === undefined) {
    if (locale === "sq") {
      // The root order, which every browser has (English's is the root's).
      const root = new Intl.Collator("en")
      order = (a, b) => root.compare(albanianKey(a), albanianKey(b))
    } else order = new Intl.Collator(locale).compare
    made.set(locale, order)
  }
  return order
}
