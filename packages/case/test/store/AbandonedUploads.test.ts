// The sweep of abandoned uploads (ADR 0024) on both dialects, with time from
// the TestClock: an upload untouched for longer than `abandonedAfter` (one
// hour by default) loses its chunks and its registration; one touched within
// it keeps both; chunks of a document whose upload was never registered or
// has ended (a committed document) are never swept. A second sweep finds
// nothing more.
import { Instant } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, Option, TestClock } from "effect"
import * as AbandonedUploads from "../../src/AbandonedUploads"
import type { DocumentId } from "../../src/Document"
import * as DocumentSettings from "../../src/DocumentSettings"
import { DocumentStore } from "../../src/DocumentStore"
import { PendingUploads } from "../../src/PendingUploads"
import * as SqlDocumentStore from "../../src/SqlDocumentStore"
import * as SqlPendingUploads from "../../src/SqlPendingUploads"
import { databases, services, start, ulid } from "./support/Databases"

const minute = 60_000
const abandoned = ulid(71) as DocumentId
const live = ulid(72) as DocumentId
const committed = ulid(73) as DocumentId

const chunkOf = (documentId: DocumentId, index: number) =>
  Effect.flatMap(DocumentStore, (store) => store.get(documentId, index)).pipe(Effect.map(Option.isSome))

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the sweep of abandoned uploads`, () => {
    layer(
      Layer.provideMerge(
        Layer.mergeAll(
          SqlDocumentStore.layer,
          SqlPendingUploads.layer,
          DocumentSettings.layer(DocumentSettings.defaults),
        ),
        services(db),
      ),
    )((it) => {
      it.effect("removes the chunks of an upload untouched for an hour, and nothing else", () =>
        Effect.gen(function* () {
          yield* start
          const store = yield* DocumentStore
          const pending = yield* PendingUploads
          const sealed = new Uint8Array(64 * 1024 + 16).fill(7)
          for (const id of [abandoned, live]) {
            yield* pending.begin(id, yield* Instant.now)
            yield* store.put(id, 0, sealed)
            yield* store.put(id, 1, sealed)
          }
          // A document whose record committed: its registration ended with the commit.
          yield* pending.begin(committed, yield* Instant.now)
          yield* store.put(committed, 0, sealed)
          yield* pending.end(committed)

          // Half an hour on, the live upload is touched; nothing is old enough yet.
          yield* TestClock.adjust(30 * minute)
          yield* pending.touch(live, yield* Instant.now)
          expect(yield* AbandonedUploads.sweep).toBe(0)

          // An hour and a minute after the start: only the untouched upload is abandoned.
          yield* TestClock.adjust(31 * minute)
          expect(yield* AbandonedUploads.sweep).toBe(1)
          expect([yield* chunkOf(abandoned, 0), yield* chunkOf(abandoned, 1)]).toEqual([false, false])
          expect([yield* chunkOf(live, 0), yield* chunkOf(live, 1)]).toEqual([true, true])
          expect(yield* chunkOf(committed, 0)).toBe(true)
          expect(yield* pending.untouchedSince(new Date((yield* Instant.now).getTime() + minute), 10)).toEqual([live])
          expect(yield* AbandonedUploads.sweep).toBe(0)

          // Days later, the live upload (never touched again) goes too; the committed document stays.
          yield* TestClock.adjust(3 * 24 * 60 * minute)
          expect(yield* AbandonedUploads.sweep).toBe(1)
          expect(yield* chunkOf(live, 0)).toBe(false)
          expect(yield* chunkOf(committed, 0)).toBe(true)
        }),
      )
    })
  })
}
