/**
 * `@bashke/persistence/node`: the `SqlClient` for Node (SQLite or PostgreSQL),
 * chosen by `BASHKE_DATABASE_URL`.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Database from "./Database"
