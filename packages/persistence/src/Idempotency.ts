/**
 * Idempotency keys: a client may repeat a request (a retry after a timeout) and
 * get the first answer back instead of a second effect. The key is claimed, the
 * work done and its result stored in ONE transaction, so a key is never stored
 * without its work, nor the work without its key; a concurrent duplicate waits
 * for that transaction and then replays its result.
 *
 * ```ts
 * const referral = yield* Idempotency.run(
 *   { scope: `referral.send:${principal.id}`, key: idempotencyKey, fingerprint: sha256(body) },
 *   sendReferral(command),
 *   Referral,
 * )
 * ```
 */

import { Errors, Span } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Duration, Effect, Schema } from "effect"
import { supportsTransactions } from "./internal/Transactions"
import { currentDate, toSql } from "./SqlValues"

/**
 * Identifies one logical request. `scope` keeps keys of different callers or
 * operations apart (e.g. `"<operation>:<principal>"`); `fingerprint` summarises
 * the request (e.g. a hash of method, path and body) so a key reused for a
 * different request is caught; `ttl` is how long the key is remembered (24 hours
 * by default).
 */
export interface IdempotencyKey {
  readonly scope: string
  readonly key: string
  readonly fingerprint: string
  readonly ttl?: Duration.DurationInput
}

/**
 * How long a key is remembered unless told otherwise.
 */
export const defaultTtl: Duration.Duration = Duration.hours(24)

/**
 * The table holding keys and results.
 */
export const table = "bashke_idempotency"

/**
 * A result, and whether it was replayed from an earlier request (the gateway
 * reports that in a response header).
 */
export interface Outcome<A> {
  readonly value: A
  readonly replayed: boolean
}

// A result schema's JSON codec, made once per schema rather than per request
// (a route passes the same schema every time).
const codecs = new WeakMap<Schema.Schema.Any, Schema.Schema.Any>()
const codecOf = <A, I, R>(resultSchema: Schema.Schema<A, I, R>): Schema.Schema<A, string, R> => {
  const known = codecs.get(resultSchema)
  if (known !== undefined) return known as Schema.Schema<A, string, R>
  const codec = Schema.parseJson(resultSchema)
  codecs.set(resultSchema, codec)
  return codec
}

/**
 * Like `run`, also telling whether the result was replayed.
 */
export const runWithOutcome = <A, I, RS, E, R>(
  request: IdempotencyKey,
  work: Effect.Effect<A, E, R>,
  resultSchema: Schema.Schema<A, I, RS>,
): Effect.Effect<Outcome<A>, E | Errors.Conflict, R | RS | SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    if (!supportsTransactions(sql)) {
      return yield* Effect.dieMessage("Idempotency needs transactions, which this store (D1) does not have")
    }
    const codec = codecOf(resultSchema)
    const now = yield* currentDate
    const createdAt = toSql(now)
    const expiresAt = toSql(new Date(now.getTime() + Duration.toMillis(request.ttl ?? defaultTtl)))
    return yield* sql
      .withTransaction(
        Effect.gen(function* () {
          // The claim is the transaction's first statement and a write: a concurrent
          // duplicate blocks on it (PostgreSQL: the unique index; SQLite: the single
          // connection) until this transaction ends. An expired key is taken over.
          const claimed = yield* sql`INSERT INTO bashke_idempotency
          (scope, idempotency_key, fingerprint, result, created_at, expires_at)
          VALUES (${request.scope}, ${request.key}, ${request.fingerprint}, NULL, ${createdAt}, ${expiresAt})
          ON CONFLICT (scope, idempotency_key) DO UPDATE SET
            fingerprint = excluded.fingerprint, result = NULL,
            created_at = excluded.created_at, expires_at = excluded.expires_at
          WHERE bashke_idempotency.expires_at <= excluded.created_at
          RETURNING scope`.pipe(Effect.orDie)
          if (claimed.length > 0) {
            const value = yield* work
            const encoded = yield* Schema.encode(codec)(value).pipe(Effect.orDie)
            yield* sql`UPDATE bashke_idempotency SET result = ${encoded}
            WHERE scope = ${request.scope} AND idempotency_key = ${request.key}`.pipe(Effect.orDie)
            return { value, replayed: false }
          }
          const rows = yield* sql<{ fingerprint: string; result: string | null }>`SELECT fingerprint, result
          FROM bashke_idempotency WHERE scope = ${request.scope} AND idempotency_key = ${request.key}`.pipe(
            Effect.orDie,
          )
          const row = rows[0]
          if (row === undefined || row.result === null) {
            // Only reachable by re-entering the same key from inside its own work.
            return yield* Effect.dieMessage(`Idempotency: key in scope ${request.scope} is in use by this transaction`)
          }
          if (row.fingerprint !== request.fingerprint) {
            return yield* new Errors.Conflict({
              entity: "IdempotencyKey",
              id: `${request.scope}/${request.key}`,
              rule: "idempotency-key.reused",
            })
          }
          const value = yield* Schema.decode(codec)(row.result).pipe(Effect.orDie)
          return { value, replayed: true }
        }),
      )
      .pipe(Effect.catchTag("SqlError", Effect.die))
  }).pipe(Span.untraced("Idempotency.run", { scope: request.scope }))

/**
 * Runs `work` once per (`scope`, `key`): the first call runs it and stores its
 * result (encoded with `resultSchema`) in the same transaction as the work's own
 * writes; later calls with the same fingerprint return the stored result without
 * running `work`; with another fingerprint they fail with `Conflict`
 * (`idempotency-key.reused`). A failure of `work` rolls everything back and is
 * not remembered, so a retry runs it again.
 */
export const run = <A, I, RS, E, R>(
  request: IdempotencyKey,
  work: Effect.Effect<A, E, R>,
  resultSchema: Schema.Schema<A, I, RS>,
): Effect.Effect<A, E | Errors.Conflict, R | RS | SqlClient.SqlClient> =>
  Effect.map(runWithOutcome(request, work, resultSchema), (outcome) => outcome.value)

/**
 * Forgets keys whose time is up and returns how many; run it from a scheduled task.
 */
export const purgeExpired: Effect.Effect<number, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const now = toSql(yield* currentDate)
  const rows = yield* sql`DELETE FROM bashke_idempotency WHERE expires_at <= ${now} RETURNING scope`
  return rows.length
}).pipe(Effect.orDie, Span.untraced("Idempotency.purgeExpired"))
