// Event delivery: each subscription keeps its own position in the outbox and
// its own delivery rows; one pass finds new events and delivers the due ones.
import { Clock, Effect, Option } from "effect"
import type * as Startup from "../Startup"
import * as Store from "../Store"
import { failureOf, type Host, leaseMillis, type PassOutcome, positionAt, scanLimit } from "./Host"

/** @internal */
export const make = (host: Host) => {
  const { sql, batchSize, settleMillis } = host
  const deliverPass = (p: Startup.Running): Effect.Effect<PassOutcome> =>
    Effect.gen(function* () {
      let succeeded = 0
      let retried = 0
      let dead = 0
      let refused = false
      for (const subscription of p.subscriptions) {
        const name = p.identity.name
        const now = yield* Clock.currentTimeMillis
        const cutoff = positionAt(now - settleMillis)
        const saved = yield* Store.readPosition(sql, name, subscription.name).pipe(Effect.orDie)
        const position = Option.getOrElse(saved, () => (subscription.from === "beginning" ? "" : cutoff))
        const scanned = yield* Store.scanOutbox(sql, position, subscription.topics, scanLimit).pipe(Effect.orDie)
        yield* Store.insertDeliveries(
          sql,
          name,
          subscription.name,
          scanned.events.map((event) => event.id),
        ).pipe(Effect.orDie)
        // Never past an event that may still be committing: at most the settle cut-off.
        const last = scanned.last ?? cutoff
        // Positions are ULIDs (or ""), ordered as strings: the later of the old
        // position and the earlier of the last event scanned and the cut-off.
        const next = [position, [last, cutoff].sort()[0] as string].sort()[1] as string
        if (Option.isNone(saved) || next !== position)
          yield* Store.savePosition(sql, name, subscription.name, next).pipe(Effect.orDie)

        const claimed = yield* Store.claimDeliveries(sql, name, subscription.name, batchSize, leaseMillis).pipe(
          Effect.orDie,
        )
        const delivered: Array<string> = []
        for (const [index, event] of claimed.entries()) {
          const ran = yield* p.guard.run(
            `event:${subscription.name}`,
            p.timeouts.event,
            subscription.handle({
              id: event.eventId,
              topic: event.topic,
              aggregateType: event.aggregateType,
              aggregateId: event.aggregateId,
              payload: event.payload,
              occurredAt: event.occurredAt,
              attempts: event.attempts,
            }),
          )
          if (ran._tag === "Succeeded") delivered.push(event.eventId)
          else if (ran._tag === "Failed") {
            const failure = failureOf(p.retry, ran.failure, event.attempts, yield* Clock.currentTimeMillis)
            yield* Store.markDeliveryFailed(sql, name, subscription.name, event.eventId, failure).pipe(Effect.orDie)
            if (failure.dead) dead++
            else retried++
            yield* Effect.logWarning("plugin event delivery failed").pipe(
              Effect.annotateLogs({
                plugin: name,
                subscription: subscription.name,
                eventId: event.eventId,
                code: failure.code,
              }),
            )
          } else {
            refused = true
            yield* Store.releaseDeliveries(
              sql,
              name,
              subscription.name,
              claimed.slice(index).map((rest) => rest.eventId),
            ).pipe(Effect.orDie)
            break
          }
        }
        yield* Store.markDelivered(sql, name, subscription.name, delivered).pipe(Effect.orDie)
        succeeded += delivered.length
      }
      return { succeeded, retried, dead, refused }
    })

  return { deliverPass }
}
