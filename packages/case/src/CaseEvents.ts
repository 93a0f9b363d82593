/**
 * The events the case package announces on the outbox, `case.<entity>.<event>`,
 * each written in the transaction of the change it announces. Payloads carry
 * ids and codes only — never a name, personal number, address, phone or any
 * other personal detail — so plugins and dispatchers can log them freely.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The outbox topics of the case package, `case.<entity>.<event>`. Every
 * payload carries ids and codes only.
 *
 * @since 0.1.0
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
  "case.consent.withdrawn",
  "case.team.changed",
  "case.break-glass.denied",
)

/**
 * @since 0.1.0
 */
export type Topic = typeof Topic.Type

/**
 * The aggregate type of every case event.
 *
 * @since 0.1.0
 */
export const aggregateType = "Case"

/**
 * The catalogue key of a topic's label (`case.event.case.opened`), in `caseStoreMessages`.
 *
 * @since 0.1.0
 */
export const topicLabelKey = (topic: Topic): string => `case.event.${topic.slice("case.".length)}`
