/**
 * The sweep of abandoned uploads (ADR 0024): the chunks of uploads whose
 * process died (killed mid-upload, the machine lost) are removed once the
 * upload has gone untouched for `DocumentSettings.abandonedAfter`. A live
 * upload touches its registration at least every {@link heartbeat} of that
 * while its content streams in, so only a dead one is ever that old. Run on
 * start and in the gateway's rounds; two instances sweeping at once remove
 * the same chunks twice, which does nothing the second time.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { Duration, Effect } from "effect"
import { abandonedAfterOf, DocumentSettings } from "./DocumentSettings"
import { DocumentStore } from "./DocumentStore"
import { PendingUploads } from "./PendingUploads"

/**
 * How often a live upload touches its registration: a quarter of the time
 * after which it counts as abandoned, so a slow clock or a slow statement
 * never makes a live upload look dead.
 */
export const heartbeat = (abandonedAfter: Duration.Duration): Duration.Duration =>
  Duration.unsafeDivide(abandonedAfter, 4)

/** How many abandoned uploads one pass removes before asking again. */
const batch = 100

/**
 * Removes the chunks of every upload untouched for longer than
 * `abandonedAfter`, and forgets it; the number of uploads removed.
 */
export const sweep: Effect.Effect<number, never, PendingUploads | DocumentStore | DocumentSettings> = Effect.gen(
  function* () {
    const pending = yield* PendingUploads
    const store = yield* DocumentStore
    const settings = yield* DocumentSettings
    const now = yield* SqlValues.currentDate
    const before = new Date(now.getTime() - Duration.toMillis(abandonedAfterOf(settings)))
    let removed = 0
    for (;;) {
      const abandoned = yield* pending.untouchedSince(before, batch)
      // The chunks first: a sweep stopped half-way leaves the registration, and the next one finishes it.
      yield* Effect.forEach(abandoned, (id) => Effect.zipRight(store.remove(id), pending.end(id)), { discard: true })
      removed += abandoned.length
      if (abandoned.length < batch) return removed
    }
  },
).pipe(Span.untraced("AbandonedUploads.sweep"))
