/**
 * `@bashke/persistence/d1`: the `SqlClient` for a Cloudflare D1 binding (Workers).
 */

export * as D1Client from "./D1Client"
