/**
 * One command, one transaction: the rows, the audit entry and the outbox event
 * commit together or not at all. A database failure inside is infrastructure,
 * so it becomes a defect; the domain errors of the work stay typed and roll the
 * transaction back.
 */
import { SqlClient, SqlError } from "@effect/sql"
import { Effect } from "effect"

const isSqlError = (error: unknown): error is SqlError.SqlError => error instanceof SqlError.SqlError

/**
 * `effect` in a transaction of `sql` (joining the caller's when there is one);
 * `SqlError` becomes a defect.
 */
export const within =
  (sql: SqlClient.SqlClient) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, Exclude<E, SqlError.SqlError>, R> =>
    sql.withTransaction(effect).pipe(Effect.catchIf(isSqlError, Effect.die))

/**
 * {@link within} for the `SqlClient` of the context.
 */
export const run = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A, Exclude<E, SqlError.SqlError>, R | SqlClient.SqlClient> =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => within(sql)(effect))
