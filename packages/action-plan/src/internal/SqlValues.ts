// How values cross the SQL boundary on every dialect: instants are written as
// ISO 8601 strings (TEXT on SQLite, cast to timestamptz on PostgreSQL) and read
// back from whatever the driver returns (a string, or a Date from node-postgres).
import type { ParseResult } from "effect"
import { Effect, Schema } from "effect"

/** An instant as written to a column. */
export const toSql = (date: Date): string => date.toISOString()

/** An optional instant as written to a nullable column. */
export const toSqlOrNull = (date: Date | undefined): string | null => (date === undefined ? null : date.toISOString())

/** A column's instant as an ISO string (what the domain schemas decode), or undefined for NULL. */
export const fromSql = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined
  if (value instanceof Date) return value.toISOString()
  const parsed = new Date(String(value))
  return Number.isNaN(parsed.getTime()) ? String(value) : parsed.toISOString()
}

/** A column's integer: PostgreSQL `bigint` may arrive as a string. */
export const intFromSql = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value)

/** Drops the keys whose value is undefined (exactOptionalPropertyTypes). */
export const defined = <A extends Record<string, unknown>>(record: A): A => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value
  return out as A
}

/** Decodes a stored record with the domain schema; a record that does not decode is corruption, a defect. */
export const decodeStored =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (input: unknown): Effect.Effect<A> =>
    Schema.decodeUnknown(schema)(input).pipe(
      Effect.catchAll((error: ParseResult.ParseError) =>
        Effect.dieMessage(`stored record does not decode: ${error.message}`),
      ),
    )
