/**
 * The transactional outbox: an event is written with the same `SqlClient`, in the
 * same transaction, as the change it announces, so it exists exactly when the
 * change commits. A dispatcher then claims due events in order, hands them to
 * subscribers, and marks them delivered or failed (retried with backoff, given up
 * after `maxAttempts`): at-least-once delivery, so subscribers deduplicate by `id`.
 *
 * ```ts
 * yield* sql.withTransaction(Effect.gen(function* () {
 *   yield* repository.insert(referral)
 *   yield* Outbox.append({ topic: "referral.sent", aggregateType: "Referral", aggregateId: referral.id, payload })
 * }))
 * ```
 */
import { Id, Span } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Duration, Effect, Schema } from "effect"
import { bestEffortTransaction } from "./internal/Transactions"
import { currentDate, SqlInteger, SqlTimestamp, toSql } from "./SqlValues"

/**
 * An event to append. `payload` is the event's encoded (JSON-ready) form: encode
 * it with the topic's schema first.
 */
export interface NewEvent {
  readonly topic: string
  readonly aggregateType: string
  readonly aggregateId: string
  readonly payload: unknown
}

// Annotated so the declaration of `OutboxEvent` names only public types.
const EventIdSchema: Schema.Schema<Id.EventId, string> = Id.EventId

/**
 * An event handed to a dispatcher. `attempts` counts earlier failed deliveries.
 */
export class OutboxEvent extends Schema.Class<OutboxEvent>("@bashke/persistence/OutboxEvent")({
  id: EventIdSchema,
  topic: Schema.String,
  aggregateType: Schema.String,
  aggregateId: Schema.String,
  payload: Schema.Unknown,
  occurredAt: Schema.ValidDateFromSelf,
  attempts: Schema.Int,
}) {}

/**
 * How failed deliveries are retried: exponential backoff from `initialDelay`,
 * multiplied by `factor` per attempt and capped at `maxDelay`; after
 * `maxAttempts` failures the event is dead (kept, never handed out again).
 */
export interface RetryPolicy {
  readonly initialDelay: Duration.DurationInput
  readonly factor: number
  readonly maxDelay: Duration.DurationInput
  readonly maxAttempts: number
}

/**
 * 10 s, doubling, at most an hour apart, dead after 12 failures (about 10 hours).
 */
export const defaultRetryPolicy: RetryPolicy = {
  initialDelay: Duration.seconds(10),
  factor: 2,
  maxDelay: Duration.hours(1),
  maxAttempts: 12,
}

/**
 * How long to wait before the next delivery after `attempts` failures (1 or more).
 */
export const backoff = (policy: RetryPolicy, attempts: number): Duration.Duration => {
  const initial = Duration.toMillis(policy.initialDelay)
  const max = Duration.toMillis(policy.maxDelay)
  const millis = initial * policy.factor ** Math.max(0, attempts - 1)
  return Duration.millis(Number.isFinite(millis) ? Math.min(millis, max) : max)
}

/**
 * The table holding the events.
 */
export const table = "bashke_outbox"

/**
 * Appends an event and returns its id (the kernel's `Id.EventId`, a ULID from the
 * process's `IdGenerator`: ids sort by time). Joins the caller's
 * `sql.withTransaction`; outside one, it is its own single-statement commit.
 */
export const append = (event: NewEvent): Effect.Effect<Id.EventId, never, SqlClient.SqlClient | Id.IdGenerator> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const id = yield* Id.EventId.generate
    const now = toSql(yield* currentDate)
    const payload = JSON.stringify(event.payload)
    if (payload === undefined) return yield* Effect.dieMessage(`Outbox: the payload of ${event.topic} is not JSON`)
    yield* sql`INSERT INTO bashke_outbox
      (id, topic, aggregate_type, aggregate_id, payload, occurred_at, status, attempts, next_attempt_at)
      VALUES (${id}, ${event.topic}, ${event.aggregateType}, ${event.aggregateId}, ${payload}, ${now}, 'pending', 0, ${now})`
    return id
  }).pipe(Effect.orDie, Span.untraced("Outbox.append", { topic: event.topic }))

// Rows a statement: 9 parameters each, well under SQLite's and PostgreSQL's limits.
const rowsPerStatement = 500

/**
 * Appends `events` in order, as {@link append} appends each (ids from the
 * process's `IdGenerator`, so they sort in that order), in multi-row
 * statements: a bulk import's events in a few statements rather than one
 * each. Answers their ids, in order. Joins the caller's transaction.
 */
export const appendAll = (
  events: ReadonlyArray<NewEvent>,
): Effect.Effect<ReadonlyArray<Id.EventId>, never, SqlClient.SqlClient | Id.IdGenerator> =>
  Effect.gen(function* () {
    if (events.length === 0) return []
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = toSql(yield* currentDate)
    // The events' ids in one draw (an effect per id cost more than the id).
    const ids = (yield* Id.nextMany(events.length)) as ReadonlyArray<Id.EventId>
    const rows: Array<Record<string, unknown>> = []
    for (const [index, event] of events.entries()) {
      const id = ids[index] as Id.EventId
      const payload = JSON.stringify(event.payload)
      if (payload === undefined) return yield* Effect.dieMessage(`Outbox: the payload of ${event.topic} is not JSON`)
      rows.push({
        id,
        topic: event.topic,
        aggregate_type: event.aggregateType,
        aggregate_id: event.aggregateId,
        payload,
        occurred_at: now,
        status: "pending",
        attempts: 0,
        next_attempt_at: now,
      })
    }
    for (let from = 0; from < rows.length; from += rowsPerStatement)
      yield* sql`INSERT INTO bashke_outbox ${sql.insert(rows.slice(from, from + rowsPerStatement))}`
    return ids
  }).pipe(Effect.orDie, Span.untraced("Outbox.appendAll"))

const Row = Schema.Struct({
  id: EventIdSchema,
  topic: Schema.String,
  aggregate_type: Schema.String,
  aggregate_id: Schema.String,
  payload: Schema.String,
  occurred_at: SqlTimestamp,
  attempts: SqlInteger,
})
const decodeRow = Schema.decodeUnknownSync(Row)
const decodeAttempts = Schema.decodeUnknownSync(SqlInteger)

const toEvent = (row: typeof Row.Type): OutboxEvent =>
  new OutboxEvent({
    id: row.id,
    topic: row.topic,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payload: JSON.parse(row.payload),
    occurredAt: row.occurred_at,
    attempts: row.attempts,
  })

/**
 * Claims up to `limit` due events, oldest first, and returns them. A claim is a
 * lease: the events are not handed out again for `lease` (default one minute)
 * unless marked failed; a dispatcher that crashes mid-delivery thus loses
 * nothing. Concurrent dispatchers never claim the same event (PostgreSQL:
 * `FOR UPDATE SKIP LOCKED`; SQLite: one writer at a time).
 */
export const pending = (
  limit: number,
  options?: { readonly lease?: Duration.DurationInput },
): Effect.Effect<ReadonlyArray<OutboxEvent>, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* currentDate
    const due = toSql(now)
    const leasedUntil = toSql(new Date(now.getTime() + Duration.toMillis(options?.lease ?? Duration.minutes(1))))
    const skipLocked = sql.onDialectOrElse({
      pg: () => sql.literal("FOR UPDATE SKIP LOCKED"),
      orElse: () => sql.literal(""),
    })
    const payload = sql.onDialectOrElse({
      pg: () => sql.literal("payload::text"),
      orElse: () => sql.literal("payload"),
    })
    // The status and due time are checked again outside the subquery so that
    // PostgreSQL re-evaluates them on rows another dispatcher just changed.
    const rows = yield* sql`UPDATE bashke_outbox SET next_attempt_at = ${leasedUntil}
      WHERE status = 'pending' AND next_attempt_at <= ${due} AND id IN (
        SELECT id FROM bashke_outbox WHERE status = 'pending' AND next_attempt_at <= ${due}
        ORDER BY id LIMIT ${Math.max(0, Math.floor(limit))} ${skipLocked}
      )
      RETURNING id, topic, aggregate_type, aggregate_id, ${payload} AS payload, occurred_at, attempts`
    const events = rows.map((row) => toEvent(decodeRow(row)))
    // RETURNING order is unspecified.
    return events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }).pipe(Effect.orDie, Span.untraced("Outbox.pending"))

/**
 * Marks events delivered; they are never handed out again.
 */
export const markDelivered = (ids: ReadonlyArray<Id.EventId>): Effect.Effect<void, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    if (ids.length === 0) return
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = toSql(yield* currentDate)
    yield* sql`UPDATE bashke_outbox SET status = 'delivered', delivered_at = ${now}, last_error = NULL
      WHERE ${sql.in("id", ids)}`
  }).pipe(Effect.orDie, Span.untraced("Outbox.markDelivered"))

/**
 * What `markFailed` decided.
 */
export interface FailureOutcome {
  readonly attempts: number
  /** `pending` (retried at `nextAttemptAt`) or `dead` (given up). */
  readonly status: "pending" | "dead"
  readonly nextAttemptAt: Date
}

/**
 * Records a failed delivery: counts the attempt, keeps `reason` (truncated to 1000
 * characters; keep personal data out of it), and schedules the next attempt by
 * the policy, or marks the event dead after `maxAttempts`. An unknown, delivered
 * or dead id yields `undefined`.
 */
export const markFailed = (
  id: Id.EventId,
  reason: string,
  policy: RetryPolicy = defaultRetryPolicy,
): Effect.Effect<FailureOutcome | undefined, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* currentDate
    return yield* bestEffortTransaction(
      sql,
      Effect.gen(function* () {
        const counted = yield* sql<{ attempts: unknown }>`UPDATE bashke_outbox
          SET attempts = attempts + 1, last_error = ${reason.slice(0, 1000)}
          WHERE id = ${id} AND status = 'pending' RETURNING attempts`
        if (counted[0] === undefined) return undefined
        const attempts = decodeAttempts(counted[0].attempts)
        const status = attempts >= policy.maxAttempts ? ("dead" as const) : ("pending" as const)
        const nextAttemptAt = new Date(now.getTime() + Duration.toMillis(backoff(policy, attempts)))
        yield* sql`UPDATE bashke_outbox SET status = ${status}, next_attempt_at = ${toSql(nextAttemptAt)}
          WHERE id = ${id}`
        return { attempts, status, nextAttemptAt }
      }),
    )
  }).pipe(Effect.orDie, Span.untraced("Outbox.markFailed"))

/**
 * Where a reader of the outbox stands: an event id, or a position between
 * events (`""` before the first). Every event after it is still to be read.
 */
export type Position = string

/**
 * A page read by {@link after}: the events, and the position to read from
 * next — past the last event when the page is full, else up to the settle
 * cut-off, so a reader of rare topics does not scan the same rows again.
 */
export interface Read {
  readonly events: ReadonlyArray<OutboxEvent>
  readonly next: Position
}

/**
 * The events after `position` with one of `topics`, oldest first, at most
 * `limit`, and only those older than `settle` (default 10 seconds) by their
 * id's time: an event id is taken before its transaction commits, so a
 * younger event may still be joined by an older one committing late; a
 * reader that never reads past the settle cut-off misses none. For readers
 * that keep their own position (each its own cursor, unlike {@link pending},
 * which shares one status per event); `status` is not theirs to read.
 */
export const after = (
  position: Position,
  topics: ReadonlyArray<string>,
  options: { readonly limit: number; readonly settle?: Duration.DurationInput },
): Effect.Effect<Read, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* currentDate
    const settle = Duration.toMillis(options.settle ?? Duration.seconds(10))
    // The smallest id of the cut-off's millisecond: every id below it is older.
    const cutoff = Id.ulidAt(Math.max(0, now.getTime() - settle), new Uint8Array(10))
    const limit = Math.max(1, Math.floor(options.limit))
    if (topics.length === 0 || cutoff <= position) return { events: [], next: position }
    const payload = sql.onDialectOrElse({
      pg: () => sql.literal("payload::text"),
      orElse: () => sql.literal("payload"),
    })
    const rows = yield* sql`SELECT id, topic, aggregate_type, aggregate_id, ${payload} AS payload, occurred_at, attempts
      FROM bashke_outbox WHERE id > ${position} AND id < ${cutoff} AND ${sql.in("topic", topics)}
      ORDER BY id LIMIT ${limit}`
    const events = rows.map((row) => toEvent(decodeRow(row)))
    const last = events[events.length - 1]
    return { events, next: events.length >= limit && last !== undefined ? last.id : cutoff }
  }).pipe(Effect.orDie, Span.untraced("Outbox.after"))
