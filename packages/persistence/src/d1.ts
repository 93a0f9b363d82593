/**
 * `@bashke/persistence/d1`: the `SqlClient` for a Cloudflare D1 binding (Workers).
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as D1Client from "./D1Client"
