/**
 * The port through which reports learn each mechanism's action-plan
 * implementation level for a period. {@link layerActionPlans} computes it with
 * `@bashke/action-plan`'s own rule (`ImplementationLevel.compute`) over the
 * plans its repository port holds; {@link layerTest} answers from a list.
 */
import { ActionPlanRepository, ImplementationLevel } from "@bashke/action-plan"
import type { Id } from "@bashke/kernel"
import { Context, Effect, Layer } from "effect"
import type { ReportPeriod } from "./ReportPeriod"

/**
 * A mechanism's level: the activities due in the period and completed, and
 * their weighted share (`null` when nothing was due).
 */
export interface PlanLevel {
  readonly mechanismId: Id.MechanismId
  readonly level: ImplementationLevel.Level
}

export interface Service {
  /** The levels of those of `mechanisms` that have a plan for the period. */
  readonly levels: (
    mechanisms: ReadonlyArray<Id.MechanismId>,
    period: ReportPeriod,
  ) => Effect.Effect<ReadonlyArray<PlanLevel>>
}

export class PlanImplementation extends Context.Tag("@bashke/reporting/PlanImplementation")<
  PlanImplementation,
  Service
>() {}

/**
 * From `@bashke/action-plan`'s repository: each mechanism's plans that were
 * adopted (not drafts) and overlap the period, their activities taken
 * together.
 */
export const layerActionPlans: Layer.Layer<PlanImplementation, never, ActionPlanRepository.ActionPlanRepository> =
  Layer.effect(
    PlanImplementation,
    Effect.map(ActionPlanRepository.ActionPlanRepository, (repository) => ({
      levels: (mechanisms, period) =>
        Effect.forEach(mechanisms, (mechanismId) =>
          Effect.map(repository.byMechanism(mechanismId), (plans) => {
            const current = plans.filter(
              (plan) => plan.status !== "draft" && plan.period.start <= period.end && plan.period.end >= period.start,
            )
            return current.length === 0
              ? []
              : [
                  {
                    mechanismId,
                    level: ImplementationLevel.compute(
                      current.flatMap((plan) => plan.activities),
                      period,
                    ),
                  },
                ]
          }),
        ).pipe(Effect.map((levels) => levels.flat())),
    })),
  )

/**
 * A test layer answering from a list, whatever the period.
 */
export const layerTest = (levels: ReadonlyArray<PlanLevel>): Layer.Layer<PlanImplementation> =>
  Layer.succeed(PlanImplementation, {
    levels: (mechanisms) => Effect.succeed(levels.filter((level) => mechanisms.includes(level.mechanismId))),
  })
