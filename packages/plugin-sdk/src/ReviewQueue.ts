/**
 * `review-queue:write` — hand a record to a person: an uncertain person
 * match, an order that matches no case. The plugin sees it as
 * `context.reviewQueue`. Nothing in the queue is merged automatically.
 *
 * Idempotent on the record: submitting the same `(source, recordId)` again
 * answers the existing item (`created: false`). The host seals `details`
 * (it may hold personal data from the record) and keeps only codes in clear.
 *
 * @since 0.1.0
 */
import type { Errors } from "@bashke/kernel"
import { Context, type Effect, Schema } from "effect"
import { Candidate } from "./PersonMatch"
import type { CapabilityProvider } from "./PluginIdentity"
import { RecordId, SourceName } from "./RecordRef"

/**
 * An item for review. `reason` is a code (`person.match-uncertain`,
 * `order.case-unknown`).
 *
 * @since 0.1.0
 */
export const ReviewItem = Schema.Struct({
  source: SourceName,
  recordId: RecordId,
  reason: Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9.:_-]{0,99}$/)),
  candidates: Schema.optional(Schema.Array(Candidate)),
  details: Schema.optional(Schema.Unknown),
}).annotations({ identifier: "PluginReviewItem" })

/**
 * @since 0.1.0
 */
export type ReviewItem = typeof ReviewItem.Type

/**
 * @since 0.1.0
 */
export interface Submitted {
  readonly reviewId: string
  readonly created: boolean
}

/**
 * @since 0.1.0
 */
export interface Service {
  readonly submit: (item: ReviewItem) => Effect.Effect<Submitted, Errors.DomainError>
}

/**
 * The host application's provider of the capability.
 *
 * @since 0.1.0
 */
export class ReviewQueue extends Context.Tag("@bashke/plugin-sdk/ReviewQueue")<
  ReviewQueue,
  CapabilityProvider<Service>
>() {}
