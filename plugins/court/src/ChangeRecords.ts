/**
 * Turns the changes a court sends (by pull or webhook) into inbox records.
 *
 * A change is keyed by its `changeId`, so the same change from a retried
 * pull, an inclusive cursor or a webhook that repeats the pull is dropped by
 * the host's inbox. A change without a usable id is not dropped here — that
 * would lose it silently — but stored under an id derived from its content
 * (`unidentified:<sha-256>`), so processing makes it a dead letter an
 * administrator sees (`change.malformed:change-id`), and a repeat of it is
 * still a duplicate.
 */
import type { Hooks } from "@bashke/plugin-sdk"
import { RecordRef } from "@bashke/plugin-sdk"
import { Effect, Schema } from "effect"

/**
 * The inbox source of every change, pulled or pushed: one source, so a change
 * that comes both ways is one record.
 */
export const source = "court"

const isRecordId = Schema.is(RecordRef.RecordId)

const digest = (value: unknown): Effect.Effect<string> =>
  Effect.promise(() =>
    globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(value) ?? "undefined")),
  ).pipe(
    Effect.map((hash) =>
      Array.from(new Uint8Array(hash).subarray(0, 16), (byte) => byte.toString(16).padStart(2, "0")).join(""),
    ),
  )

/**
 * The record id of a change: its `changeId`, or one derived from its content.
 */
export const recordIdOf = (change: unknown): Effect.Effect<string> => {
  const changeId =
    typeof change === "object" && change !== null ? (change as { changeId?: unknown }).changeId : undefined
  return isRecordId(changeId) ? Effect.succeed(changeId) : Effect.map(digest(change), (hex) => `unidentified:${hex}`)
}

/**
 * The inbox records of a list of changes, in order.
 */
export const toRecords = (changes: ReadonlyArray<unknown>): Effect.Effect<ReadonlyArray<Hooks.ImportedRecord>> =>
  Effect.forEach(changes, (change) => Effect.map(recordIdOf(change), (recordId) => ({ recordId, payload: change })))
