/**
 * Break-glass: an emergency read of identifying details outside the consent
 * rules, by someone who would otherwise be refused. It is allowed narrowly and
 * never quietly:
 *
 * - only a principal with the `case-worker` role, acting for an institution on
 *   the case team with `full` access, may break glass (a summary-access
 *   member, a representative, the coordinator — who reviews break-glass reads
 *   — and everyone off the team may not);
 * - the request names a reason code from the closed list {@link ReasonCode}
 *   and a written reason of at least {@link minimumReasonLength} characters
 *   (a sentence, not a dot);
 * - every read is audited flagged, raises an alert for the coordinator and the
 *   case lead, and waits in a review list until the coordinator closes it with
 *   a verdict (the case package does this: `BreakGlassReviews`).
 *
 * The rules are in `AccessPolicy.decide` (`break-glass.read`,
 * `break-glass.review`); this module holds their vocabulary.
 */
import { Schema } from "effect"

/**
 * Why glass was broken, from a closed list (each a catalogue label,
 * `break-glass.code.<code>`):
 *
 * - `imminent-danger`: a risk to someone's life or safety now;
 * - `child-at-risk`: a child's safety requires it;
 * - `medical-emergency`: emergency care requires the details;
 * - `person-missing`: the victim or a child cannot be found.
 */
export const ReasonCode = Schema.Literal(
  "imminent-danger",
  "child-at-risk",
  "medical-emergency",
  "person-missing",
).annotations({
  identifier: "BreakGlassReasonCode",
  message: () => ({ message: "policy.break-glass.code-unknown", override: true }),
})

export type ReasonCode = typeof ReasonCode.Type

/**
 * Every reason code, in the list's order.
 */
export const reasonCodes: ReadonlyArray<ReasonCode> = ReasonCode.literals

/**
 * The shortest written reason accepted, in characters once trimmed: long
 * enough for a sentence that says what the emergency was.
 */
export const minimumReasonLength = 20

/**
 * Whether a written reason is long enough (blank is not).
 */
export const isMeaningful = (reason: string | undefined): boolean =>
  reason !== undefined && reason.trim().length >= minimumReasonLength

/**
 * The catalogue key of a reason code's label.
 */
export const codeLabelKey = (code: ReasonCode): `break-glass.code.${ReasonCode}` => `break-glass.code.${code}`
