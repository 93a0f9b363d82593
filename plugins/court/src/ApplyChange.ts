/**
 * Applies one inbox record — one court change — to the case package's orders
 * through `protection-orders:sync`.
 *
 * - `applied`: the order now shows the change (its deadline alerts follow).
 * - `unchanged`: the change was applied before (a crash between applying and
 *   the host marking the record done runs it again): nothing to do.
 * - `stale`: the order already shows a later decision (an "issued" arriving
 *   after the "extended" that followed it): ignored, never moved backwards.
 * - `unmatched`: no order with that reference and no case to attach it to.
 *   Never guessed: with `review-queue:write` granted it goes to a person's
 *   review (`order.case-unknown`) with the update as a proposal, which the
 *   host applies to the case the person chooses (under this change's id, so
 *   the change arriving again is `unchanged`); without it the record fails
 *   permanently (`order.unmatched`), a dead letter an administrator can
 *   replay once the case exists.
 */
import type { Hooks, ProtectionOrderSync, ReviewQueue } from "@bashke/plugin-sdk"
import { PluginFailure } from "@bashke/plugin-sdk"
import { Effect } from "effect"
import * as OrderChange from "./OrderChange"

/**
 * The capability services processing uses.
 */
export interface Services {
  readonly protectionOrders: ProtectionOrderSync.Service
  readonly reviewQueue?: ReviewQueue.Service | undefined
}

/**
 * What processing a record did.
 */
export type Outcome = ProtectionOrderSync.Applied["outcome"] | "review"

const withoutCase = ({ caseId: _, ...update }: ProtectionOrderSync.OrderUpdate) => update

export const apply = (services: Services, record: Hooks.InboxRecord): Effect.Effect<Outcome, PluginFailure.HookError> =>
  Effect.gen(function* () {
    const change = yield* OrderChange.decode(record.payload)
    const update = OrderChange.toOrderUpdate(record.source, change)
    const applied = yield* services.protectionOrders.apply(update)
    if (applied.outcome !== "unmatched") return applied.outcome
    if (services.reviewQueue === undefined)
      return yield* new PluginFailure.PluginFailure({ code: "order.unmatched", permanent: true })
    yield* services.reviewQueue.submit({
      source: record.source,
      recordId: record.recordId,
      reason: "order.case-unknown",
      // Sealed by the host: the reviewer sees what the court sent.
      details: record.payload,
      // The case the court named (if any) placed nothing: the person's choice replaces it.
      proposal: { _tag: "OrderUpdate", update: withoutCase(update) },
    })
    return "review" as const
  })
