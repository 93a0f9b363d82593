/**
 * Orders expire by themselves: a round finds the issued or extended orders
 * whose end has passed and moves each to `expired`, at its end date, with the
 * history's `expired` entry and the outbox event `case.protection-order.expired`
 * (`automatic: true`), so nobody has to remember to record it and the police
 * never read an order as in force after its term.
 *
 * Each order expires in its own transaction, after claiming its case (the
 * case's version moves, so an edit decided on the case before is a 412). An
 * order a concurrent change already moved (extended, expired by hand) is left
 * as it is; a case claimed concurrently is tried again next round. The round
 * reads time from the `Clock` (a `TestClock` in tests).
 */
import { Errors, type Id, Instant, JurisdictionProfile, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, Either, Option } from "effect"
import { aggregateType } from "./CaseEvents"
import { CaseRepository } from "./CaseRepository"
import type * as ProtectionOrder from "./ProtectionOrder"
import * as ProtectionOrderLifecycle from "./ProtectionOrderLifecycle"

/**
 * How many orders one round expires at most: a backlog (a server that was
 * down) drains over a few rounds instead of one long one.
 */
export const roundSize = 100

/**
 * Whether `order` is due to expire at `at`: in force by its status, with an
 * end at or before `at`.
 */
export const isDue = (order: Pick<ProtectionOrder.ProtectionOrder, "status" | "expiresAt">, at: Date): boolean =>
  (order.status === "issued" || order.status === "extended") &&
  order.expiresAt !== undefined &&
  order.expiresAt.getTime() <= at.getTime()

/** Expires one order of a case, if it is still due; whether it did. */
const expireOne = (caseId: Id.CaseId, orderId: Id.ProtectionOrderId, now: Date) =>
  Effect.gen(function* () {
    const cases = yield* CaseRepository
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    return yield* Transaction.run(
      Effect.gen(function* () {
        const found = yield* cases.find(caseId)
        if (Option.isNone(found)) return false
        const aCase = found.value
        const index = aCase.orders.findIndex((order) => order.id === orderId)
        const order = aCase.orders[index]
        if (order === undefined || order.expiresAt === undefined || !isDue(order, now)) return false
        const at = order.expiresAt
        const expired = ProtectionOrderLifecycle.apply(
          order,
          ProtectionOrderLifecycle.Event.Expired({ at }),
          index,
          profile,
        )
        // An order whose dates the lifecycle refuses to close is a defect to look into, not a reason to stop the round.
        if (Either.isLeft(expired)) return yield* Effect.logWarning("order.expiry.refused").pipe(Effect.as(false))
        yield* cases.update(aCase, aCase.version)
        yield* cases.updateOrder(aCase.id, expired.right, { event: "expired", at, recordedAt: now })
        yield* Outbox.append({
          topic: "case.protection-order.expired",
          aggregateType,
          aggregateId: aCase.id,
          payload: {
            caseId: aCase.id,
            mechanismId: aCase.mechanismId,
            orderId: order.id,
            kind: order.kind,
            status: "expired",
            issuedAt: order.issuedAt?.toISOString() ?? null,
            expiresAt: at.toISOString(),
            automatic: true,
          },
        })
        return true
      }),
    ).pipe(
      // A concurrent change claimed the case first: next round.
      Effect.catchIf(
        (error): error is Errors.Conflict | Errors.NotFound =>
          error instanceof Errors.Conflict || error instanceof Errors.NotFound,
        () => Effect.succeed(false),
      ),
    )
  })

/**
 * One round: expires every order past its end (up to {@link roundSize}) and
 * answers how many it expired.
 */
export const expireDue: Effect.Effect<number, never, CaseRepository | SqlClient.SqlClient | Id.IdGenerator> =
  Effect.gen(function* () {
    const now = yield* Instant.now
    const due = yield* Effect.flatMap(CaseRepository, (cases) => cases.ordersPastExpiry(now, roundSize))
    let expired = 0
    for (const { caseId, orderId } of due) if (yield* expireOne(caseId, orderId, now)) expired += 1
    return expired
  }).pipe(Span.untraced("OrderExpiry.expireDue"))
