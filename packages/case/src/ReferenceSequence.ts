/**
 * The gapless sequence behind case references: one counter per mechanism and
 * year in `case_reference_counters`, advanced by an upsert inside the
 * transaction that creates the case.
 *
 * Why this gives no gaps and no duplicates under concurrent creation: the
 * upsert (`INSERT … ON CONFLICT DO UPDATE SET last_sequence = last_sequence + 1
 * RETURNING`) takes the counter row's write lock and holds it until the
 * creating transaction ends. A second creation for the same mechanism and year
 * waits on that lock (PostgreSQL) or on the single writer (SQLite); if the
 * first rolls back, its increment is undone with it and the waiter gets the
 * same number. A database sequence would be faster but leaks numbers on every
 * rollback, which a court-facing register of cases must not do.
 *
 * The price: creations of one mechanism and year are serialized for the length
 * of their transaction. Keep the creating transaction short.
 */

import type { Id } from "@bashke/kernel"
import { Span } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"

/**
 * The table holding one counter per mechanism and year.
 */
export const table = "case_reference_counters"

const Integer = Schema.Union(Schema.Int, Schema.NumberFromString.pipe(Schema.int()))
const decodeInteger = Schema.decodeUnknownSync(Integer)

/**
 * The next sequence number of `mechanismId` in `year`: 1 for the year's first
 * case, then 2, 3, … Must run inside the transaction that inserts the case (it
 * dies otherwise, as a programming error): outside one, a failure after it
 * would leave a gap.
 */
export const next = (mechanismId: Id.MechanismId, year: number): Effect.Effect<number, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const inTransaction = yield* Effect.serviceOption(SqlClient.TransactionConnection)
    if (Option.isNone(inTransaction))
      return yield* Effect.dieMessage("ReferenceSequence.next must run inside the case's creating transaction")
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql<{ last_sequence: unknown }>`INSERT INTO case_reference_counters
        (mechanism_id, year, last_sequence) VALUES (${mechanismId}, ${year}, 1)
      ON CONFLICT (mechanism_id, year)
        DO UPDATE SET last_sequence = case_reference_counters.last_sequence + 1
      RETURNING last_sequence`
    const row = rows[0]
    if (row === undefined) return yield* Effect.dieMessage("case_reference_counters: the upsert returned no row")
    return decodeInteger(row.last_sequence)
  }).pipe(Effect.orDie, Span.untraced("ReferenceSequence.next", { year }))

/**
 * The last sequence number handed out for `mechanismId` in `year` (0 before the
 * first case). Read-only; for reports and checks.
 */
export const last = (mechanismId: Id.MechanismId, year: number): Effect.Effect<number, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql<{ last_sequence: unknown }>`SELECT last_sequence FROM case_reference_counters
      WHERE mechanism_id = ${mechanismId} AND year = ${year}`
    const row = rows[0]
    return row === undefined ? 0 : decodeInteger(row.last_sequence)
  }).pipe(Effect.orDie, Span.untraced("ReferenceSequence.last", { year }))
