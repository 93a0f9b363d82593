/**
 * `protection-orders:sync` — apply a court's status updates to the case
 * package's protection orders (issued, extended, expired, breached, hearing
 * dates), which feed its deadline alerts. The plugin sees it as
 * `context.protectionOrders`.
 *
 * Updates may arrive twice and out of order (a pull and a webhook carry the
 * same update; an extension overtakes the issue). The host applies an update
 * only when it is newer (`at`) than the last one applied to the order:
 * an older one answers `stale`, a repeated one `unchanged`.
 */
import { type Errors, Id, Instant } from "@bashke/kernel"
import { Context, type Effect, Schema } from "effect"
import type { CapabilityProvider } from "./PluginIdentity"
import { RecordId, SourceName } from "./RecordRef"

/**
 * An order's status as a court reports it. `breached` records a breach; the
 * others are the case package's statuses.
 */
export const OrderStatus = Schema.Literal("requested", "issued", "rejected", "extended", "expired", "breached")

export type OrderStatus = typeof OrderStatus.Type

/**
 * One update. `orderReference` is the court's number for the order; `caseId`
 * is needed the first time an order is seen, later the reference finds it.
 */
export const OrderUpdate = Schema.Struct({
  source: SourceName,
  recordId: RecordId,
  orderReference: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9/.-]{0,59}$/)),
  caseId: Schema.optional(Id.CaseId),
  status: OrderStatus,
  /** When the court decided or the event happened: orders updates. */
  at: Instant.Instant,
  kind: Schema.optional(Schema.String),
  expiresAt: Schema.optional(Instant.Instant),
  hearingAt: Schema.optional(Instant.Instant),
}).annotations({ identifier: "PluginOrderUpdate" })

export type OrderUpdate = typeof OrderUpdate.Type

/**
 * What applying did: `applied`, `unchanged` (seen before), `stale` (older than
 * what the order already shows) or `unmatched` (no order or case to attach it
 * to: send it to the review queue).
 */
export const Applied = Schema.Struct({
  orderId: Schema.optional(Id.ProtectionOrderId),
  outcome: Schema.Literal("applied", "unchanged", "stale", "unmatched"),
}).annotations({ identifier: "PluginOrderApplied" })

export type Applied = typeof Applied.Type

export interface Service {
  readonly apply: (update: OrderUpdate) => Effect.Effect<Applied, Errors.DomainError>
}

/**
 * The host application's provider of the capability.
 */
export class ProtectionOrderSync extends Context.Tag("@bashke/plugin-sdk/ProtectionOrderSync")<
  ProtectionOrderSync,
  CapabilityProvider<Service>
>() {}
