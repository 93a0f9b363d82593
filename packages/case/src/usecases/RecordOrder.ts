/**
 * A protection order is recorded on the case (`case.write`): a request to the
 * court, or an order the police issued (its expiry computed from the profile
 * unless given), with conditions that name persons of the case. The case's
 * new version, the order with its first event and the outbox event
 * (`requested` or `issued`) are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`, `NotFound` or
 * `Conflict` (`version.stale`).
 */
import { Id } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Case from "../Case"
import { RecordOrder } from "../CaseCommands"
import { CaseRepository, type OrderEvent } from "../CaseRepository"
import * as CaseUseCase from "../internal/CaseUseCase"
import { orderDates } from "../internal/OrderDates"
import { admit, type Changing, claim, emit, loadCase } from "../internal/Steps"
import * as OrderCondition from "../OrderCondition"
import type * as ProtectionOrder from "../ProtectionOrder"
import * as ProtectionOrderLifecycle from "../ProtectionOrderLifecycle"

/** Records the order and answers it. */
export const recordOrder: CaseUseCase.Of<typeof RecordOrder, ProtectionOrder.ProtectionOrder, Changing> =
  CaseUseCase.change({
    span: "CaseService.recordOrder",
    command: RecordOrder,
    load: (input) => loadCase(input.caseId),
    decide: (loaded, input) =>
      Effect.gen(function* () {
        const { aCase, s } = loaded
        yield* admit(loaded)
        const started = yield* ProtectionOrderLifecycle.start(
          {
            id: yield* Id.ProtectionOrderId.generate,
            kind: input.kind,
            petitioner: input.petitioner,
            requestedAt: input.requestedAt,
            issuedAt: input.issuedAt,
            expiresAt: input.expiresAt,
          },
          aCase.orders.length,
          s.profile,
        )
        if (input.conditions !== undefined) yield* OrderCondition.validate(input.conditions, s.profile, aCase.persons)
        const order = input.conditions === undefined ? started : { ...started, conditions: input.conditions }
        const updated: Case.Case = { ...aCase, orders: [...aCase.orders, order] }
        const event: OrderEvent =
          order.status === "issued"
            ? { event: "issued", at: order.issuedAt ?? s.at, recordedAt: s.at }
            : { event: "requested", at: order.requestedAt ?? s.at, recordedAt: s.at }
        return { order, updated, event }
      }),
    write: ({ order, updated, event }, { aCase }, input) =>
      Effect.gen(function* () {
        yield* claim(updated, input.expectedVersion, aCase)
        yield* (yield* CaseRepository).insertOrder(aCase.id, order, event)
        yield* emit(
          order.status === "issued" ? "case.protection-order.issued" : "case.protection-order.requested",
          aCase.id,
          { orderId: order.id, kind: order.kind, status: order.status, ...orderDates(order) },
        )
        return order
      }),
  })
