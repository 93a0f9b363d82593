/**
 * `@bashke/persistence/testing`: real, isolated databases for every package's
 * tests — a fresh SQLite file and a fresh PostgreSQL schema per layer.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as RawStorage from "./RawStorage"
/**
 * @since 0.1.0
 */
export * as TestDatabase from "./TestDatabase"
/**
 * @since 0.1.0
 */
export { testDatabases } from "./TestDatabase"
