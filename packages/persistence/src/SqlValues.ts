/**
 * How values cross the SQL boundary on every dialect. Instants are written as
 * ISO 8601 strings (TEXT on SQLite and D1, which sorts chronologically in that
 * form; cast into `timestamptz` on PostgreSQL) and read back from whatever the
 * driver returns (a string, or a `Date` from node-postgres); integers may come
 * back from PostgreSQL `bigint` as strings. Times come from Effect's `Clock`,
 * never the database's `now()`, so every dialect stores the same instant and
 * tests move it with `TestClock`.
 */
import { Instant } from "@bashke/kernel"
import { Effect, type ParseResult, Schema } from "effect"

/**
 * The current time from Effect's `Clock`.
 */
export const currentDate: Effect.Effect<Date> = Instant.now

/**
 * An instant as written to a column.
 */
export const toSql = (date: Date): string => date.toISOString()

/**
 * An optional instant as written to a nullable column.
 */
export const toSqlOrNull = (date: Date | undefined): string | null => (date === undefined ? null : date.toISOString())

/**
 * A column's instant as an ISO string (what domain schemas decode), or
 * undefined for NULL.
 */
export const fromSql = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (value instanceof Date) return value.toISOString()
  const parsed = new Date(String(value))
  return Number.isNaN(parsed.getTime()) ? String(value) : parsed.toISOString()
}

/**
 * A column's integer, or undefined for NULL.
 */
export const intFromSql = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value)

/**
 * A timestamp column as a schema: a `Date` from node-postgres, a string otherwise.
 */
export const SqlTimestamp = Schema.Union(Schema.ValidDateFromSelf, Schema.Date)

/**
 * An integer column as a schema: a number, or a string from PostgreSQL `bigint`.
 */
export const SqlInteger = Schema.Union(Schema.Int, Schema.NumberFromString.pipe(Schema.int()))

/**
 * Drops the keys whose value is undefined (for `exactOptionalPropertyTypes`).
 */
export const defined = <A extends Record<string, unknown>>(record: A): A => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value
  return out as A
}

/**
 * Decodes a stored record with its domain schema; a record that does not decode
 * is corruption, so a defect rather than a domain error.
 */
export const decodeStored = <A, I>(schema: Schema.Schema<A, I>): ((input: unknown) => Effect.Effect<A>) => {
  // Once per schema, not per record.
  const decode = Schema.decodeUnknown(schema)
  return (input) =>
    decode(input).pipe(
      Effect.catchAll((error: ParseResult.ParseError) =>
        Effect.dieMessage(`stored record does not decode: ${error.message}`),
      ),
    )
}
