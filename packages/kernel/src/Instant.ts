/**
 * A point in time as commands accept it: a `Date`, or an ISO 8601 string (what
 * arrives over HTTP). Described in JSON Schema as a `date-time` string, the
 * only form that travels.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * @since 0.1.0
 */
export const Instant = Schema.Union(Schema.ValidDateFromSelf, Schema.Date).annotations({
  identifier: "Instant",
  jsonSchema: { type: "string", format: "date-time" },
})

/**
 * @since 0.1.0
 */
export type Instant = typeof Instant.Type
