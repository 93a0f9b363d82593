/**
 * A closed-loop referral: from an institution, to a service in the directory,
 * for a case, with a reason code, an urgency derived from the case's risk
 * level, and the consent it relies on (or the override that replaced it). Its
 * history records every transition with the time and the actor.
 *
 * The reason and the outcome are codes with catalogue labels, not free text, so
 * a referral carries no personal data and needs no vault.
 */
import type { RiskInstrument } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * A kebab-case code (`shelter-needed`, `no-capacity`).
 */
export const Code = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  Schema.annotations({ identifier: "ReferralCode", message: () => "referral.code.malformed" }),
)

/**
 * How fast the receiver must act: `high` when the case's risk is high.
 */
export const Urgency = Schema.Literal("high", "standard").annotations({ identifier: "ReferralUrgency" })

export type Urgency = typeof Urgency.Type

/**
 * The urgency of a referral for a case at `risk`; a case not yet assessed is
 * `standard` (the sender can raise it by assessing the risk first).
 */
export const urgencyOf = (risk: RiskInstrument.RiskLevel | undefined): Urgency =>
  risk === "high" ? "high" : "standard"

/**
 * The states of a referral.
 */
export const Status = Schema.Literal(
  "sent",
  "acknowledged",
  "accepted",
  "declined",
  "in-service",
  "completed",
  "cancelled",
  "revoked",
).annotations({ identifier: "ReferralStatus" })

export type Status = typeof Status.Type

/**
 * The states in which a referral is still open (a second referral of the case to
 * the same service is refused while one is).
 */
export const openStatuses: ReadonlyArray<Status> = ["sent", "acknowledged", "accepted", "in-service"]

/**
 * Whether a referral is open.
 */
export const isOpen = (referral: Pick<Referral, "status">): boolean => openStatuses.includes(referral.status)

/**
 * Who made a transition: the principal and the institution they acted for.
 */
export const Actor = Schema.Struct({ principal: Id.PrincipalId, institution: Id.InstitutionId }).annotations({
  identifier: "ReferralActor",
})

export type Actor = typeof Actor.Type

/**
 * One step of the history: the state entered, when, by whom, and the code the
 * step requires (decline, cancel and revoke reasons, the completion outcome).
 * `at` is a `Date` that travels as an ISO 8601 string, so a referral can be
 * encoded to JSON (an API answer, a stored idempotent response) and described
 * in JSON Schema.
 */
export const Step = Schema.Struct({
  status: Status,
  at: Schema.Date,
  actor: Actor,
  code: Schema.optional(Code),
}).annotations({ identifier: "ReferralStep" })

export type Step = typeof Step.Type

/**
 * Grounds on which the profile may let a referral go without consent.
 */
export const OverrideGround = Schema.Literal("imminent-danger", "child-at-risk").annotations({
  identifier: "ReferralOverrideGround",
})

export type OverrideGround = typeof OverrideGround.Type

/**
 * A consent override: the ground and a reason code, flagged in the audit.
 */
export const Override = Schema.Struct({ ground: OverrideGround, reason: Code }).annotations({
  identifier: "ReferralOverride",
})

export type Override = typeof Override.Type

/**
 * The basis of a referral: a consent in force, or an override.
 */
export const Basis = Schema.Union(
  Schema.TaggedStruct("Consent", { consent: Id.ConsentId }),
  Schema.TaggedStruct("Override", { override: Override }),
).annotations({ identifier: "ReferralBasis" })

export type Basis = typeof Basis.Type

/**
 * A referral. `to` is the institution that provides `service`; `history`
 * starts with the `sent` step and ends with the current `status`.
 */
export const Referral = Schema.Struct({
  id: Id.ReferralId,
  mechanism: Id.MechanismId,
  case: Id.CaseId,
  from: Id.InstitutionId,
  to: Id.InstitutionId,
  service: Id.ServiceId,
  reason: Code,
  urgency: Urgency,
  basis: Basis,
  status: Status,
  history: Schema.NonEmptyArray(Step),
  version: Schema.NonNegativeInt,
}).annotations({ identifier: "Referral" })

export type Referral = typeof Referral.Type

/**
 * When the referral was sent.
 */
export const sentAt = (referral: Pick<Referral, "history">): Date => referral.history[0].at

/**
 * When the referral first entered one of `statuses`, if it did.
 */
export const reachedAt = (referral: Pick<Referral, "history">, statuses: ReadonlyArray<Status>): Date | undefined =>
  referral.history.find((step) => statuses.includes(step.status))?.at

/**
 * The catalogue key of a status's label.
 */
export const statusLabelKey = (status: Status): `referral.status.${Status}` => `referral.status.${status}`
