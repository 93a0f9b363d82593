/**
 * One protection order of the case, for any member of its team
 * (`case.summary.read`): an order holds codes and dates only, no identifying
 * detail. What a court's sync compares an update with (its hearing in force).
 * Writes nothing.
 *
 * Fails with `InvalidInput`, `Forbidden` or `NotFound` (the case, also of
 * another mechanism, or the order).
 */
import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import { ReadOrder } from "../CaseCommands"
import * as CaseUseCase from "../internal/CaseUseCase"
import { allow, loadCase, type Refusal } from "../internal/Steps"
import type * as ProtectionOrder from "../ProtectionOrder"

/** The order. */
export const readOrder: CaseUseCase.Of<typeof ReadOrder, ProtectionOrder.ProtectionOrder, Refusal> = CaseUseCase.read({
  span: "CaseService.readOrder",
  command: ReadOrder,
  load: (input) => loadCase(input.caseId),
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      yield* allow(s, "case.summary.read", aCase)
      const order = aCase.orders.find((o) => o.id === input.orderId)
      if (order === undefined)
        return yield* Effect.fail(new Errors.NotFound({ entity: "ProtectionOrder", id: input.orderId }))
      return order
    }),
  write: (order) => Effect.succeed(order),
})
