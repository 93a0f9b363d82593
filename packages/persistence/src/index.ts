/**
 * `@bashke/persistence`: migrations, optimistic concurrency, the transactional
 * outbox, idempotency keys and shared throttles over any `SqlClient`. Driver-free, so it runs on
 * Node and on Cloudflare Workers; the clients live in `/node` and `/d1`.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as DatabaseUrl from "./DatabaseUrl"

/**
 * @since 0.1.0
 */
export * as Idempotency from "./Idempotency"

/**
 * @since 0.1.0
 */
export * as Migrations from "./Migrations"

/**
 * @since 0.1.0
 */
export * as OptimisticConcurrency from "./OptimisticConcurrency"

/**
 * @since 0.1.0
 */
export * as Outbox from "./Outbox"
/**
 * @since 0.1.0
 */
export { persistenceMigrations } from "./PersistenceMigrations"
/**
 * @since 0.1.0
 */
export * as SqlValues from "./SqlValues"

/**
 * @since 0.1.0
 */
export * as Throttle from "./Throttle"

/**
 * @since 0.1.0
 */
export * as Transaction from "./Transaction"
