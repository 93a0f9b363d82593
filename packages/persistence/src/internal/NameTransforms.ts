import { String as Str } from "effect"

/**
 * The name mapping every client built by this package applies, on every dialect:
 * camelCase in TypeScript, snake_case in SQL (as Effect-TS/examples do). Keeping it
 * identical on SQLite, PostgreSQL and D1 is what lets one repository adapter and one
 * shared test suite serve all three.
 *
 * JSON values are left alone (`transformJson: false` on PostgreSQL): payloads are
 * stored and returned byte for byte, whatever their keys look like.
 */
export const nameTransforms = {
  transformQueryNames: Str.camelToSnake,
  transformResultNames: Str.snakeToCamel,
} as const
