/**
 * A mechanism's plans for those who may read them (`ActionPlanPolicy`), in the
 * order they were drafted (by id), of one status if asked: a page at a time,
 * paged in SQL by keyset (ADR 0034), so a page costs the same however many
 * plans the mechanism keeps.
 */
import { Cursor, type Errors, Id, Pagination, Principal } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import type * as ActionPlan from "./ActionPlan"
import * as ActionPlanPolicy from "./ActionPlanPolicy"
import { ActionPlanRepository } from "./ActionPlanRepository"

/** A page request: `limit` plans after the `after` cursor of the previous page. */
export interface PageQuery {
  readonly limit: number
  readonly after?: string | undefined
}

const PlanKey = Schema.Tuple(Id.ActionPlanId)

/**
 * A page of the mechanism's plans, of `status` when given
 * (`action-plan.plan.read-denied` for a caller who may not read them,
 * `pagination.cursor.malformed` for a cursor that names no plan id).
 */
export const forMechanism = (
  mechanismId: Id.MechanismId,
  status: ActionPlan.Status | undefined,
  query: PageQuery,
): Effect.Effect<
  Pagination.Page<ActionPlan.ActionPlan>,
  Errors.Forbidden | Errors.InvalidInput,
  ActionPlanRepository | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    yield* ActionPlanPolicy.requireListReader(yield* Principal.CurrentPrincipal, mechanismId)
    const after = yield* Cursor.afterKey(PlanKey, query.after)
    const rows = yield* Effect.flatMap(ActionPlanRepository, (repository) =>
      repository.page(mechanismId, { after: after?.[0], limit: query.limit + 1, status }),
    )
    return Pagination.paginate(rows, query.limit, (plan) => [plan.id])
  })
