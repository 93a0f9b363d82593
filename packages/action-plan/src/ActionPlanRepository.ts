/**
 * The port through which plans are stored. Effects fail only with the kernel's
 * `NotFound` and `Conflict`. The SQL adapter is `SqlActionPlanRepository`.
 */
import type { Errors, Id } from "@bashke/kernel"
import type { Effect } from "effect"
import { Context } from "effect"
import type { ActionPlan, Status } from "./ActionPlan"
import type { PlanRevision } from "./PlanRevision"

export interface Service {
  /** Stores a new plan (version 1). */
  readonly insert: (plan: ActionPlan) => Effect.Effect<void>
  /** Stores a changed plan if its stored version is still `expectedVersion`; returns it with the new version. */
  readonly update: (
    plan: ActionPlan,
    expectedVersion: number,
  ) => Effect.Effect<ActionPlan, Errors.NotFound | Errors.Conflict>
  readonly find: (id: Id.ActionPlanId) => Effect.Effect<ActionPlan, Errors.NotFound>
  /** The mechanism's plans, latest period first. */
  readonly byMechanism: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<ActionPlan>>
  /**
   * At most `limit` of the mechanism's plans by id (the order they were
   * drafted) after `after`, of one status when given (migration 3's indexes).
   */
  readonly page: (
    mechanismId: Id.MechanismId,
    step: {
      readonly after?: Id.ActionPlanId | undefined
      readonly limit: number
      readonly status?: Status | undefined
    },
  ) => Effect.Effect<ReadonlyArray<ActionPlan>>
  /** Appends a draft's revision (the content it replaced), in the caller's transaction. */
  readonly addRevision: (revision: PlanRevision) => Effect.Effect<void>
  /** A plan's revisions, oldest first. */
  readonly revisions: (planId: Id.ActionPlanId) => Effect.Effect<ReadonlyArray<PlanRevision>>
}

export class ActionPlanRepository extends Context.Tag("@bashke/action-plan/ActionPlanRepository")<
  ActionPlanRepository,
  Service
>() {}
