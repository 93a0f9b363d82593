import { Clock, Effect, Schema } from "effect"

/**
 * The current time from Effect's `Clock`, so tests can move it with `TestClock`
 * and every dialect stores the same instant (never the database's `now()`).
 */
export const currentDate: Effect.Effect<Date> = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))

/**
 * Timestamps are written as ISO 8601 strings: SQLite and D1 keep them as TEXT (which
 * sorts chronologically in that format), PostgreSQL casts them into `timestamptz`.
 */
export const toSqlTimestamp = (date: Date): string => date.toISOString()

/** A timestamp read back: a `Date` from node-postgres' default parser, a string otherwise. */
export const SqlTimestamp = Schema.Union(Schema.ValidDateFromSelf, Schema.Date)

/** An integer read back: PostgreSQL `bigint` arrives as a string by default. */
export const SqlInteger = Schema.Union(Schema.Int, Schema.NumberFromString.pipe(Schema.int()))
