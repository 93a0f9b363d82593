/**
 * Police reports as CSV: the header, and each row mapped onto the JSON
 * record shape ({@link PoliceRecord}) so that one decoder checks both. A
 * row's values are not checked here — `process` decodes them, and a
 * malformed row becomes a dead letter naming the field.
 */
import { Either } from "effect"
import * as Csv from "./Csv"

/**
 * The columns, in the order the police export writes them. `forms` holds the
 * forms of violence separated by `;`. An empty cell is an absent value.
 */
export const columns = [
  "report_id",
  "reported_at",
  "occurred_on",
  "municipality",
  "forms",
  "children",
  "place",
  "report_number",
  "victim_personal_number",
  "victim_given_name",
  "victim_family_name",
  "victim_birth_date",
  "victim_sex",
  "perpetrator_personal_number",
  "perpetrator_given_name",
  "perpetrator_family_name",
  "perpetrator_birth_date",
  "perpetrator_sex",
  "perpetrator_relationship",
] as const

export type Column = (typeof columns)[number]

/** The columns a file must have; the others may be left out of the header. */
const required: ReadonlyArray<Column> = ["report_id", "reported_at", "occurred_on", "municipality", "forms"]

/**
 * Why a file was refused as a whole. Column names are ours, never data.
 */
export type FileError =
  | { readonly reason: "csv-malformed"; readonly line: number }
  | { readonly reason: "header-missing-columns"; readonly columns: ReadonlyArray<string> }
  | { readonly reason: "header-unknown-columns"; readonly columns: ReadonlyArray<string> }
  | { readonly reason: "header-repeated-columns"; readonly columns: ReadonlyArray<string> }
  | { readonly reason: "empty" }

/**
 * A row of the file: its line, its report id cell and the record built from
 * it (marked `csvColumns` when its number of cells differs from the header's).
 */
export interface ParsedRow {
  readonly line: number
  readonly reportId: string
  readonly record: Record<string, unknown>
}

const isColumn = (name: string): name is Column => (columns as ReadonlyArray<string>).includes(name)

const person = (cells: Partial<Record<Column, string>>, prefix: "victim" | "perpetrator") => {
  const out: Record<string, string> = {}
  const put = (key: string, column: Column) => {
    const value = cells[column]
    if (value !== undefined) out[key] = value
  }
  put("personalNumber", `${prefix}_personal_number`)
  put("givenName", `${prefix}_given_name`)
  put("familyName", `${prefix}_family_name`)
  put("birthDate", `${prefix}_birth_date`)
  put("sex", `${prefix}_sex`)
  if (prefix === "perpetrator") put("relationship", "perpetrator_relationship")
  return out
}

/**
 * The JSON record a row stands for.
 */
export const toRecord = (cells: Partial<Record<Column, string>>): Record<string, unknown> => {
  const record: Record<string, unknown> = {}
  const put = (key: string, column: Column) => {
    const value = cells[column]
    if (value !== undefined) record[key] = value
  }
  put("reportId", "report_id")
  put("reportedAt", "reported_at")
  put("occurredOn", "occurred_on")
  put("municipality", "municipality")
  if (cells.forms !== undefined) record.forms = cells.forms.split(";").map((form) => form.trim())
  put("children", "children")
  put("place", "place")
  put("reportNumber", "report_number")
  record.victim = person(cells, "victim")
  const perpetrator = person(cells, "perpetrator")
  if (Object.keys(perpetrator).length > 0) record.perpetrator = perpetrator
  return record
}

/**
 * Parses a police CSV file: the header (names as in {@link columns}, any
 * order, case and surrounding spaces ignored), then one record per row.
 * A row with a different number of cells than the header yields a record
 * marked `{ csvColumns: n }`, which does not decode (it must not be read
 * column by column into the wrong fields).
 */
export const parseFile = (text: string): Either.Either<ReadonlyArray<ParsedRow>, FileError> =>
  Either.gen(function* () {
    const rows = yield* Either.mapLeft(
      Csv.parse(text),
      (error): FileError => ({ reason: "csv-malformed", line: error.line }),
    )
    const [header, ...body] = rows
    if (header === undefined) return yield* Either.left<FileError>({ reason: "empty" })
    const names = header.fields.map((name) => name.trim().toLowerCase())
    const unknown = names.filter((name) => !isColumn(name))
    if (unknown.length > 0)
      // Unknown header names are reported by position: a header could be a data row.
      return yield* Either.left<FileError>({
        reason: "header-unknown-columns",
        columns: unknown.map((_, index) => `#${names.indexOf(unknown[index] as string) + 1}`),
      })
    const repeated = names.filter((name, index) => names.indexOf(name) !== index)
    if (repeated.length > 0)
      return yield* Either.left<FileError>({ reason: "header-repeated-columns", columns: [...new Set(repeated)] })
    const missing = required.filter((column) => !names.includes(column))
    if (missing.length > 0) return yield* Either.left<FileError>({ reason: "header-missing-columns", columns: missing })
    const reportIdAt = names.indexOf("report_id")
    return body.map((row): ParsedRow => {
      const reportId = (row.fields[reportIdAt] ?? "").trim()
      if (row.fields.length !== names.length)
        return { line: row.line, reportId, record: { reportId, csvColumns: row.fields.length } }
      const cells: Partial<Record<Column, string>> = {}
      names.forEach((name, index) => {
        const value = (row.fields[index] ?? "").trim()
        if (value !== "") cells[name as Column] = value
      })
      return { line: row.line, reportId, record: toRecord(cells) }
    })
  })
