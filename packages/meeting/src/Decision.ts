/**
 * A decision recorded at a meeting: its text (stored sealed: it may name
 * people) and, when it is about a case, the case's id.
 *
 * @since 0.1.0
 */
import { Id } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * The id of a decision.
 *
 * @since 0.1.0
 */
export const DecisionId: Id.IdSchema<"DecisionId"> = Id.make("DecisionId")

/**
 * @since 0.1.0
 */
export type DecisionId = typeof DecisionId.Type

/**
 * The longest decision text, in characters.
 *
 * @since 0.1.0
 */
export const maxTextLength = 5000

/**
 * What was decided: 1 to 5000 characters.
 *
 * @since 0.1.0
 */
export const DecisionText = Schema.String.pipe(
  Schema.filter((s) => (s.trim().length > 0 && s.length <= maxTextLength) || "meeting.decision.invalid", {
    identifier: "DecisionText",
    arbitrary: () => (fc) =>
      fc
        .string({ minLength: 1, maxLength: 40 })
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
  }),
)

/**
 * A decision.
 *
 * @since 0.1.0
 */
export const Decision = Schema.Struct({
  id: DecisionId,
  meetingId: Id.MeetingId,
  mechanismId: Id.MechanismId,
  text: DecisionText,
  caseId: Schema.optional(Id.CaseId),
  recordedAt: Schema.Date,
  recordedBy: Id.PrincipalId,
}).annotations({ identifier: "Decision" })

/**
 * @since 0.1.0
 */
export type Decision = typeof Decision.Type

/**
 * Whether the decision is case data: it is about a case (its `caseId`, and a
 * text written about that case). Only those who see case data read it
 * (`MeetingPolicy.seesCaseData`).
 *
 * @since 0.1.0
 */
export const concernsCase = (decision: Pick<Decision, "caseId">): boolean => decision.caseId !== undefined
