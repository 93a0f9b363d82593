/**
 * `@bashke/persistence/node`: the `SqlClient` for Node (SQLite or PostgreSQL),
 * chosen by `BASHKE_DATABASE_URL`.
 */

export * as Database from "./Database"
