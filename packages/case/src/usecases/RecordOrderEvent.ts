/**
 * Something happens to an order of the case (`case.write`): the court issues
 * or rejects it, it is extended or expires, a breach is reported, or a hearing
 * is scheduled; the order's lifecycle says which may follow which. The case's
 * new version, the order with its event and the outbox event are written in
 * one transaction; a breach's event carries the case's risk and its grounds
 * for a conference, a hearing's event when and where it is held.
 *
 * Fails with `InvalidInput` naming the field (`until` of an extension,
 * `hearingAt` of a hearing), `Forbidden`, `NotFound` (the order),
 * `InvalidTransition` or `Conflict` (`version.stale`).
 */
import { Errors } from "@bashke/kernel"
import { Effect } from "effect"
import * as Case from "../Case"
import { type OrderEventName, RecordOrderEvent } from "../CaseCommands"
import type { Topic } from "../CaseEvents"
import { CaseRepository } from "../CaseRepository"
import * as CaseSummary from "../CaseSummary"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import { orderDates } from "../internal/OrderDates"
import type { Changing } from "../internal/Steps"
import type * as ProtectionOrder from "../ProtectionOrder"
import * as ProtectionOrderLifecycle from "../ProtectionOrderLifecycle"

const orderTopics: Record<typeof OrderEventName.Type, Topic> = {
  issued: "case.protection-order.issued",
  rejected: "case.protection-order.rejected",
  extended: "case.protection-order.extended",
  expired: "case.protection-order.expired",
  "breach-recorded": "case.protection-order.breached",
  "hearing-scheduled": "case.protection-order.hearing-scheduled",
}

const lifecycleEvent = (
  input: typeof RecordOrderEvent.Type,
): Effect.Effect<ProtectionOrderLifecycle.Event, Errors.InvalidInput> => {
  const { Event } = ProtectionOrderLifecycle
  switch (input.event) {
    case "issued":
      return Effect.succeed(Event.Issued({ at: input.at, expiresAt: input.expiresAt }))
    case "rejected":
      return Effect.succeed(Event.Rejected({ at: input.at }))
    case "extended":
      return input.until === undefined
        ? Effect.fail(new Errors.InvalidInput({ field: "until", rule: "case.input.invalid" }))
        : Effect.succeed(Event.Extended({ at: input.at, until: input.until }))
    case "expired":
      return Effect.succeed(Event.Expired({ at: input.at }))
    case "breach-recorded":
      return Effect.succeed(Event.BreachRecorded({ at: input.at, reportedBy: input.reportedBy }))
    case "hearing-scheduled":
      return input.hearingAt === undefined
        ? Effect.fail(new Errors.InvalidInput({ field: "hearingAt", rule: "case.input.invalid" }))
        : Effect.succeed(Event.HearingScheduled({ at: input.at, hearingAt: input.hearingAt, court: input.court }))
  }
}

/** Records the event and answers the order as it now is. */
export const recordOrderEvent: CaseUseCase.Of<typeof RecordOrderEvent, ProtectionOrder.ProtectionOrder, Changing> =
  CaseChange.make({
    span: "CaseService.recordOrderEvent",
    command: RecordOrderEvent,
    decide: ({ aCase, s }, input) =>
      Effect.gen(function* () {
        const index = aCase.orders.findIndex((order) => order.id === input.orderId)
        const order = aCase.orders[index]
        if (order === undefined)
          return yield* Effect.fail(new Errors.NotFound({ entity: "ProtectionOrder", id: input.orderId }))
        const event = yield* lifecycleEvent(input)
        const changed = yield* ProtectionOrderLifecycle.apply(order, event, index, s.profile)
        const updated: Case.Case = { ...aCase, orders: aCase.orders.map((o) => (o.id === changed.id ? changed : o)) }
        return { changed, updated }
      }),
    write: ({ changed }, { aCase, s }, input) => {
      const { event, at, until, reportedBy, hearingAt, court } = input
      return Effect.as(
        Effect.flatMap(CaseRepository, (cases) =>
          cases.updateOrder(aCase.id, changed, { event, at, until, reportedBy, hearingAt, court, recordedAt: s.at }),
        ),
        changed,
      )
    },
    events: ({ changed, updated }, { s }, input) => [
      {
        topic: orderTopics[input.event],
        payload: {
          orderId: changed.id,
          kind: changed.kind,
          status: changed.status,
          ...orderDates(changed),
          // A breach raises the risk (see `Case.currentRisk`) and is a ground
          // for a conference: both are announced with it.
          ...(input.event === "breach-recorded"
            ? {
                at: input.at.toISOString(),
                riskLevel: Case.currentRisk(updated) ?? null,
                conferenceReasons: CaseSummary.summarize(updated, s.at, s.profile).conferenceReasons,
              }
            : {}),
          ...(input.event === "hearing-scheduled" && input.hearingAt !== undefined
            ? {
                hearingAt: input.hearingAt.toISOString(),
                scheduledAt: input.at.toISOString(),
                court: input.court ?? null,
              }
            : {}),
        },
      },
    ],
  })
