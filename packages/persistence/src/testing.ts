/**
 * `@bashke/persistence/testing`: real, isolated databases for every package's
 * tests — a fresh SQLite file and a fresh PostgreSQL schema per layer.
 */

export * as RawStorage from "./RawStorage"
export * as TestDatabase from "./TestDatabase"

export { testDatabases } from "./TestDatabase"
