/**
 * Dead letters: inbox records and event deliveries the host gave up on —
 * after the retry policy's attempts, or at once on a permanent failure.
 * They are kept (a record's sealed payload with it) until an administrator
 * replays them (`PluginHost.replay`), which makes them due again with a
 * fresh count of attempts.
 */
import { Schema } from "effect"

/**
 * A dead inbox record. `lastError` is the failure's code.
 */
export const DeadRecord = Schema.TaggedStruct("DeadRecord", {
  plugin: Schema.String,
  inboxId: Schema.String,
  source: Schema.String,
  recordId: Schema.String,
  attempts: Schema.Int,
  lastError: Schema.NullOr(Schema.String),
  receivedAt: Schema.Date,
}).annotations({ identifier: "PluginDeadRecord" })

export type DeadRecord = typeof DeadRecord.Type

/**
 * A dead event delivery to one subscription.
 */
export const DeadEvent = Schema.TaggedStruct("DeadEvent", {
  plugin: Schema.String,
  subscription: Schema.String,
  eventId: Schema.String,
  topic: Schema.String,
  attempts: Schema.Int,
  lastError: Schema.NullOr(Schema.String),
  occurredAt: Schema.Date,
}).annotations({ identifier: "PluginDeadEvent" })

export type DeadEvent = typeof DeadEvent.Type

export const DeadLetter = Schema.Union(DeadRecord, DeadEvent)

export type DeadLetter = typeof DeadLetter.Type

/**
 * Which dead letter to replay: a record by its inbox id, or an event by
 * subscription and event id.
 */
export type Replay =
  | { readonly _tag: "DeadRecord"; readonly plugin: string; readonly inboxId: string }
  | { readonly _tag: "DeadEvent"; readonly plugin: string; readonly subscription: string; readonly eventId: string }
