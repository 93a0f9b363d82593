/**
 * The survivor's consent to share their case: with which institutions (named,
 * or every institution of a sector), for which purposes, from when, until
 * when, and whether it was withdrawn. Withdrawal takes effect at once: every
 * read after `withdrawnAt` is judged without it (the access policy compares
 * the time of the read with it).
 *
 * {@link toPolicyConsent} is the one mapping onto `@bashke/security`'s
 * `AccessPolicy.Consent`.
 *
 * @since 0.1.0
 */
import { Errors, Id, Sector } from "@bashke/kernel"
import type { AccessPolicy } from "@bashke/security"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"

/**
 * What a survivor can consent to: the team's own work on the case
 * (`case-management`), a `referral` to another institution's service, a review
 * in a mechanism's `case-conference`, and counting in `statistics`. A subset of
 * the security package's `Purpose` (its `audit` and `break-glass` need no
 * consent).
 *
 * @since 0.1.0
 */
export const ConsentPurpose = Schema.Literal(
  "case-management",
  "referral",
  "case-conference",
  "statistics",
).annotations({
  identifier: "ConsentPurpose",
  message: () => ({ message: "case.consent.purpose.unknown", override: true }),
})

/**
 * @since 0.1.0
 */
export type ConsentPurpose = typeof ConsentPurpose.Type

/**
 * A consent. `givenBy` is the person of the case who gave it (the victim, or
 * for a child the victim as parent).
 *
 * @since 0.1.0
 */
export const Consent = Schema.Struct({
  id: Id.ConsentId,
  givenBy: Id.PersonId,
  institutions: Schema.Array(Id.InstitutionId),
  sectors: Schema.Array(Sector.Sector),
  purposes: Schema.NonEmptyArray(ConsentPurpose),
  from: Instant,
  until: Schema.optional(Instant),
  withdrawnAt: Schema.optional(Instant),
}).annotations({ identifier: "Consent" })

/**
 * @since 0.1.0
 */
export type Consent = typeof Consent.Type

/**
 * The rules on a consent at position `index`: it names at least one
 * institution or sector (`case.consent.recipients-required`); every named
 * institution is a member of the case's mechanism, `members`
 * (`case.consent.non-member`); `until` is after `from`
 * (`case.consent.dates.out-of-order`).
 *
 * @since 0.1.0
 */
export const validate = (
  consent: Consent,
  index: number,
  members: ReadonlySet<Id.InstitutionId>,
): Either.Either<Consent, Errors.InvalidInput> => {
  const field = (name: string) => `consents.${index}.${name}`
  if (consent.institutions.length === 0 && consent.sectors.length === 0)
    return Either.left(
      new Errors.InvalidInput({ field: field("institutions"), rule: "case.consent.recipients-required" }),
    )
  const stranger = consent.institutions.findIndex((institution) => !members.has(institution))
  if (stranger >= 0)
    return Either.left(
      new Errors.InvalidInput({ field: field(`institutions.${stranger}`), rule: "case.consent.non-member" }),
    )
  if (consent.until !== undefined && consent.until.getTime() <= consent.from.getTime())
    return Either.left(new Errors.InvalidInput({ field: field("until"), rule: "case.consent.dates.out-of-order" }))
  return Either.right(consent)
}

/**
 * The consent withdrawn at `at`. Withdrawing twice is a `Conflict`
 * (`case.consent.already-withdrawn`), so the first withdrawal time stands.
 *
 * @since 0.1.0
 */
export const withdraw = (consent: Consent, at: Date): Either.Either<Consent, Errors.Conflict> =>
  consent.withdrawnAt !== undefined
    ? Either.left(new Errors.Conflict({ entity: "Consent", id: consent.id, rule: "case.consent.already-withdrawn" }))
    : Either.right({ ...consent, withdrawnAt: at })

/**
 * Whether the consent is in force at `at`: started, not expired, not withdrawn.
 *
 * @since 0.1.0
 */
export const inForce = (consent: Consent, at: Date): boolean => {
  const time = at.getTime()
  return (
    consent.from.getTime() <= time &&
    (consent.until === undefined || time < consent.until.getTime()) &&
    (consent.withdrawnAt === undefined || time < consent.withdrawnAt.getTime())
  )
}

/**
 * Whether the consents allow a case conference at `at`: one of them is in
 * force then and names the `case-conference` purpose. A conference shares the
 * pseudonymised summary with the mechanism's signatories as a whole, so the
 * purpose decides, not the institutions named.
 *
 * @since 0.1.0
 */
export const allowsConference = (consents: ReadonlyArray<Consent>, at: Date): boolean =>
  consents.some((consent) => inForce(consent, at) && consent.purposes.includes("case-conference"))

/**
 * The consent as the access policy reads it.
 *
 * @since 0.1.0
 */
export const toPolicyConsent = (consent: Consent): AccessPolicy.Consent => ({
  institutions: consent.institutions,
  sectors: consent.sectors,
  purposes: consent.purposes,
  from: consent.from,
  ...(consent.until === undefined ? {} : { until: consent.until }),
  ...(consent.withdrawnAt === undefined ? {} : { withdrawnAt: consent.withdrawnAt }),
})

/**
 * The catalogue key of a purpose's label.
 *
 * @since 0.1.0
 */
export const purposeLabelKey = (purpose: ConsentPurpose): `case.consent.purpose.${ConsentPurpose}` =>
  `case.consent.purpose.${purpose}`
