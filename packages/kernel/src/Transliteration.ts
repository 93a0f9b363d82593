/**
 * Serbian transliteration between the Latin alphabet (gajica) and Cyrillic
 * (vukovica). The two alphabets map letter for letter except for three Latin
 * digraphs: `lj` ↔ `љ`, `nj` ↔ `њ`, `dž` ↔ `џ`.
 *
 * Characters outside the Serbian alphabet (digits, punctuation, `q w x y`,
 * Albanian `ë ç`, other Cyrillic letters) pass through unchanged.
 *
 * Known limit: Latin text is ambiguous where a digraph spans a morpheme boundary
 * (`konjunkcija` is конјункција, `nadživeti` is надживети). Those words come out
 * with `њ`/`џ`; catalogue messages that need them give their `sr-Cyrl` form
 * explicitly. For the same reason Cyrillic `нј`, `лј`, `дж` do not survive a
 * round trip through Latin.
 */

const latinLetters: ReadonlyArray<readonly [string, string]> = [
  ["a", "а"],
  ["b", "б"],
  ["c", "ц"],
  ["č", "ч"],
  ["ć", "ћ"],
  ["d", "д"],
  ["đ", "ђ"],
  ["e", "е"],
  ["f", "ф"],
  ["g", "г"],
  ["h", "х"],
  ["i", "и"],
  ["j", "ј"],
  ["k", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["r", "р"],
  ["s", "с"],
  ["š", "ш"],
  ["t", "т"],
  ["u", "у"],
  ["v", "в"],
  ["z", "з"],
  ["ž", "ж"],
]

const digraphs: ReadonlyArray<readonly [string, string]> = [
  ["lj", "љ"],
  ["nj", "њ"],
  ["dž", "џ"],
]

const digraphMap = new Map<string, string>(digraphs)
const toCyrillicMap = new Map<string, string>()
const toLatinMap = new Map<string, string>()
for (const [latin, cyrillic] of latinLetters) {
  toCyrillicMap.set(latin, cyrillic)
  toCyrillicMap.set(latin.toUpperCase(), cyrillic.toUpperCase())
}
for (const [latin, cyrillic] of [...latinLetters, ...digraphs]) {
  toLatinMap.set(cyrillic, latin)
  toLatinMap.set(cyrillic.toUpperCase(), latin.toUpperCase())
}
// Unicode also has one-code-point digraphs (from old Yugoslav encodings); they map the same.
for (const [single, cyrillic] of [
  ["ǉ", "љ"],
  ["ǈ", "Љ"],
  ["Ǉ", "Љ"],
  ["ǌ", "њ"],
  ["ǋ", "Њ"],
  ["Ǌ", "Њ"],
  ["ǆ", "џ"],
  ["ǅ", "Џ"],
  ["Ǆ", "Џ"],
] as const) {
  toCyrillicMap.set(single, cyrillic)
}

const isUpper = (char: string | undefined): boolean =>
  char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase()
const isLower = (char: string | undefined): boolean =>
  char !== undefined && char !== char.toUpperCase() && char === char.toLowerCase()

/**
 * Serbian Latin to Cyrillic: `Leposavić` → `Лепосавић`, `LJUBAV` → `ЉУБАВ`.
 * A digraph is read as one letter when its first letter is upper case (`Lj`, `LJ`)
 * or both are lower case (`lj`); `lJ` stays two letters. The input is first
 * normalized to NFC, so decomposed `č` (c + combining caron) converts too.
 */
export const toCyrillic = (latin: string): string => {
  const text = latin.normalize("NFC")
  let out = ""
  let i = 0
  while (i < text.length) {
    const first = text[i]!
    const second = text[i + 1]
    const digraph = second === undefined ? undefined : digraphMap.get((first + second).toLowerCase())
    if (digraph !== undefined && (isUpper(first) || (isLower(first) && isLower(second)))) {
      out += isUpper(first) ? digraph.toUpperCase() : digraph
      i += 2
    } else {
      out += toCyrillicMap.get(first) ?? first
      i += 1
    }
  }
  return out
}

/**
 * Serbian Cyrillic to Latin: `Урошевац` → `Uroševac`. `Љ Њ Џ` become `LJ NJ DŽ`
 * inside an upper-case word (`ЉУБАВ` → `LJUBAV`) and `Lj Nj Dž` otherwise.
 */
export const toLatin = (cyrillic: string): string => {
  let out = ""
  for (let i = 0; i < cyrillic.length; i++) {
    const char = cyrillic[i]!
    const latin = toLatinMap.get(char)
    if (latin === undefined) {
      out += char
    } else if (latin.length === 2 && isUpper(char)) {
      const next = cyrillic[i + 1]
      const previous = cyrillic[i - 1]
      const wordIsUpper = isUpper(next) || (!isLower(next) && isUpper(previous))
      out += wordIsUpper ? latin : latin[0] + latin.slice(1).toLowerCase()
    } else {
      out += latin
    }
  }
  return out
}
