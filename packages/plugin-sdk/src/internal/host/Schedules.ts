// The schedules: a pull page by page with processing alongside, the inbox
// drained, events delivered, each repeated until the scope closes; a defect is
// logged, never fatal.
import { Effect, Queue, Schedule } from "effect"
import type * as Startup from "../Startup"
import { type Host, maxDrainRounds, type PassOutcome, type PullOutcome, type Service } from "./Host"

/** @internal */
export const make = (
  host: Host,
  jobs: {
    readonly pullOnce: (p: Startup.Running, pull: Startup.RunningPull) => Effect.Effect<PullOutcome>
    readonly processPass: (p: Startup.Running) => Effect.Effect<PassOutcome>
    readonly deliverPass: (p: Startup.Running) => Effect.Effect<PassOutcome>
  },
) => {
  const { pullOnce, processPass, deliverPass } = jobs
  const { running, batchSize, pollInterval } = host
  const drain = (p: Startup.Running) =>
    Effect.gen(function* () {
      for (let round = 0; round < maxDrainRounds; round++) {
        const pass = yield* processPass(p)
        if (pass.refused || pass.succeeded + pass.retried + pass.dead < batchSize) return
      }
    })

  /**
   * One scheduled run of a pull: every page until the upstream has no more,
   * with the records processed alongside. Processing one page while the
   * next is on its way keeps the host busy during the upstream's latency;
   * each page is committed (records and cursor) before it is processed, so
   * nothing changes for a crash.
   */
  const pullCycle = (p: Startup.Running, pull: Startup.RunningPull): Effect.Effect<void> =>
    Effect.gen(function* () {
      // `true` after each committed page, `false` once pulling ended.
      const pages = yield* Queue.unbounded<boolean>()
      const pullAll = Effect.gen(function* () {
        for (let round = 0; round < maxDrainRounds; round++) {
          const outcome = yield* pullOnce(p, pull)
          if (outcome._tag === "Pulled" && outcome.inserted > 0) yield* Queue.offer(pages, true)
          if (outcome._tag !== "Pulled" || !outcome.more) break
        }
      }).pipe(Effect.ensuring(Queue.offer(pages, false)))
      const processAlongside = Effect.gen(function* () {
        let pulling = true
        for (;;) {
          const pass = yield* processPass(p)
          if (pass.refused) return
          if (pass.succeeded + pass.retried + pass.dead < batchSize) {
            // Caught up: wait for the next page, or stop once pulling ended and a last pass found nothing.
            if (!pulling && pass.succeeded + pass.retried + pass.dead === 0) return
            if (pulling) pulling = yield* Queue.take(pages)
          }
        }
      })
      yield* p.process === undefined
        ? pullAll
        : Effect.asVoid(Effect.all([pullAll, processAlongside], { concurrency: 2 }))
    })

  const guarded = (what: string, plugin: string, effect: Effect.Effect<unknown>) =>
    effect.pipe(
      Effect.catchAllCause((cause) =>
        Effect.logError(`plugin ${what} stopped by a defect`).pipe(Effect.annotateLogs({ plugin, cause: cause._tag })),
      ),
    )

  const start: Service["start"] = Effect.gen(function* () {
    for (const p of running) {
      const name = p.identity.name
      for (const pull of p.pulls) {
        yield* Effect.forkScoped(Effect.repeat(guarded("pull", name, pullCycle(p, pull)), Schedule.spaced(pull.every)))
      }
      if (p.process !== undefined)
        yield* Effect.forkScoped(Effect.repeat(guarded("processing", name, drain(p)), Schedule.spaced(pollInterval)))
      if (p.subscriptions.length > 0)
        yield* Effect.forkScoped(
          Effect.repeat(guarded("delivery", name, deliverPass(p)), Schedule.spaced(pollInterval)),
        )
    }
  })

  return { drain, start }
}
