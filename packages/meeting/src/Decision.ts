/**
 * A decision recorded at a meeting: its text (stored sealed: it may name
 * people), when it is about a case the case's id, and when an institution is
 * to carry it out, that institution (a member on the meeting's date) and the
 * day it is due by.
 */
import { CivilDate, Id } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * The id of a decision.
 */
export const DecisionId: Id.IdSchema<"DecisionId"> = Id.make("DecisionId")

export type DecisionId = typeof DecisionId.Type

/**
 * The longest decision text, in characters.
 */
export const maxTextLength = 5000

/**
 * What was decided: 1 to 5000 characters.
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
 */
export const Decision = Schema.Struct({
  id: DecisionId,
  meetingId: Id.MeetingId,
  mechanismId: Id.MechanismId,
  text: DecisionText,
  caseId: Schema.optional(Id.CaseId),
  /** The member institution that carries the decision out, if one does. */
  owner: Schema.optional(Id.InstitutionId),
  /** The day it is due by; only with an owner. */
  dueDate: Schema.optional(CivilDate.CivilDate),
  recordedAt: Schema.Date,
  recordedBy: Id.PrincipalId,
}).annotations({ identifier: "Decision" })

export type Decision = typeof Decision.Type

/**
 * Whether the decision is case data: it is about a case (its `caseId`, and a
 * text written about that case). Only those who see case data read it
 * (`MeetingPolicy.seesCaseData`).
 */
export const concernsCase = (decision: Pick<Decision, "caseId">): boolean => decision.caseId !== undefined
