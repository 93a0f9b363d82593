/**
 * Key rotation: re-wraps the sealed columns of a table under the vault's current
 * key, in batches, one transaction per batch. Values are never decrypted: only
 * each value's data key is unwrapped and wrapped again (see `Vault.rewrap`).
 *
 * To rotate: put the new key first in `BASHKE_VAULT_KEYS` (keeping the old ones),
 * restart, run `rotate` for every sealed column, then remove the old key. A run
 * that stops half-way (a crash, a deploy) is resumed by running it again: rows
 * already under the current key are skipped.
 */
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import type { NonEmptyReadonlyArray } from "effect/Array"
import { caseKeyedPrefix } from "./internal/Envelope"
import * as Vault from "./Vault"

/**
 * What to rotate. Names are the database's own (snake_case), used literally.
 */
export interface Plan {
  readonly table: string
  /** A unique, ordered column to page by (the primary key). */
  readonly idColumn: string
  /** The sealed columns; `NULL`s are skipped. */
  readonly columns: NonEmptyReadonlyArray<string>
  /** Rows per batch (and per transaction); 500 by default. */
  readonly batchSize?: number
}

/**
 * What a run did.
 */
export interface Report {
  readonly table: string
  /** The key everything is now wrapped with. */
  readonly keyId: string
  /** Rows that held at least one value under another key. */
  readonly rows: number
  /** Values re-wrapped. */
  readonly values: number
  /** Values changed by someone else during the run, left as they were (already current). */
  readonly skipped: number
  /** Batches (transactions) committed. */
  readonly batches: number
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/

// A value of `column` under a vault key other than the current one.
const staleValue = (sql: SqlClient.SqlClient, column: string, prefix: string) =>
  sql`(${sql(column)} IS NOT NULL AND substr(${sql(column)}, 1, ${prefix.length}) <> ${prefix}
    AND substr(${sql(column)}, 1, ${caseKeyedPrefix.length}) <> ${caseKeyedPrefix})`

/**
 * Re-wraps every value of `plan.columns` not under the current key. Fails with
 * `VaultError` when a value's key is not in the vault (the batch in progress is
 * rolled back; committed batches stay, and a re-run resumes).
 */
export const rotate = (plan: Plan): Effect.Effect<Report, Vault.VaultError, SqlClient.SqlClient | Vault.Vault> =>
  Effect.gen(function* () {
    for (const name of [plan.table, plan.idColumn, ...plan.columns]) {
      if (!identifier.test(name)) return yield* Effect.dieMessage(`Rotation.rotate: "${name}" is not a plain SQL name`)
    }
    const batchSize = plan.batchSize ?? 500
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      return yield* Effect.dieMessage("Rotation.rotate: batchSize must be a positive integer")
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const vault = yield* Vault.Vault
    const prefix = `v1.${vault.currentKeyId}.`
    const table = sql(plan.table)
    const id = sql(plan.idColumn)
    const selected = sql.csv([plan.idColumn, ...plan.columns].map((column) => sql`${sql(column)}`))
    // Only rows with a value under another vault key (a value under a case's
    // data key is re-wrapped with that key's row); `substr` works alike on both dialects.
    const stale = sql.or(plan.columns.map((column) => staleValue(sql, column, prefix)))

    let after: unknown
    let rows = 0
    let values = 0
    let skipped = 0
    let batches = 0
    while (true) {
      const batch = yield* sql
        .withTransaction(
          Effect.gen(function* () {
            const found = yield* after === undefined
              ? sql<Record<string, unknown>>`SELECT ${selected} FROM ${table} WHERE ${stale}
                  ORDER BY ${id} LIMIT ${batchSize}`
              : sql<Record<string, unknown>>`SELECT ${selected} FROM ${table} WHERE ${id} > ${after} AND ${stale}
                  ORDER BY ${id} LIMIT ${batchSize}`
            let changedValues = 0
            let changedRows = 0
            let lost = 0
            for (const row of found) {
              let touched = false
              for (const column of plan.columns) {
                const value = row[column]
                if (typeof value !== "string" || !vault.needsRotation(value)) continue
                const rewrapped = yield* vault.rewrap(value)
                // Compare-and-set: a value rewritten meanwhile (by the application,
                // under the current key) is left alone.
                const updated = yield* sql`UPDATE ${table} SET ${sql(column)} = ${rewrapped}
                  WHERE ${id} = ${row[plan.idColumn] as string} AND ${sql(column)} = ${value} RETURNING ${id}`
                if (updated.length === 0) lost += 1
                else {
                  changedValues += 1
                  touched = true
                }
              }
              if (touched) changedRows += 1
            }
            return { found, changedValues, changedRows, lost }
          }),
        )
        .pipe(Effect.catchTag("SqlError", Effect.die))
      if (batch.found.length === 0) break
      after = batch.found[batch.found.length - 1]?.[plan.idColumn]
      rows += batch.changedRows
      values += batch.changedValues
      skipped += batch.lost
      batches += 1
      if (batch.found.length < batchSize) break
    }
    return { table: plan.table, keyId: vault.currentKeyId, rows, values, skipped, batches }
  }).pipe(Effect.withSpan("Rotation.rotate", { attributes: { table: plan.table } }))

/**
 * How many values of `plan.columns` are still under another key than the
 * current one: zero means the old keys can be removed (for this table).
 */
export const pending = (
  plan: Pick<Plan, "table" | "columns">,
): Effect.Effect<number, never, SqlClient.SqlClient | Vault.Vault> =>
  Effect.gen(function* () {
    for (const name of [plan.table, ...plan.columns]) {
      if (!identifier.test(name)) return yield* Effect.dieMessage(`Rotation.pending: "${name}" is not a plain SQL name`)
    }
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const vault = yield* Vault.Vault
    const prefix = `v1.${vault.currentKeyId}.`
    let total = 0
    for (const column of plan.columns) {
      const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(plan.table)}
        WHERE ${staleValue(sql, column, prefix)}`
      total += Number(rows[0]?.n ?? 0)
    }
    return total
  }).pipe(Effect.orDie)
