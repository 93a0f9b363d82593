// The floors the inbox benchmarks set their figures against (this package's
// and the police plugin's): the same rows as the host's inbox written, then
// claimed and marked, by hand-written SQL through the same client, with no
// vault, no decoding beyond JSON.parse and no hooks. Run after the host's
// migrations (the floor table copies plugin_inbox's columns).
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export interface InboxFloors {
  /** Rows written per second: multi-row INSERTs of pages, two chunks a transaction. */
  readonly importFloor: number
  /** Rows claimed, their payloads parsed, and marked per second. */
  readonly processFloor: number
}

const seconds = (started: number) => (performance.now() - started) / 1000

export const measure = (
  client: SqlClient.SqlClient,
  options: {
    readonly total: number
    readonly page: number
    readonly source: string
    readonly payloadOf: (i: number) => unknown
  },
): Effect.Effect<InboxFloors, unknown> =>
  Effect.gen(function* () {
    const sql = client.withoutTransforms()
    const { total, page } = options
    yield* sql`CREATE TABLE floor_inbox AS SELECT * FROM plugin_inbox WHERE 0 = 1`
    yield* sql`ALTER TABLE floor_inbox ADD COLUMN payload TEXT`
    // CREATE TABLE … AS keeps no constraint: the same keys as plugin_inbox, by hand.
    yield* sql`CREATE UNIQUE INDEX floor_inbox_id ON floor_inbox (id)`
    yield* sql`CREATE INDEX floor_inbox_due ON floor_inbox (id) WHERE status = 'pending'`
    let started = performance.now()
    for (let from = 0; from < total; from += page) {
      const rows = []
      for (let i = from; i < from + page; i++)
        rows.push({
          id: `F${String(i).padStart(9, "0")}`,
          plugin: "floor",
          source: options.source,
          record_id: `PK-${i}`,
          batch_id: "b",
          position: i - from,
          received_at: "2026-03-02T09:00:00.000Z",
          status: "pending",
          attempts: 0,
          next_attempt_at: "2026-03-02T09:00:00.000Z",
          payload: JSON.stringify(options.payloadOf(i)),
        })
      yield* sql.withTransaction(
        Effect.forEach(
          [rows.slice(0, 500), rows.slice(500)],
          (chunk) => sql`INSERT INTO floor_inbox ${sql.insert(chunk)}`,
          { discard: true },
        ),
      )
    }
    const importFloor = total / seconds(started)
    started = performance.now()
    for (let from = 0; from < total; from += page) {
      const claimed = yield* sql<{ id: string; payload: string }>`UPDATE floor_inbox SET attempts = 1
        WHERE id IN (SELECT id FROM floor_inbox WHERE status = 'pending' ORDER BY id LIMIT ${page})
        RETURNING id, payload`
      for (const row of claimed) JSON.parse(row.payload)
      const ids = claimed.map((row) => row.id)
      yield* sql`UPDATE floor_inbox SET status = 'processed' WHERE ${sql.in("id", ids.slice(0, 500))}`
      yield* sql`UPDATE floor_inbox SET status = 'processed' WHERE ${sql.in("id", ids.slice(500))}`
    }
    const processFloor = total / seconds(started)
    return { importFloor, processFloor }
  })
