/**
 * An RFC 4180 CSV parser: fields separated by commas, records by CRLF or LF,
 * a field in double quotes may hold commas, line breaks and doubled quotes
 * (`""`). Small enough to own rather than depend on.
 */
import { Either } from "effect"

/**
 * A row of fields, with the 1-based line it starts on (for error reports).
 */
export interface Row {
  readonly line: number
  readonly fields: ReadonlyArray<string>
}

/**
 * Why a text is not CSV: a quote left open, or a character after a closing
 * quote. `line` is where it happened; no content is quoted.
 */
export interface CsvError {
  readonly reason: "unterminated-quote" | "text-after-quote"
  readonly line: number
}

/**
 * Parses `text` into rows. A final line break does not make an empty row;
 * blank lines are skipped. A byte-order mark is ignored.
 */
export const parse = (text: string): Either.Either<ReadonlyArray<Row>, CsvError> => {
  const rows: Array<Row> = []
  let fields: Array<string> = []
  let field = ""
  let line = 1
  let rowLine = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let quoted = false
  let afterQuote = false
  let touched = false

  const endField = () => {
    fields.push(field)
    field = ""
    afterQuote = false
  }
  const endRow = () => {
    endField()
    if (touched || fields.length > 1 || (fields[0] ?? "") !== "") rows.push({ line: rowLine, fields })
    fields = []
    touched = false
  }

  for (; i < text.length; i++) {
    const char = text[i] as string
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else {
          quoted = false
          afterQuote = true
        }
      } else {
        if (char === "\n") line++
        field += char
      }
      continue
    }
    if (char === ",") {
      touched = true
      endField()
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++
      endRow()
      line++
      rowLine = line
    } else if (char === '"' && field === "" && !afterQuote) {
      quoted = true
      touched = true
    } else if (afterQuote) {
      return Either.left({ reason: "text-after-quote", line })
    } else {
      field += char
    }
  }
  if (quoted) return Either.left({ reason: "unterminated-quote", line: rowLine })
  endRow()
  return Either.right(rows)
}

const needsQuotes = /[",\r\n]/

/**
 * Writes rows as CSV (CRLF line breaks, quoting only where needed): the
 * inverse of {@link parse}, for upstream fakes and tests.
 */
export const format = (rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  rows
    .map((row) => row.map((field) => (needsQuotes.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(","))
    .join("\r\n")
