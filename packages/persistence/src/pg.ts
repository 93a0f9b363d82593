/**
 * `@bashke/persistence/pg`: the row rules of this package's PostgreSQL
 * clients, for a client built elsewhere. Free of Node-only modules and of
 * SQLite (Workers import it; node-postgres runs there under `nodejs_compat`).
 */

export * as PgRows from "./PgRows"
