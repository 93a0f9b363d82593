/**
 * A safety plan: measures agreed for the survivor's (and children's) safety,
 * each owned by one institution of the case team and reviewed by a date. A
 * measure is a kind from a list (labels `case.safety.measure.<kind>`), not free
 * text: the plan is shown in case conferences, where a typed-in address or
 * name would leak.
 */
import { CivilDate, Errors, Id } from "@bashke/kernel"
import { Either, Schema } from "effect"

/**
 * A safety measure's id.
 */
export const SafetyMeasureId: Id.IdSchema<"SafetyMeasureId"> = Id.make("SafetyMeasureId")

export type SafetyMeasureId = typeof SafetyMeasureId.Type

/**
 * The kinds of measure.
 */
export const MeasureKind = Schema.Literal(
  "safe-accommodation",
  "emergency-contact-plan",
  "police-patrols",
  "alarm-or-phone",
  "school-informed",
  "child-protection-plan",
  "legal-aid",
  "counselling",
  "health-care",
  "financial-support",
  "employment-support",
  "protection-order-application",
  "other",
).annotations({
  identifier: "SafetyMeasureKind",
  message: () => ({ message: "case.safety.measure.kind-unknown", override: true }),
})

export type MeasureKind = typeof MeasureKind.Type

/**
 * Whether a measure is still to do, done, or dropped.
 */
export const MeasureStatus = Schema.Literal("open", "done", "cancelled").annotations({
  identifier: "SafetyMeasureStatus",
})

export type MeasureStatus = typeof MeasureStatus.Type

/**
 * A measure: what, which institution owns it, when it is reviewed, its status.
 */
export const Measure = Schema.Struct({
  id: SafetyMeasureId,
  kind: MeasureKind,
  owner: Id.InstitutionId,
  reviewOn: CivilDate.CivilDate,
  status: MeasureStatus,
}).annotations({ identifier: "SafetyMeasure" })

export type Measure = typeof Measure.Type

/**
 * A safety plan: its measures.
 */
export const SafetyPlan = Schema.Struct({
  measures: Schema.Array(Measure),
}).annotations({ identifier: "SafetyPlan" })

export type SafetyPlan = typeof SafetyPlan.Type

/**
 * An empty plan.
 */
export const empty: SafetyPlan = { measures: [] }

/**
 * The rules on a measure at position `index`: its owner is on the case team,
 * `team` (`case.safety.owner-not-in-team`); a new measure is not reviewed in the
 * past, before `today` (`case.safety.review-in-past`).
 */
export const validateMeasure = (
  measure: Measure,
  index: number,
  team: ReadonlySet<Id.InstitutionId>,
  today: CivilDate.CivilDate,
): Either.Either<Measure, Errors.InvalidInput> => {
  if (!team.has(measure.owner))
    return Either.left(
      new Errors.InvalidInput({ field: `safetyPlan.measures.${index}.owner`, rule: "case.safety.owner-not-in-team" }),
    )
  if (measure.status === "open" && measure.reviewOn < today)
    return Either.left(
      new Errors.InvalidInput({ field: `safetyPlan.measures.${index}.reviewOn`, rule: "case.safety.review-in-past" }),
    )
  return Either.right(measure)
}

/**
 * The measures still open.
 */
export const openMeasures = (plan: SafetyPlan): ReadonlyArray<Measure> =>
  plan.measures.filter((measure) => measure.status === "open")

/**
 * The open measures whose review day is `today` or earlier.
 */
export const dueForReview = (plan: SafetyPlan, today: CivilDate.CivilDate): ReadonlyArray<Measure> =>
  openMeasures(plan).filter((measure) => measure.reviewOn <= today)

/**
 * The catalogue key of a measure kind's label.
 */
export const kindLabelKey = (kind: MeasureKind): `case.safety.measure.${MeasureKind}` => `case.safety.measure.${kind}`
