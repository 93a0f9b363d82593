/**
 * `review-queue:write` — hand a record to a person: an uncertain person
 * match, an order that matches no case. The plugin sees it as
 * `context.reviewQueue`. Nothing in the queue is merged automatically.
 *
 * Idempotent on the record: submitting the same `(source, recordId)` again
 * answers the existing item (`created: false`). The host seals `details` and
 * `proposal` (they may hold personal data from the record) and keeps only
 * codes in clear.
 *
 * An item may carry a `proposal`: what the plugin would have written had it
 * known the case. When a person resolves the item with a case (matched, or a
 * new case opened for it), the host applies the proposal to that case, under
 * the plugin's name and the item's `(source, recordId)` — so the record
 * arriving again later changes nothing.
 */
import type { Errors } from "@bashke/kernel"
import { Context, type Effect, Schema } from "effect"
import { ImportedIncident } from "./IncidentImport"
import { Candidate } from "./PersonMatch"
import type { CapabilityProvider } from "./PluginIdentity"
import { OrderUpdate } from "./ProtectionOrderSync"
import { RecordId, SourceName } from "./RecordRef"

/**
 * What to apply once a person chooses the case: the incident the plugin
 * would record (`incidents:import`) or the order update it would apply
 * (`protection-orders:sync`), without the case it could not name. Its
 * `source` and `recordId` must be the item's: the host's provenance and
 * idempotency key on them.
 */
export const Proposal = Schema.Union(
  Schema.TaggedStruct("Incident", { incident: ImportedIncident.omit("caseId") }),
  Schema.TaggedStruct("OrderUpdate", { update: OrderUpdate.omit("caseId") }),
).annotations({ identifier: "PluginReviewProposal" })

export type Proposal = typeof Proposal.Type

/**
 * An item for review. `reason` is a code (`person.match-uncertain`,
 * `order.case-unknown`); `proposal`, what to apply once a person chooses
 * the case (see {@link Proposal}).
 */
export const ReviewItem = Schema.Struct({
  source: SourceName,
  recordId: RecordId,
  reason: Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9.:_-]{0,99}$/)),
  candidates: Schema.optional(Schema.Array(Candidate)),
  details: Schema.optional(Schema.Unknown),
  proposal: Schema.optional(Proposal),
}).annotations({ identifier: "PluginReviewItem" })

export type ReviewItem = typeof ReviewItem.Type

/**
 * The record a proposal writes, whichever kind it is.
 */
export const recordOf = (proposal: Proposal): { readonly source: string; readonly recordId: string } =>
  proposal._tag === "Incident" ? proposal.incident : proposal.update

/**
 * The field of `item`'s proposal that names another record than the item
 * (`proposal.incident.recordId`, …), or `undefined` when it fits. The host
 * refuses such an item (`InvalidInput` naming the field): applied, the
 * proposal would be a second record the upstream never sent.
 */
export const proposalMismatch = (item: {
  readonly source: string
  readonly recordId: string
  readonly proposal?: Proposal | undefined
}): string | undefined => {
  if (item.proposal === undefined) return undefined
  const path = item.proposal._tag === "Incident" ? "proposal.incident" : "proposal.update"
  const record = recordOf(item.proposal)
  if (record.source !== item.source) return `${path}.source`
  if (record.recordId !== item.recordId) return `${path}.recordId`
  return undefined
}

/**
 * Whether a proposal may be attached to the case a person chose: a record
 * already imported (it matched after all, `imported` its case) is attached
 * only to the case it is in, never copied into a second one; a record never
 * imported fits any case the person may write to.
 */
export const fitsChosenCase = (imported: string | undefined, chosen: string): boolean =>
  imported === undefined || imported === chosen

export interface Submitted {
  readonly reviewId: string
  readonly created: boolean
}

export interface Service {
  readonly submit: (item: ReviewItem) => Effect.Effect<Submitted, Errors.DomainError>
}

/**
 * The host application's provider of the capability.
 */
export class ReviewQueue extends Context.Tag("@bashke/plugin-sdk/ReviewQueue")<
  ReviewQueue,
  CapabilityProvider<Service>
>() {}
