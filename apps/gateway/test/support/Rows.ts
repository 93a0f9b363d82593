// Row counts of the tables a command may write, read through the gateway's own
// runtime: equal counts before and after a refused request mean it wrote nothing.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import type { Gateway } from "./Gateway"

export const counts = (gateway: Gateway, tables: ReadonlyArray<string>): Promise<Record<string, number>> =>
  gateway.runtime.runPromise(
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      const out: Record<string, number> = {}
      for (const table of tables) {
        const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
        out[table] = Number(rows[0]?.n)
      }
      return out
    }).pipe(Effect.orDie),
  )

/** The payloads of the outbox events of `topic`, in the order they were written. */
export const outboxPayloads = (gateway: Gateway, topic: string): Promise<ReadonlyArray<Record<string, unknown>>> =>
  gateway.runtime.runPromise(
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      const rows = yield* sql<{
        payload: unknown
      }>`SELECT payload FROM bashke_outbox WHERE topic = ${topic} ORDER BY id`
      return rows.map(
        (row) => (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as Record<string, unknown>,
      )
    }).pipe(Effect.orDie),
  )
