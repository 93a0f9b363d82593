// The inbox's processing: one pass over a plugin's due records, in arrival
// order, each within its time limit; a failure retried with backoff or dead.
import { Clock, Effect } from "effect"
import type { InboxRecord } from "../../Hooks"
import type * as PluginFailure from "../../PluginFailure"
import * as BatchPayload from "../BatchPayload"
import type * as Startup from "../Startup"
import * as Store from "../Store"
import { aadOf, failureOf, type Host, leaseMillis, type PassOutcome } from "./Host"

/** @internal */
export const make = (host: Host) => {
  const { sql, vault, batchSize } = host

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
      // In arrival order, each within its time limit; its writes go through
      // capability services, so an interrupted one is let finish rolling back.
      const outcomes = yield* p.guard.sequence(
        "process",
        p.timeouts.process,
        readable.map(
          ({ record, payload }) =>
            () =>
              process({
                id: record.id,
                source: record.source,
                recordId: record.recordId,
                payload,
                receivedAt: record.receivedAt,
                attempts: record.attempts,
              } satisfies InboxRecord),
        ),
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
