import { IntlMessageFormat } from "intl-messageformat"

/** A parsed ICU message, as intl-messageformat produces it. */
export type Element = ReturnType<IntlMessageFormat["getAst"]>[number]

// The element kinds of @formatjs/icu-messageformat-parser (its TYPE enum), which
// intl-messageformat does not re-export.
const ARGUMENT = 1
const NUMBER = 2
const DATE = 3
const TIME = 4
const SELECT = 5
const PLURAL = 6
const TAG = 8

export const parse = (message: string, locale: string): Element[] =>
  new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst()

export const formatter = (message: string, locale: string): Formatter =>
  new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })

/** The argument names a message uses, anywhere in it, sorted. */
export const placeholders = (elements: ReadonlyArray<Element>): ReadonlyArray<string> => {
  const names = new Set<string>()
  const walk = (list: ReadonlyArray<Element>): void => {
    for (const element of list) {
      switch (element.type) {
        case ARGUMENT:
        case NUMBER:
        case DATE:
        case TIME:
          names.add(element.value)
          break
        case SELECT:
        case PLURAL:
          names.add(element.value)
          for (const option of Object.values(element.options)) walk(option.value)
          break
        case TAG:
          walk(element.children)
          break
      }
    }
  }
  walk(elements)
  return [...names].sort()
}

/** Every plural (and selectordinal) argument with the selectors it gives. */
export const plurals = (
  elements: ReadonlyArray<Element>,
): ReadonlyArray<{
  readonly argument: string
  readonly ordinal: boolean
  readonly selectors: ReadonlyArray<string>
}> => {
  const out: Array<{ argument: string; ordinal: boolean; selectors: ReadonlyArray<string> }> = []
  const walk = (list: ReadonlyArray<Element>): void => {
    for (const element of list) {
      if (element.type === PLURAL) {
        out.push({
          argument: element.value,
          ordinal: element.pluralType === "ordinal",
          selectors: Object.keys(element.options),
        })
      }
      if (element.type === SELECT || element.type === PLURAL) {
        for (const option of Object.values(element.options)) walk(option.value)
      }
      if (element.type === TAG) walk(element.children)
    }
  }
  walk(elements)
  return out
}

/**
 * Applies `f` to the literal text of an ICU message and nothing else: argument
 * names, types, styles and plural/select selectors are copied as written, while
 * the text inside plural and select branches is literal text too. Scans the
 * source instead of printing a parsed tree, so the message keeps its exact
 * spelling. Tolerates malformed input (copies the rest verbatim); parsing the
 * result is how the catalogue finds real errors.
 */
export const mapLiteralText = (message: string, f: (text: string) => string): string => {
  const n = message.length
  let i = 0
  let out = ""

  const body = (nested: boolean, inPlural: boolean): void => {
    let text = ""
    const flush = (): void => {
      if (text.length > 0) out += f(text)
      text = ""
    }
    while (i < n) {
      const c = message[i]!
      if (c === "{") {
        flush()
        argument()
      } else if (c === "}" && nested) {
        flush()
        return
      } else if (c === "'") {
        const next = message[i + 1]
        if (next === "'") {
          text += "''"
          i += 2
        } else if (next === "{" || next === "}" || (inPlural && next === "#")) {
          // Quoted text is literal, braces included; f leaves braces alone.
          const end = message.indexOf("'", i + 1)
          const stop = end === -1 ? n : end + 1
          text += message.slice(i, stop)
          i = stop
        } else {
          text += c
          i += 1
        }
      } else {
        text += c
        i += 1
      }
    }
    flush()
  }

  const upTo = (from: number): number => {
    let j = from
    while (j < n && message[j] !== "," && message[j] !== "}") j++
    return j
  }

  const argument = (): void => {
    const start = i
    const nameEnd = upTo(i + 1)
    if (nameEnd >= n || message[nameEnd] === "}") {
      const stop = Math.min(nameEnd + 1, n)
      out += message.slice(start, stop)
      i = stop
      return
    }
    const typeEnd = upTo(nameEnd + 1)
    const type = message.slice(nameEnd + 1, typeEnd).trim()
    if (
      typeEnd < n &&
      message[typeEnd] === "," &&
      (type === "plural" || type === "selectordinal" || type === "select")
    ) {
      out += message.slice(start, typeEnd + 1)
      i = typeEnd + 1
      while (i < n) {
        const selectorStart = i
        while (i < n && message[i] !== "{" && message[i] !== "}") i++
        out += message.slice(selectorStart, i)
        if (i >= n) return
        if (message[i] === "}") {
          out += "}"
          i += 1
          return
        }
        out += "{"
        i += 1
        body(true, type !== "select")
        if (i < n) {
          out += "}"
          i += 1
        }
      }
      return
    }
    // number, date and time styles hold no braces: copy up to the closing one.
    const close = message.indexOf("}", typeEnd)
    const stop = close === -1 ? n : close + 1
    out += message.slice(start, stop)
    i = stop
  }

  body(false, false)
  return out
}

/** What the catalogue keeps of a compiled message; structural, so no intl-messageformat type leaks into declarations. */
export interface Formatter {
  readonly format: (values?: Record<string, string | number | boolean | Date>) => unknown
}
