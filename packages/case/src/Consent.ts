/**
 * The survivor's consent to share their case: with which institutions (named,
 * or every institution of a sector), for which purposes, from when, until
 * when, and whether it was withdrawn. Withdrawal takes effect at once: every
 * read after `withdrawnAt` is judged without it (the access policy compares
 * the time of the read with it).
 *
 * A consent is recorded as practitioners record it (ADR 0004): how it was
 * given (a signed form, or verbally before a witness), which institution took
 * it from the survivor, and who recorded it for which institution. A consent
 * that widens its recorder's own institution's access ({@link widensAccessOf})
 * counts only once a second person confirms it ({@link counts},
 * {@link confirm}); who may record and confirm is the access policy's rule
 * (`consent.record`, `consent.confirm`). A consent recorded before this was
 * kept has no `recording` and counts only once confirmed.
 *
 * {@link toPolicyConsent} is the one mapping onto `@bashke/security`'s
 * `AccessPolicy.Consent`; only consents that count reach it.
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

export type ConsentPurpose = typeof ConsentPurpose.Type

/**
 * How the survivor gave the consent: a form she signed, or verbally before a
 * witness (a second professional, named by their principal id).
 */
export const ConsentMethod = Schema.Literal("signed-form", "verbal-witnessed").annotations({
  identifier: "ConsentMethod",
  message: () => ({ message: "case.consent.method.unknown", override: true }),
})

export type ConsentMethod = typeof ConsentMethod.Type

/**
 * How a consent was taken and recorded: the method, the institution that took
 * it from the survivor (`takenBy`), the principal who recorded it and the
 * institution it acted for (`recordedBy`, `recordedFor`), and for a verbal
 * consent the witness (`witnessedBy`).
 */
export const Recording = Schema.Struct({
  method: ConsentMethod,
  takenBy: Id.InstitutionId,
  recordedBy: Id.PrincipalId,
  recordedFor: Id.InstitutionId,
  witnessedBy: Schema.optional(Id.PrincipalId),
}).annotations({ identifier: "ConsentRecording" })

export type Recording = typeof Recording.Type

/**
 * The second person's confirmation of a consent that widened its recorder's
 * own institution's access: who, for which institution, when.
 */
export const Confirmation = Schema.Struct({
  confirmedBy: Id.PrincipalId,
  confirmedFor: Schema.optional(Id.InstitutionId),
  confirmedAt: Instant,
}).annotations({ identifier: "ConsentConfirmation" })

export type Confirmation = typeof Confirmation.Type

/**
 * A consent. `givenBy` is the person of the case who gave it (the victim, or
 * for a child the victim as parent); `recording` how it was taken and
 * recorded (absent only for a consent recorded before that was kept);
 * `needsConfirmation` whether it counts only once confirmed, and
 * `confirmation` that confirmation.
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
  recording: Schema.optional(Recording),
  needsConfirmation: Schema.Boolean,
  confirmation: Schema.optional(Confirmation),
}).annotations({ identifier: "Consent" })

export type Consent = typeof Consent.Type

/**
 * The rules on a consent at position `index`: it names at least one
 * institution or sector (`case.consent.recipients-required`); every named
 * institution, and the institution that took it, is a member of the case's
 * mechanism, `members` (`case.consent.non-member`,
 * `case.consent.taken-by.non-member`); `until` is after `from`
 * (`case.consent.dates.out-of-order`); a verbal consent names its witness
 * (`case.consent.witness-required`), who is not the recorder
 * (`case.consent.witness-is-recorder`).
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
  const recording = consent.recording
  if (recording !== undefined) {
    if (!members.has(recording.takenBy))
      return Either.left(new Errors.InvalidInput({ field: field("takenBy"), rule: "case.consent.taken-by.non-member" }))
    if (recording.method === "verbal-witnessed" && recording.witnessedBy === undefined)
      return Either.left(
        new Errors.InvalidInput({ field: field("witnessedBy"), rule: "case.consent.witness-required" }),
      )
    if (recording.witnessedBy !== undefined && recording.witnessedBy === recording.recordedBy)
      return Either.left(
        new Errors.InvalidInput({ field: field("witnessedBy"), rule: "case.consent.witness-is-recorder" }),
      )
  }
  return Either.right(consent)
}

/**
 * Whether the consent widens the access of `institution` (of `sector`): it
 * names the institution, or its sector. Such a consent, recorded by that
 * institution's own people, needs a second person's confirmation before it
 * counts: no one opens their own institution's access alone.
 */
export const widensAccessOf = (
  consent: Pick<Consent, "institutions" | "sectors">,
  institution: Id.InstitutionId,
  sector: Sector.Sector | undefined,
): boolean => consent.institutions.includes(institution) || (sector !== undefined && consent.sectors.includes(sector))

/**
 * Whether the consent counts for any access decision: it needed no
 * confirmation, or it was confirmed. (Whether it is in force at a time is
 * {@link inForce}'s question.)
 */
export const counts = (consent: Pick<Consent, "needsConfirmation" | "confirmation">): boolean =>
  !consent.needsConfirmation || consent.confirmation !== undefined

/**
 * The consent confirmed by a second person. A consent that needed no
 * confirmation, or was confirmed already, is a `Conflict`
 * (`case.consent.confirmation-not-needed`, `case.consent.already-confirmed`);
 * a withdrawn one too (`case.consent.already-withdrawn`). Who may confirm is
 * the access policy's `consent.confirm`.
 */
export const confirm = (consent: Consent, confirmation: Confirmation): Either.Either<Consent, Errors.Conflict> => {
  const conflict = (rule: string) => Either.left(new Errors.Conflict({ entity: "Consent", id: consent.id, rule }))
  if (!consent.needsConfirmation) return conflict("case.consent.confirmation-not-needed")
  if (consent.confirmation !== undefined) return conflict("case.consent.already-confirmed")
  if (consent.withdrawnAt !== undefined) return conflict("case.consent.already-withdrawn")
  return Either.right({ ...consent, confirmation })
}

/**
 * The consent withdrawn at `at`. Withdrawing twice is a `Conflict`
 * (`case.consent.already-withdrawn`), so the first withdrawal time stands.
 */
export const withdraw = (consent: Consent, at: Date): Either.Either<Consent, Errors.Conflict> =>
  consent.withdrawnAt !== undefined
    ? Either.left(new Errors.Conflict({ entity: "Consent", id: consent.id, rule: "case.consent.already-withdrawn" }))
    : Either.right({ ...consent, withdrawnAt: at })

/**
 * Whether the consent is in force at `at`: started, not expired, not withdrawn.
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
 */
export const allowsConference = (consents: ReadonlyArray<Consent>, at: Date): boolean =>
  consents.some((consent) => inForce(consent, at) && consent.purposes.includes("case-conference"))

/**
 * The consent as the access policy reads it.
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
 * The catalogue key of a method's label.
 */
export const methodLabelKey = (method: ConsentMethod): `case.consent.method.${ConsentMethod}` =>
  `case.consent.method.${method}`

/**
 * The catalogue key of a purpose's label.
 */
export const purposeLabelKey = (purpose: ConsentPurpose): `case.consent.purpose.${ConsentPurpose}` =>
  `case.consent.purpose.${purpose}`
