// The inbox's processing: one pass over a plugin's due records, in arrival
// order, each within its time limit; a failure retried with backoff or dead.
// A plugin with `processBatch` has the pass's page applied at once, in one
// transaction with its marking; a page that fails is rolled back and goes
// record by record (ADR 0028).
import { SqlClient, type SqlError } from "@effect/sql"
import { Clock, Data, Duration, Effect } from "effect"
import type { NonEmptyReadonlyArray } from "effect/Array"
import type { InboxRecord } from "../../Hooks"
import type * as PluginFailure from "../../PluginFailure"
import * as BatchPayload from "../BatchPayload"
import type * as Startup from "../Startup"
import * as Store from "../Store"
import { aadOf, failureOf, type Host, leaseMillis, type PassOutcome } from "./Host"

// Rolls the page's transaction back: how its hook ended.
class PageRolledBack extends Data.TaggedError("PageRolledBack")<{ readonly refused: boolean }> {}

/** @internal */
export const make = (host: Host) => {
  const { sql, vault, batchSize } = host

  /**
   * The page through `processBatch` in one transaction that also marks it
   * processed: the writes its capability calls make and the marks commit
   * together, so a crash (even `kill -9`) leaves the page either applied and
   * marked or neither, never applied and due again. The hook runs isolated
   * like every hook, given back only the transaction's connection so that
   * its capability calls join the transaction. Answers whether it committed.
   */
  const processPage = (
    p: Startup.Running,
    batch: NonNullable<Startup.Running["processBatch"]>,
    records: NonEmptyReadonlyArray<InboxRecord>,
    batchIds: ReadonlyArray<string>,
  ): Effect.Effect<boolean> => {
    const page = Effect.gen(function* () {
      const connection = yield* SqlClient.TransactionConnection
      // As long as the page's records would have had one by one.
      const [ran] = yield* p.guard.sequence("process:batch", Duration.times(p.timeouts.process, records.length), [
        () => Effect.provideService(batch(records), SqlClient.TransactionConnection, connection),
      ])
      if (ran?._tag !== "Succeeded") return yield* new PageRolledBack({ refused: ran?._tag === "Refused" })
      yield* Store.markProcessed(
        sql,
        records.map((record) => record.id),
        batchIds,
      )
    })
    // The transaction's connection is the one `withTransaction` provides.
    return sql.withTransaction(page as Effect.Effect<void, PageRolledBack | SqlError.SqlError>).pipe(
      Effect.as(true),
      Effect.catchTags({
        PageRolledBack: () => Effect.succeed(false),
        SqlError: () =>
          Effect.as(
            Effect.logWarning("plugin page not stored").pipe(Effect.annotateLogs({ plugin: p.identity.name })),
            false,
          ),
      }),
    )
  }

  const openBatches = (p: Startup.Running, batchIds: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      const sealed = yield* Store.readBatches(sql, batchIds).pipe(Effect.orDie)
      const opened = new Map<string, ReadonlyArray<unknown> | "unreadable">()
      for (const [batchId, value] of sealed) {
        const payloads = yield* vault.open(value, aadOf(p.identity.name, batchId)).pipe(
          Effect.flatMap((text) => Effect.try(() => BatchPayload.decode(text))),
          Effect.orElseSucceed(() => "unreadable" as const),
        )
        opened.set(batchId, payloads)
      }
      return opened
    })

  const processPass = (p: Startup.Running): Effect.Effect<PassOutcome> =>
    Effect.gen(function* () {
      const process = p.process
      if (process === undefined) return { succeeded: 0, retried: 0, dead: 0, refused: false }
      const claimed = yield* Store.claimRecords(sql, p.identity.name, batchSize, leaseMillis).pipe(Effect.orDie)
      if (claimed.length === 0) return { succeeded: 0, retried: 0, dead: 0, refused: false }
      const batchIds = [...new Set(claimed.map((record) => record.batchId))]
      const opened = yield* openBatches(p, batchIds)
      const processed: Array<string> = []
      let retried = 0
      let dead = 0
      const failed = (record: Store.ClaimedRecord, classified: PluginFailure.Classified) =>
        Effect.gen(function* () {
          const failure = failureOf(p.retry, classified, record.attempts, yield* Clock.currentTimeMillis)
          yield* Store.markRecordFailed(sql, record.id, failure).pipe(Effect.orDie)
          if (failure.dead) dead++
          else retried++
          yield* Effect.logWarning("plugin record failed").pipe(
            Effect.annotateLogs({ plugin: p.identity.name, inboxId: record.id, code: failure.code }),
          )
        })
      const readable: Array<{ readonly record: Store.ClaimedRecord; readonly payload: unknown }> = []
      for (const record of claimed) {
        const payloads = opened.get(record.batchId)
        if (payloads === undefined || payloads === "unreadable")
          yield* failed(record, {
            permanent: true,
            code: payloads === undefined ? "payload.missing" : "payload.unreadable",
          })
        else readable.push({ record, payload: payloads[record.position] })
      }
      const records = readable.map(
        ({ record, payload }): InboxRecord => ({
          id: record.id,
          source: record.source,
          recordId: record.recordId,
          payload,
          receivedAt: record.receivedAt,
          attempts: record.attempts,
        }),
      )
      const batch = p.processBatch
      if (batch !== undefined && isNonEmpty(records) && (yield* processPage(p, batch, records, batchIds)))
        return { succeeded: records.length, retried, dead, refused: false }
      // In arrival order, each within its time limit; its writes go through
      // capability services, so an interrupted one is let finish rolling back.
      const outcomes = yield* p.guard.sequence(
        "process",
        p.timeouts.process,
        records.map((record) => () => process(record)),
      )
      let refused = false
      for (const [index, ran] of outcomes.entries()) {
        const record = (readable[index] as (typeof readable)[number]).record
        if (ran._tag === "Succeeded") processed.push(record.id)
        else if (ran._tag === "Failed") yield* failed(record, ran.failure)
        else refused = true
      }
      if (refused) {
        const rest = readable.slice(outcomes.length - 1).map(({ record }) => record.id)
        yield* Store.releaseRecords(sql, rest).pipe(Effect.orDie)
      }
      yield* Store.markProcessed(sql, processed, batchIds).pipe(Effect.orDie)
      return { succeeded: processed.length, retried, dead, refused }
    })

  return { processPass }
}

const isNonEmpty = <A>(items: ReadonlyArray<A>): items is NonEmptyReadonlyArray<A> => items.length > 0
