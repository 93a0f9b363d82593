import type { SqlClient } from "@effect/sql"
import type { Effect } from "effect"

/** Set on the D1 client, which has no interactive transactions. */
export const NoTransactionsTypeId: unique symbol = Symbol.for("@bashke/persistence/D1Client")

/** Whether `withTransaction` on this client opens a real transaction. */
export const supportsTransactions = (sql: SqlClient.SqlClient): boolean => !(NoTransactionsTypeId in sql)

/**
 * Runs `effect` in a transaction where the store has them. Only for bookkeeping
 * whose atomicity is a nicety (migration rows, retry counters); anything whose
 * correctness depends on atomicity calls `withTransaction` and so refuses D1.
 */
export const bestEffortTransaction = <A, E, R>(sql: SqlClient.SqlClient, effect: Effect.Effect<A, E, R>) =>
  supportsTransactions(sql) ? sql.withTransaction(effect) : effect
