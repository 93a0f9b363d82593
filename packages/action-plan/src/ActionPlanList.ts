/**
 * A mechanism's plans for those who may read them (`ActionPlanPolicy`), in the
 * order they were drafted, of one status if asked.
 */
import { type Errors, type Id, Principal } from "@bashke/kernel"
import { Effect } from "effect"
import type * as ActionPlan from "./ActionPlan"
import * as ActionPlanPolicy from "./ActionPlanPolicy"
import { ActionPlanRepository } from "./ActionPlanRepository"

/** The mechanism's plans, of `status` when given (`action-plan.plan.read-denied` for a caller who may not read them). */
export const forMechanism = (
  mechanismId: Id.MechanismId,
  status?: ActionPlan.Status,
): Effect.Effect<
  ReadonlyArray<ActionPlan.ActionPlan>,
  Errors.Forbidden,
  ActionPlanRepository | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    yield* ActionPlanPolicy.requireListReader(yield* Principal.CurrentPrincipal, mechanismId)
    const plans = yield* Effect.flatMap(ActionPlanRepository, (repository) => repository.byMechanism(mechanismId))
    return plans.filter((plan) => status === undefined || plan.status === status)
  })
