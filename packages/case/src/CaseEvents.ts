/**
 * The events the case package announces on the outbox, `case.<entity>.<event>`,
 * each written in the transaction of the change it announces. Payloads carry
 * ids and codes only — never a name, personal number, address, phone or any
 * other personal detail — so plugins and dispatchers can log them freely.
 */
import { Schema } from "effect"

/**
 * The outbox topics of the case package, `case.<entity>.<event>`. Every
 * payload carries ids and codes only.
 *
 * Two topics are notices for people, which the notifications turn into
 * messages:
 *
 * - `case.consent.lead-notice`: a consent of the case was recorded, confirmed
 *   or withdrawn — for the case's lead institution. Payload: `caseId`,
 *   `consentId`, `lead` (the lead institution), `change` (`recorded`,
 *   `confirmed`, `withdrawn`), `awaitingConfirmation` (whether it counts only
 *   once a second person confirms it: the lead or the coordinator should
 *   act), `principalId` and `institutionId` of who did it.
 * - `case.break-glass.alert`: someone read identifying details by breaking
 *   glass — for the mechanism's coordinator and the case's lead institution.
 *   Payload: `caseId`, `mechanismId`, `lead`, `reviewId` (the review the
 *   coordinator must close), `personId`, `principalId`, `institutionId`,
 *   `code` (the reason code; never the written reason).
 */
export const Topic = Schema.Literal(
  "case.case.opened",
  "case.case.transitioned",
  "case.case.reviewed",
  "case.person.added",
  "case.incident.recorded",
  "case.risk.assessed",
  "case.protection-order.requested",
  "case.protection-order.issued",
  "case.protection-order.rejected",
  "case.protection-order.extended",
  "case.protection-order.expired",
  "case.protection-order.breached",
  "case.protection-order.hearing-scheduled",
  "case.safety-measure.added",
  "case.safety-measure.updated",
  "case.consent.given",
  "case.consent.confirmed",
  "case.consent.withdrawn",
  "case.consent.lead-notice",
  "case.team.changed",
  "case.break-glass.denied",
  "case.break-glass.alert",
  "case.break-glass.reviewed",
  "case.note.written",
  "case.note.corrected",
  "case.survivor.informed",
  "case.person.corrected",
  "case.incident.corrected",
  "case.safe-contact.recorded",
  "case.protection-order.conditions-corrected",
  "case.transfer.proposed",
  "case.transfer.accepted",
  "case.transfer.declined",
  "case.case.erased",
)

export type Topic = typeof Topic.Type

/**
 * The aggregate type of every case event.
 */
export const aggregateType = "Case"

/**
 * The catalogue key of a topic's label (`case.event.case.opened`), in `caseStoreMessages`.
 */
export const topicLabelKey = (topic: Topic): string => `case.event.${topic.slice("case.".length)}`
