/**
 * `@bashke/persistence`: migrations, optimistic concurrency, the transactional
 * outbox, idempotency keys and shared throttles over any `SqlClient`. Driver-free, so it runs on
 * Node and on Cloudflare Workers; the clients live in `/node` and `/d1`.
 */

export * as DatabaseUrl from "./DatabaseUrl"

export * as Idempotency from "./Idempotency"

export * as LeanStatement from "./LeanStatement"

export * as Migrations from "./Migrations"

export * as OptimisticConcurrency from "./OptimisticConcurrency"

export * as Outbox from "./Outbox"
export { persistenceMigrations } from "./PersistenceMigrations"
export * as SqlValues from "./SqlValues"

export * as Throttle from "./Throttle"

export * as Transaction from "./Transaction"

export * as UseCase from "./UseCase"
