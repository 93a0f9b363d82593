/**
 * How a PostgreSQL client reads and writes rows the way every client of this
 * package does: node-postgres type parsers that make PostgreSQL rows look
 * like SQLite rows (counts as numbers, instants as ISO strings, dates as
 * `YYYY-MM-DD` text), and the camelCase ⇄ snake_case name transforms. The
 * Node client (`@bashke/persistence/node`) is built with them; a client this
 * package does not build — the gateway's over a Workers Hyperdrive binding —
 * takes them from here, so both read the same rows the same way.
 *
 * ```ts
 * PgClient.layerFromPool({ acquire, ...PgRows.nameTransforms, transformJson: false, types: PgRows.types })
 * ```
 */
import { nameTransforms as transforms } from "./internal/NameTransforms"
import { pgTypes } from "./internal/PgTypes"

/**
 * The node-postgres type parsers (`types` of a `pg.Pool` or of `PgClient`).
 */
export const types = pgTypes

/**
 * `transformQueryNames` and `transformResultNames`: camelCase in TypeScript,
 * snake_case in SQL. JSON values are left alone (`transformJson: false`).
 */
export const nameTransforms = transforms
