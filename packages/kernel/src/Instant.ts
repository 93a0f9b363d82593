/**
 * A point in time as commands accept it: a `Date`, or an ISO 8601 string (what
 * arrives over HTTP). Described in JSON Schema as a `date-time` string, the
 * only form that travels.
 */
import { Clock, Effect, Schema } from "effect"

export const Instant = Schema.Union(Schema.ValidDateFromSelf, Schema.Date).annotations({
  identifier: "Instant",
  jsonSchema: { type: "string", format: "date-time" },
})

export type Instant = typeof Instant.Type

/**
 * The current instant from Effect's `Clock`, never `Date.now()`, so a use case
 * stamps what tests set with `TestClock` (one definition for every package).
 */
export const now: Effect.Effect<Date> = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))
