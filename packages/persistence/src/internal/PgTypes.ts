import type { PgClientConfig } from "@effect/sql-pg/PgClient"
import pg from "pg"

const timestampToIso = (value: string): string => {
  // PostgreSQL sends `2026-03-01 09:30:00.123456+01`; `Date` reads it once the
  // space becomes a T and a bare hour offset gets its minutes.
  const normalized = value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(normalized) ? normalized : `${normalized}Z`)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

const defaultParser = pg.types.getTypeParser

const parsers: Record<number, (value: string) => unknown> = {
  // int8: counts and sums come back as numbers, as on SQLite.
  20: (value) => {
    const number = Number(value)
    return Number.isSafeInteger(number) ? number : value
  },
  // timestamptz and timestamp: ISO strings, as stored on SQLite.
  1184: timestampToIso,
  1114: timestampToIso,
  // date: the plain `YYYY-MM-DD` text instead of a local-midnight `Date`.
  1082: (value) => value,
}

/**
 * node-postgres type parsers that make PostgreSQL rows look like SQLite rows.
 */
export const pgTypes: NonNullable<PgClientConfig["types"]> = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    const parser = parsers[oid]
    if (parser !== undefined && format !== "binary") return parser
    return defaultParser(oid, format)
  }) as NonNullable<PgClientConfig["types"]>["getTypeParser"],
}
