/**
 * The events this package writes to the outbox, each in the same transaction as
 * the change it announces. Payloads carry identifiers only: never a name, a
 * contact or a document.
 */
import { Id } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * Every topic, `mechanism.<entity>.<event>`.
 */
export const topics = {
  created: "mechanism.mechanism.created",
  configured: "mechanism.mechanism.configured",
  coordinatorAppointed: "mechanism.mechanism.coordinator-appointed",
  activated: "mechanism.mechanism.activated",
  suspended: "mechanism.mechanism.suspended",
  resumed: "mechanism.mechanism.resumed",
  membershipAdded: "mechanism.membership.added",
  membershipRemoved: "mechanism.membership.removed",
  contactsReplaced: "mechanism.membership.contacts-replaced",
  memorandumPublished: "mechanism.memorandum.published",
  memorandumSigned: "mechanism.memorandum.signed",
  memorandumCountersigned: "mechanism.memorandum.countersigned",
} as const

export type Topic = (typeof topics)[keyof typeof topics]

/**
 * Whether an outbox topic is one of this package's.
 */
export const isTopic = (topic: string): topic is Topic => (Object.values(topics) as Array<string>).includes(topic)

/**
 * An event of this package as a subscriber sees it: the topic and the
 * mechanism it concerns (the outbox's `aggregateId`).
 */
export interface Announcement {
  readonly topic: Topic
  readonly mechanismId: Id.MechanismId
}

/**
 * The aggregate type every event of this package names.
 */
export const aggregateType = "Mechanism"

/**
 * The payload of the mechanism's own events (created, configured, activated,
 * suspended, resumed).
 */
export const MechanismChanged = Schema.Struct({ mechanismId: Id.MechanismId })

/**
 * The payload of `mechanism.mechanism.coordinator-appointed`.
 */
export const CoordinatorAppointed = Schema.Struct({ mechanismId: Id.MechanismId, membershipId: Id.MembershipId })

/**
 * The payload of the membership events (added, removed, contacts replaced).
 */
export const MembershipChanged = Schema.Struct({
  mechanismId: Id.MechanismId,
  membershipId: Id.MembershipId,
  institutionId: Id.InstitutionId,
})

/**
 * The payload of `mechanism.memorandum.published`.
 */
export const MemorandumPublished = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int,
})

/**
 * The payload of `mechanism.memorandum.signed`.
 */
export const MemorandumSigned = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int,
  membershipId: Id.MembershipId,
  institutionId: Id.InstitutionId,
})

/**
 * The payload of `mechanism.memorandum.countersigned`: from `countersignedOn`
 * the institution counts as a signatory (and its people see case data).
 */
export const MemorandumCountersigned = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int,
  institutionId: Id.InstitutionId,
  countersignedOn: Schema.String,
  countersignedBy: Id.PrincipalId,
})
