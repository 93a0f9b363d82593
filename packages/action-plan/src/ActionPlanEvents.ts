/**
 * The events the action-plan package writes to the outbox, one per command, in
 * the same transaction as the change. Payloads hold ids, codes and numbers only.
 */
import type { Id } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import type { Effect } from "effect"
import type { ActivityStatus, Status, Unit } from "./ActionPlan"
import type { FrameworkCode } from "./Framework"

/**
 * Each topic and its payload.
 */
export interface Payloads {
  readonly "action-plan.plan.created": {
    readonly planId: string
    readonly mechanismId: string
    readonly framework: FrameworkCode
    readonly periodStart: string
    readonly periodEnd: string
    readonly objectives: number
    readonly activities: number
    readonly indicators: number
  }
  readonly "action-plan.plan.revised": {
    readonly planId: string
    readonly mechanismId: string
    readonly objectives: number
    readonly activities: number
    readonly indicators: number
  }
  readonly "action-plan.plan.status-changed": {
    readonly planId: string
    readonly mechanismId: string
    readonly from: Status
    readonly to: Status
  }
  readonly "action-plan.activity.status-changed": {
    readonly planId: string
    readonly mechanismId: string
    readonly activityId: string
    readonly from: ActivityStatus
    readonly to: ActivityStatus
  }
  readonly "action-plan.indicator.measured": {
    readonly planId: string
    readonly mechanismId: string
    readonly indicatorId: string
    readonly value: number
    readonly unit: Unit
    readonly date: string
    readonly endline: boolean
  }
}

export type Topic = keyof Payloads

/**
 * Appends an event for the plan (the aggregate) to the outbox.
 */
export const append = <T extends Topic>(
  topic: T,
  planId: Id.ActionPlanId,
  payload: Payloads[T],
): Effect.Effect<Id.EventId, never, SqlClient.SqlClient | Id.IdGenerator> =>
  Outbox.append({ topic, aggregateType: "ActionPlan", aggregateId: planId, payload })
