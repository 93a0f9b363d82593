/**
 * A plan's lifecycle: `draft` → `adopted` → `in-implementation` → `evaluated`.
 * Only a draft's content (objectives, activities, indicators) changes; progress
 * (activity status, measurements) is recorded once adopted and until evaluated;
 * an evaluated plan is final.
 */
import { Errors } from "@bashke/kernel"
import { Either, Schema } from "effect"
import type { ActionPlan, Status } from "./ActionPlan"
import * as PlanRevision from "./PlanRevision"

/**
 * A command to a plan.
 */
export const Command = Schema.Literal("adopt", "start-implementation", "evaluate").annotations({
  identifier: "ActionPlanCommand",
})

export type Command = typeof Command.Type

/**
 * The lifecycle as data: each command, the status it needs and the status it leads to.
 */
export const transitions: Readonly<Record<Command, { readonly from: Status; readonly to: Status }>> = {
  adopt: { from: "draft", to: "adopted" },
  "start-implementation": { from: "adopted", to: "in-implementation" },
  evaluate: { from: "in-implementation", to: "evaluated" },
}

/**
 * The status after `command`, or `InvalidTransition`.
 */
export const next = (status: Status, command: Command): Either.Either<Status, Errors.InvalidTransition> => {
  const step = transitions[command]
  return step.from === status
    ? Either.right(step.to)
    : Either.left(new Errors.InvalidTransition({ entity: "ActionPlan", from: status, command }))
}

/**
 * The plan after `command` at `at`, or `InvalidTransition`.
 */
export const transition = (
  plan: ActionPlan,
  command: Command,
  at: Date,
): Either.Either<ActionPlan, Errors.InvalidTransition> =>
  Either.map(next(plan.status, command), (status) => ({ ...plan, status, updatedAt: at }))

/**
 * Whether the plan's content may still change (a draft), else `InvalidTransition` for `command`.
 */
export const acceptsEdits = (plan: ActionPlan, command: string): Either.Either<ActionPlan, Errors.InvalidTransition> =>
  plan.status === "draft"
    ? Either.right(plan)
    : Either.left(new Errors.InvalidTransition({ entity: "ActionPlan", from: plan.status, command }))

/**
 * Whether progress may be recorded (adopted or in implementation), else `InvalidTransition` for `command`.
 */
export const acceptsProgress = (
  plan: ActionPlan,
  command: string,
): Either.Either<ActionPlan, Errors.InvalidTransition> =>
  plan.status === "adopted" || plan.status === "in-implementation"
    ? Either.right(plan)
    : Either.left(new Errors.InvalidTransition({ entity: "ActionPlan", from: plan.status, command }))

/**
 * Whether the plan's content may be revised: a draft only. An adopted plan's
 * content is what the mechanism adopted, so a revision is refused with
 * `Conflict` `action-plan.plan.not-draft` (record progress instead, or draft a
 * new plan), naming the first field the revision changes
 * (`PlanRevision.firstChange`) — or the plan's `title`, the form's first
 * field, when it changes none — so the refusal shows beside what was edited.
 */
export const acceptsRevision = (
  plan: ActionPlan,
  revised: PlanRevision.Revised,
): Either.Either<ActionPlan, Errors.Conflict> =>
  plan.status === "draft"
    ? Either.right(plan)
    : Either.left(
        new Errors.Conflict({
          entity: "ActionPlan",
          id: plan.id,
          rule: "action-plan.plan.not-draft",
          field: PlanRevision.firstChange(plan, revised) ?? "title",
        }),
      )
