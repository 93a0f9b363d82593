// The host's SQL: cursors, the inbox and its sealed batches, subscription
// positions and deliveries, dead letters. Raw client (no name transforms),
// times from Effect's Clock written as ISO strings (SqlValues), so both
// dialects store the same instants and tests move them with TestClock.
// Database failures are defects here; the host turns them into outcomes.
import { SqlValues } from "@bashke/persistence"
import type { SqlClient, SqlError, Statement } from "@effect/sql"
import { Effect, Option } from "effect"
import type { DeadEvent, DeadLetter, DeadRecord } from "../DeadLetter"

// Under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at 9 a row.
const chunkSize = 500

const chunks = <A>(items: ReadonlyArray<A>, size = chunkSize): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const raw = (sql: SqlClient.SqlClient) => sql.withoutTransforms()

const now = Effect.map(SqlValues.currentDate, SqlValues.toSql)

const int = (value: unknown): number => Number(value)

const date = (value: unknown): Date => new Date(SqlValues.fromSql(value) ?? 0)

const skipLocked = (sql: SqlClient.SqlClient) =>
  sql.onDialectOrElse({ pg: () => sql.literal("FOR UPDATE SKIP LOCKED"), orElse: () => sql.literal("") })

/** One record to write to the inbox. */
export interface NewRecord {
  readonly id: string
  readonly source: string
  readonly recordId: string
  readonly position: number
}

/** What an import wrote. */
export interface Written {
  readonly inserted: number
  readonly duplicates: number
}

/**
 * Writes one batch of records (rows + the sealed batch) and, when given, the
 * pull's next cursor, in one transaction. `beforeCommit` runs inside it,
 * after the records and before the cursor (a crash there loses both).
 */
export const writeImport = (
  sql: SqlClient.SqlClient,
  input: {
    readonly plugin: string
    readonly batchId: string
    readonly sealed: string
    readonly records: ReadonlyArray<NewRecord>
    readonly cursor?: { readonly name: string; readonly value: string }
    readonly beforeCommit?: Effect.Effect<void>
  },
): Effect.Effect<Written, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    let inserted = 0
    for (const chunk of chunks(input.records)) {
      const rows = chunk.map((record) => ({
        id: record.id,
        plugin: input.plugin,
        source: record.source,
        record_id: record.recordId,
        batch_id: input.batchId,
        position: record.position,
        received_at: at,
        status: "pending",
        attempts: 0,
        next_attempt_at: at,
      }))
      const returned = yield* db`INSERT INTO plugin_inbox ${db.insert(rows)}
        ON CONFLICT (plugin, source, record_id) DO NOTHING RETURNING id`
      inserted += returned.length
    }
    if (inserted > 0) {
      yield* db`INSERT INTO plugin_inbox_batches ${db.insert({
        id: input.batchId,
        plugin: input.plugin,
        payload: input.sealed,
        received_at: at,
      })}`
    }
    if (input.beforeCommit !== undefined) yield* input.beforeCommit
    if (input.cursor !== undefined) {
      yield* db`INSERT INTO plugin_cursors ${db.insert({
        plugin: input.plugin,
        name: input.cursor.name,
        cursor: input.cursor.value,
        updated_at: at,
      })} ON CONFLICT (plugin, name) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`
    }
    return { inserted, duplicates: input.records.length - inserted }
  }).pipe((effect) => sql.withTransaction(effect))

/** A pull's saved cursor. */
export const readCursor = (
  sql: SqlClient.SqlClient,
  plugin: string,
  name: string,
): Effect.Effect<Option.Option<string>, SqlError.SqlError> =>
  raw(sql)<{ cursor: string }>`SELECT cursor FROM plugin_cursors WHERE plugin = ${plugin} AND name = ${name}`.pipe(
    Effect.map((rows) => Option.fromNullable(rows[0]?.cursor)),
  )

/** An inbox row claimed for processing. */
export interface ClaimedRecord {
  readonly id: string
  readonly source: string
  readonly recordId: string
  readonly batchId: string
  readonly position: number
  readonly receivedAt: Date
  readonly attempts: number
}

/**
 * What a claim compares and writes: what is due now, and until when the claim
 * holds (a crashed processor's claim lapses then), both as the store keeps times.
 */
const leaseFromNow = (leaseMillis: number) =>
  Effect.map(SqlValues.currentDate, (current) => ({
    due: SqlValues.toSql(current),
    lease: SqlValues.toSql(new Date(current.getTime() + leaseMillis)),
  }))

/**
 * Claims up to `limit` due records of a plugin, oldest first, leased until
 * `leaseMillis` from now (a crashed processor's claim lapses; two processors
 * never claim one record: PostgreSQL skips locked rows, SQLite has one writer).
 */
export const claimRecords = (
  sql: SqlClient.SqlClient,
  plugin: string,
  limit: number,
  leaseMillis: number,
): Effect.Effect<ReadonlyArray<ClaimedRecord>, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const { due, lease } = yield* leaseFromNow(leaseMillis)
    const rows = yield* db<Record<string, unknown>>`UPDATE plugin_inbox SET next_attempt_at = ${lease}
      WHERE plugin = ${plugin} AND status = 'pending' AND next_attempt_at <= ${due} AND id IN (
        SELECT id FROM plugin_inbox WHERE plugin = ${plugin} AND status = 'pending' AND next_attempt_at <= ${due}
        ORDER BY id LIMIT ${limit} ${skipLocked(db)}
      )
      RETURNING id, source, record_id, batch_id, position, received_at, attempts`
    return rows
      .map(
        (row): ClaimedRecord => ({
          id: String(row.id),
          source: String(row.source),
          recordId: String(row.record_id),
          batchId: String(row.batch_id),
          position: int(row.position),
          receivedAt: date(row.received_at),
          attempts: int(row.attempts),
        }),
      )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  })

/** The sealed payloads of these batches, by id (a purged batch is absent). */
export const readBatches = (
  sql: SqlClient.SqlClient,
  ids: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, string>, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const out = new Map<string, string>()
    for (const chunk of chunks(ids)) {
      const rows = yield* db<{ id: string; payload: string }>`SELECT id, payload FROM plugin_inbox_batches
        WHERE ${db.in("id", chunk)}`
      for (const row of rows) out.set(row.id, row.payload)
    }
    return out
  })

/** Marks records processed and drops the batches none of whose records is left to process. */
export const markProcessed = (
  sql: SqlClient.SqlClient,
  ids: ReadonlyArray<string>,
  batchIds: ReadonlyArray<string>,
): Effect.Effect<void, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    for (const chunk of chunks(ids)) {
      yield* db`UPDATE plugin_inbox SET status = 'processed', processed_at = ${at}, last_error = NULL
        WHERE status = 'pending' AND ${db.in("id", chunk)}`
    }
    for (const chunk of chunks(batchIds)) {
      // A processed record's payload is not needed again: personal data is kept no longer than that.
      // A batch's records are the ids `<batch id>-<position>`: a range of the primary key
      // ('-' sorts just before '.'), so no index on batch_id is kept up to date for this.
      yield* db`DELETE FROM plugin_inbox_batches WHERE ${db.in("id", chunk)} AND NOT EXISTS (
        SELECT 1 FROM plugin_inbox WHERE plugin_inbox.id > plugin_inbox_batches.id || '-'
        AND plugin_inbox.id < plugin_inbox_batches.id || '.' AND plugin_inbox.status <> 'processed')`
    }
  })

/** A failed attempt: the record is due again at `nextAttemptAt`, or dead. */
export interface Failure {
  readonly code: string
  readonly dead: boolean
  readonly nextAttemptAt: Date
}

/** Records a failed attempt of a record. */
export const markRecordFailed = (
  sql: SqlClient.SqlClient,
  id: string,
  failure: Failure,
): Effect.Effect<void, SqlError.SqlError> =>
  raw(sql)`UPDATE plugin_inbox SET attempts = attempts + 1, last_error = ${failure.code.slice(0, 200)},
    status = ${failure.dead ? "dead" : "pending"}, next_attempt_at = ${SqlValues.toSql(failure.nextAttemptAt)}
    WHERE id = ${id} AND status = 'pending'`.pipe(Effect.asVoid)

/** Makes leased records due now again (the breaker refused them). */
export const releaseRecords = (
  sql: SqlClient.SqlClient,
  ids: ReadonlyArray<string>,
): Effect.Effect<void, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    for (const chunk of chunks(ids)) {
      yield* db`UPDATE plugin_inbox SET next_attempt_at = ${at} WHERE status = 'pending' AND ${db.in("id", chunk)}`
    }
  })

/** A subscription's saved position in the outbox. */
export const readPosition = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
): Effect.Effect<Option.Option<string>, SqlError.SqlError> =>
  raw(sql)<{ position: string }>`SELECT position FROM plugin_event_positions
    WHERE plugin = ${plugin} AND subscription = ${subscription}`.pipe(
    Effect.map((rows) => Option.fromNullable(rows[0]?.position)),
  )

/** Saves a subscription's position. */
export const savePosition = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  position: string,
): Effect.Effect<void, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    yield* db`INSERT INTO plugin_event_positions ${db.insert({ plugin, subscription, position, updated_at: at })}
      ON CONFLICT (plugin, subscription) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`
  })

/** An outbox event seen by a scan. */
export interface Scanned {
  readonly id: string
  readonly topic: string
  readonly occurredAt: Date
}

const topicFilter = (db: SqlClient.SqlClient, topics: ReadonlyArray<string>): Statement.Fragment => {
  if (topics.includes("*")) return db.literal("1 = 1")
  const clauses = topics.map((topic) =>
    topic.endsWith(".*") ? db`topic LIKE ${`${topic.slice(0, -1)}%`}` : db`topic = ${topic}`,
  )
  return db.or(clauses)
}

/** Whether a topic is one a subscription asked for (exact, `prefix.*` or `*`). */
export const topicMatches = (topics: ReadonlyArray<string>, topic: string): boolean =>
  topics.some((pattern) =>
    pattern === "*" ? true : pattern.endsWith(".*") ? topic.startsWith(pattern.slice(0, -1)) : pattern === topic,
  )

/**
 * Outbox events after `position` with one of the topics, in id order; `last`
 * is the last id the query read when it read a full `limit` (more may follow).
 */
export const scanOutbox = (
  sql: SqlClient.SqlClient,
  position: string,
  topics: ReadonlyArray<string>,
  limit: number,
): Effect.Effect<{ readonly events: ReadonlyArray<Scanned>; readonly last: string | undefined }, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const rows = yield* db<Record<string, unknown>>`SELECT id, topic, occurred_at FROM bashke_outbox
      WHERE id > ${position} AND (${topicFilter(db, topics)}) ORDER BY id LIMIT ${limit}`
    const events = rows
      .map((row) => ({ id: String(row.id), topic: String(row.topic), occurredAt: date(row.occurred_at) }))
      // LIKE's `_` matches any character: the exact test is here.
      .filter((event) => topicMatches(topics, event.topic))
    return { events, last: rows.length >= limit ? String(rows[rows.length - 1]?.id) : undefined }
  })

/** Creates a subscription's delivery rows; rows that exist stay as they are. */
export const insertDeliveries = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  eventIds: ReadonlyArray<string>,
): Effect.Effect<number, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    let inserted = 0
    for (const chunk of chunks(eventIds)) {
      const rows = chunk.map((eventId) => ({
        plugin,
        subscription,
        event_id: eventId,
        status: "pending",
        attempts: 0,
        next_attempt_at: at,
      }))
      const returned = yield* db`INSERT INTO plugin_deliveries ${db.insert(rows)}
        ON CONFLICT (plugin, subscription, event_id) DO NOTHING RETURNING event_id`
      inserted += returned.length
    }
    return inserted
  })

/** A delivery claimed, with its event. */
export interface ClaimedDelivery {
  readonly eventId: string
  readonly attempts: number
  readonly topic: string
  readonly aggregateType: string
  readonly aggregateId: string
  readonly payload: unknown
  readonly occurredAt: Date
}

/** Claims up to `limit` due deliveries of a subscription, in event order, leased like records. */
export const claimDeliveries = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  limit: number,
  leaseMillis: number,
): Effect.Effect<ReadonlyArray<ClaimedDelivery>, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const { due, lease } = yield* leaseFromNow(leaseMillis)
    const claimed = yield* db<Record<string, unknown>>`UPDATE plugin_deliveries SET next_attempt_at = ${lease}
      WHERE plugin = ${plugin} AND subscription = ${subscription} AND status = 'pending'
      AND next_attempt_at <= ${due} AND event_id IN (
        SELECT event_id FROM plugin_deliveries WHERE plugin = ${plugin} AND subscription = ${subscription}
        AND status = 'pending' AND next_attempt_at <= ${due} ORDER BY event_id LIMIT ${limit} ${skipLocked(db)}
      )
      RETURNING event_id, attempts`
    if (claimed.length === 0) return []
    const attempts = new Map(claimed.map((row) => [String(row.event_id), int(row.attempts)]))
    const payload = db.onDialectOrElse({ pg: () => db.literal("payload::text"), orElse: () => db.literal("payload") })
    const events: Array<ClaimedDelivery> = []
    for (const chunk of chunks([...attempts.keys()])) {
      const rows = yield* db<Record<string, unknown>>`SELECT id, topic, aggregate_type, aggregate_id,
        ${payload} AS payload, occurred_at FROM bashke_outbox WHERE ${db.in("id", chunk)}`
      for (const row of rows) {
        events.push({
          eventId: String(row.id),
          attempts: attempts.get(String(row.id)) ?? 0,
          topic: String(row.topic),
          aggregateType: String(row.aggregate_type),
          aggregateId: String(row.aggregate_id),
          payload: JSON.parse(String(row.payload)),
          occurredAt: date(row.occurred_at),
        })
      }
    }
    return events.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
  })

/** Sets `set` (given now) on a subscription's pending deliveries of `eventIds`, a chunk of ids at a time. */
const updatePendingDeliveries = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  eventIds: ReadonlyArray<string>,
  set: (db: SqlClient.SqlClient, at: Effect.Effect.Success<typeof now>) => Statement.Fragment,
): Effect.Effect<void, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    for (const chunk of chunks(eventIds)) {
      yield* db`UPDATE plugin_deliveries SET ${set(db, at)}
        WHERE plugin = ${plugin} AND subscription = ${subscription} AND status = 'pending'
        AND ${db.in("event_id", chunk)}`
    }
  })

/** Marks deliveries done. */
export const markDelivered = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  eventIds: ReadonlyArray<string>,
): Effect.Effect<void, SqlError.SqlError> =>
  updatePendingDeliveries(
    sql,
    plugin,
    subscription,
    eventIds,
    (db, at) => db`status = 'delivered', delivered_at = ${at}, last_error = NULL`,
  )

/** Records a failed delivery. */
export const markDeliveryFailed = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  eventId: string,
  failure: Failure,
): Effect.Effect<void, SqlError.SqlError> =>
  raw(sql)`UPDATE plugin_deliveries SET attempts = attempts + 1, last_error = ${failure.code.slice(0, 200)},
    status = ${failure.dead ? "dead" : "pending"}, next_attempt_at = ${SqlValues.toSql(failure.nextAttemptAt)}
    WHERE plugin = ${plugin} AND subscription = ${subscription} AND event_id = ${eventId}
    AND status = 'pending'`.pipe(Effect.asVoid)

/** Makes leased deliveries due now again (the breaker refused them). */
export const releaseDeliveries = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  eventIds: ReadonlyArray<string>,
): Effect.Effect<void, SqlError.SqlError> =>
  updatePendingDeliveries(sql, plugin, subscription, eventIds, (db, at) => db`next_attempt_at = ${at}`)

/** Dead letters, records first then events, each oldest first. */
export const deadLetters = (
  sql: SqlClient.SqlClient,
  plugins: ReadonlyArray<string>,
  limit: number,
): Effect.Effect<ReadonlyArray<DeadLetter>, SqlError.SqlError> =>
  Effect.gen(function* () {
    if (plugins.length === 0) return []
    const db = raw(sql)
    const records = yield* db<Record<string, unknown>>`SELECT plugin, id, source, record_id, attempts, last_error,
      received_at FROM plugin_inbox WHERE status = 'dead' AND ${db.in("plugin", plugins)} ORDER BY id LIMIT ${limit}`
    const events = yield* db<Record<string, unknown>>`SELECT d.plugin, d.subscription, d.event_id, o.topic,
      d.attempts, d.last_error, o.occurred_at FROM plugin_deliveries d JOIN bashke_outbox o ON o.id = d.event_id
      WHERE d.status = 'dead' AND ${db.in("d.plugin", plugins)} ORDER BY d.event_id LIMIT ${limit}`
    return [
      ...records.map(
        (row): DeadRecord => ({
          _tag: "DeadRecord",
          plugin: String(row.plugin),
          inboxId: String(row.id),
          source: String(row.source),
          recordId: String(row.record_id),
          attempts: int(row.attempts),
          lastError: row.last_error === null || row.last_error === undefined ? null : String(row.last_error),
          receivedAt: date(row.received_at),
        }),
      ),
      ...events.map(
        (row): DeadEvent => ({
          _tag: "DeadEvent",
          plugin: String(row.plugin),
          subscription: String(row.subscription),
          eventId: String(row.event_id),
          topic: String(row.topic),
          attempts: int(row.attempts),
          lastError: row.last_error === null || row.last_error === undefined ? null : String(row.last_error),
          occurredAt: date(row.occurred_at),
        }),
      ),
    ]
  })

/** Makes a dead record due again with no attempts counted; false when there is no such dead record. */
export const replayRecord = (
  sql: SqlClient.SqlClient,
  plugin: string,
  inboxId: string,
): Effect.Effect<boolean, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    const rows = yield* db`UPDATE plugin_inbox SET status = 'pending', attempts = 0, next_attempt_at = ${at}
      WHERE plugin = ${plugin} AND id = ${inboxId} AND status = 'dead' RETURNING id`
    return rows.length > 0
  })

/** Makes a dead delivery due again with no attempts counted; false when there is no such dead delivery. */
export const replayDelivery = (
  sql: SqlClient.SqlClient,
  plugin: string,
  subscription: string,
  eventId: string,
): Effect.Effect<boolean, SqlError.SqlError> =>
  Effect.gen(function* () {
    const db = raw(sql)
    const at = yield* now
    const rows = yield* db`UPDATE plugin_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ${at}
      WHERE plugin = ${plugin} AND subscription = ${subscription} AND event_id = ${eventId} AND status = 'dead'
      RETURNING event_id`
    return rows.length > 0
  })

/** Per plugin: pending and dead records, pending and dead deliveries. */
export interface Counts {
  readonly pendingRecords: number
  readonly deadRecords: number
  readonly pendingDeliveries: number
  readonly deadDeliveries: number
}

/** The counts of each plugin named (zeros for one with no rows). */
export const counts = (
  sql: SqlClient.SqlClient,
  plugins: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, Counts>, SqlError.SqlError> =>
  Effect.gen(function* () {
    const out = new Map<string, { -readonly [K in keyof Counts]: number }>()
    for (const plugin of plugins)
      out.set(plugin, { pendingRecords: 0, deadRecords: 0, pendingDeliveries: 0, deadDeliveries: 0 })
    if (plugins.length === 0) return out
    const db = raw(sql)
    const inbox = yield* db<Record<string, unknown>>`SELECT plugin, status, count(*) AS n FROM plugin_inbox
      WHERE status <> 'processed' AND ${db.in("plugin", plugins)} GROUP BY plugin, status`
    const deliveries = yield* db<Record<string, unknown>>`SELECT plugin, status, count(*) AS n FROM plugin_deliveries
      WHERE status <> 'delivered' AND ${db.in("plugin", plugins)} GROUP BY plugin, status`
    for (const row of inbox) {
      const entry = out.get(String(row.plugin))
      if (entry === undefined) continue
      if (row.status === "pending") entry.pendingRecords = int(row.n)
      else entry.deadRecords = int(row.n)
    }
    for (const row of deliveries) {
      const entry = out.get(String(row.plugin))
      if (entry === undefined) continue
      if (row.status === "pending") entry.pendingDeliveries = int(row.n)
      else entry.deadDeliveries = int(row.n)
    }
    return out
  })
