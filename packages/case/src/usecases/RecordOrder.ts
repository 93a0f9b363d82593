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
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import { orderDates } from "../internal/OrderDates"
import type { Changing, Loaded } from "../internal/Steps"
import * as OrderCondition from "../OrderCondition"
import type * as ProtectionOrder from "../ProtectionOrder"
import * as ProtectionOrderLifecycle from "../ProtectionOrderLifecycle"

/** The order as it starts, its conditions checked. */
const started = ({ aCase, s }: Loaded, input: typeof RecordOrder.Type) =>
  Effect.gen(function* () {
    const { kind, petitioner, requestedAt, issuedAt, expiresAt, conditions } = input
    const id = yield* Id.ProtectionOrderId.generate
    const started = yield* ProtectionOrderLifecycle.start(
      { id, kind, petitioner, requestedAt, issuedAt, expiresAt },
      aCase.orders.length,
      s.profile,
    )
    if (conditions !== undefined) yield* OrderCondition.validate(conditions, s.profile, aCase.persons)
    const order = conditions === undefined ? started : { ...started, conditions }
    const updated: Case.Case = { ...aCase, orders: [...aCase.orders, order] }
    return { order, updated }
  })

/** Records the order and answers it. */
export const recordOrder: CaseUseCase.Of<typeof RecordOrder, ProtectionOrder.ProtectionOrder, Changing> =
  CaseChange.make({
    span: "CaseService.recordOrder",
    command: RecordOrder,
    decide: started,
    write: ({ order }, { aCase, s }) => {
      const event: OrderEvent =
        order.status === "issued"
          ? { event: "issued", at: order.issuedAt ?? s.at, recordedAt: s.at }
          : { event: "requested", at: order.requestedAt ?? s.at, recordedAt: s.at }
      return Effect.as(
        Effect.flatMap(CaseRepository, (cases) => cases.insertOrder(aCase.id, order, event)),
        order,
      )
    },
    events: ({ order }) => [
      {
        topic: order.status === "issued" ? "case.protection-order.issued" : "case.protection-order.requested",
        payload: { orderId: order.id, kind: order.kind, status: order.status, ...orderDates(order) },
      },
    ],
  })
