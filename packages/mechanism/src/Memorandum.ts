/**
 * The Memorandum of Agreement that sets a mechanism up: published in versions,
 * each immutable once published, each with the day it takes effect, the SHA-256
 * of the signed document, the sectors it expects at the table, and the
 * signatures of member institutions. A version is in force from its effective
 * day until the next version's; a signature counts only for the version it was
 * given to, and only once the mechanism's coordinator (or an administrator)
 * has countersigned it: from the later of the two days. Until then the
 * institution is no signatory for any access decision, so no member makes its
 * own institution a signatory by recording its signature.
 *
 * Every version of one mechanism's memorandum shares its `MemorandumId`.
 */
import { CivilDate, Errors, Id, Sector } from "@bashke/kernel"
import { Either, Option, Schema } from "effect"
import * as Membership from "./Membership"

/**
 * The SHA-256 of the signed document, 64 lowercase hex characters: proves which
 * text was signed without storing it here.
 */
export const DocumentHash = Schema.String.pipe(
  Schema.pattern(/^[0-9a-f]{64}$/, {
    identifier: "DocumentHash",
    message: () => "mechanism.memorandum.hash.malformed",
  }),
)

export type DocumentHash = typeof DocumentHash.Type

/**
 * The sectors a version expects: at least one, each once.
 */
export const ExpectedSectors = Schema.Array(Sector.Sector).pipe(
  Schema.filter((sectors) => sectors.length > 0, { message: () => "mechanism.memorandum.sectors.empty" }),
  Schema.filter((sectors) => new Set(sectors).size === sectors.length, {
    identifier: "ExpectedSectors",
    message: () => "mechanism.memorandum.sectors.duplicate",
  }),
)

/**
 * The coordinator's (or an administrator's) countersignature of a signature:
 * the day it counts from and who gave it.
 */
export const Countersignature = Schema.Struct({
  countersignedOn: CivilDate.CivilDate,
  countersignedBy: Id.PrincipalId,
}).annotations({ identifier: "MemorandumCountersignature" })

export type Countersignature = typeof Countersignature.Type

/**
 * A member institution's signature of one version, countersigned or not yet.
 * Who signed (a person's name) is personal data: it is stored sealed, apart
 * from this model.
 */
export const Signature = Schema.Struct({
  membershipId: Id.MembershipId,
  institutionId: Id.InstitutionId,
  signedOn: CivilDate.CivilDate,
  countersignature: Schema.optional(Countersignature),
}).annotations({ identifier: "MemorandumSignature" })

export type Signature = typeof Signature.Type

/**
 * One published version of a memorandum, with its signatures.
 */
export const MemorandumVersion = Schema.Struct({
  memorandumId: Id.MemorandumId,
  mechanismId: Id.MechanismId,
  /** 1, 2, 3, … in order of publication. */
  version: Schema.Int.pipe(Schema.positive()),
  effectiveFrom: CivilDate.CivilDate,
  documentHash: DocumentHash,
  expectedSectors: ExpectedSectors,
  publishedAt: Schema.Date,
  signatures: Schema.Array(Signature),
}).annotations({ identifier: "MemorandumVersion" })

export type MemorandumVersion = typeof MemorandumVersion.Type

/**
 * The version in force on `day`: the one with the latest effective day on or
 * before it (the later version when two share a day, which publishing refuses).
 * None before the first version takes effect.
 */
export const inForce = (
  memoranda: ReadonlyArray<MemorandumVersion>,
  day: CivilDate.CivilDate,
): Option.Option<MemorandumVersion> => {
  let found: MemorandumVersion | undefined
  for (const version of memoranda) {
    if (version.effectiveFrom > day) continue
    if (
      found === undefined ||
      version.effectiveFrom > found.effectiveFrom ||
      (version.effectiveFrom === found.effectiveFrom && version.version > found.version)
    )
      found = version
  }
  return Option.fromNullable(found)
}

/**
 * Whether a signature counts on `day`: given on or before it, and
 * countersigned on or before it. The one rule every signatory decision
 * (`hasSigned`, `isSignatory`, `signatories`, `compositionGaps`, and through
 * them `Mechanisms.isSignatory` and `signatories`) rests on.
 */
export const counts = (signature: Signature, day: CivilDate.CivilDate): boolean =>
  signature.signedOn <= day &&
  signature.countersignature !== undefined &&
  signature.countersignature.countersignedOn <= day

/**
 * Whether `institutionId` signed `version`, and that signature was
 * countersigned, on or before `day`.
 */
export const hasSigned = (
  version: MemorandumVersion,
  institutionId: Id.InstitutionId,
  day: CivilDate.CivilDate,
): boolean =>
  version.signatures.some((signature) => signature.institutionId === institutionId && counts(signature, day))

/**
 * Whether `institutionId` signed the version in force on `day` (on or before
 * that day, countersigned on or before it). A signature of an earlier or a
 * later version does not count, nor one not yet countersigned.
 *
 * This looks at the memorandum only; `Mechanisms.isSignatory` also requires the
 * institution to be a member on that day.
 */
export const isSignatory = (
  memoranda: ReadonlyArray<MemorandumVersion>,
  institutionId: Id.InstitutionId,
  day: CivilDate.CivilDate,
): boolean =>
  Option.match(inForce(memoranda, day), {
    onNone: () => false,
    onSome: (version) => hasSigned(version, institutionId, day),
  })

/**
 * The institutions that signed the version in force on `day` (on or before that
 * day, countersigned on or before it), each once, in signing order.
 */
export const signatories = (
  memoranda: ReadonlyArray<MemorandumVersion>,
  day: CivilDate.CivilDate,
): ReadonlyArray<Id.InstitutionId> =>
  Option.match(inForce(memoranda, day), {
    onNone: () => [],
    onSome: (version) => [
      ...new Set(
        version.signatures.filter((signature) => counts(signature, day)).map((signature) => signature.institutionId),
      ),
    ],
  })

/**
 * The sectors `memorandum` expects that no signatory covers on `day`: a sector
 * is covered when an institution that signed this version (signature and
 * countersignature on or before `day`) is a member on `day` for that sector. In the memorandum's order.
 */
export const compositionGaps = (
  memorandum: MemorandumVersion,
  memberships: ReadonlyArray<Membership.Membership>,
  day: CivilDate.CivilDate,
): ReadonlyArray<Sector.Sector> => {
  const covered = new Set(
    Membership.current(memberships, day)
      .filter((membership) => hasSigned(memorandum, membership.institutionId, day))
      .map((membership) => membership.sector),
  )
  return memorandum.expectedSectors.filter((sector) => !covered.has(sector))
}

/**
 * The latest published version (highest number), if any.
 */
export const latest = (memoranda: ReadonlyArray<MemorandumVersion>): Option.Option<MemorandumVersion> =>
  memoranda.reduce<Option.Option<MemorandumVersion>>(
    (best, version) => (Option.isSome(best) && best.value.version >= version.version ? best : Option.some(version)),
    Option.none(),
  )

/**
 * Whether a new version may take effect on `effectiveFrom`: strictly after the
 * latest version's effective day, so that exactly one version is in force on
 * any day from the first one on (`mechanism.memorandum.effective-not-after-previous`).
 */
export const checkNewVersion = (
  memoranda: ReadonlyArray<MemorandumVersion>,
  effectiveFrom: CivilDate.CivilDate,
): Either.Either<void, Errors.InvalidInput> =>
  memoranda.some((version) => version.effectiveFrom >= effectiveFrom)
    ? Either.left(
        new Errors.InvalidInput({ field: "effectiveFrom", rule: "mechanism.memorandum.effective-not-after-previous" }),
      )
    : Either.right(undefined)

/**
 * What a signature must meet, given the memorandum and the memberships:
 *
 * - the version exists (`NotFound`);
 * - it is not signed in the future (`mechanism.memorandum.signed-in-future`);
 * - no later version is already in force on the signing day
 *   (`mechanism.memorandum.version-superseded`);
 * - the institution is a member on the signing day
 *   (`mechanism.memorandum.signer-not-member`);
 * - it has not signed this version already (`Conflict`, `mechanism.memorandum.already-signed`).
 *
 * Returns the signing institution's membership on that day.
 */
export const checkSignature = (input: {
  readonly memoranda: ReadonlyArray<MemorandumVersion>
  readonly memberships: ReadonlyArray<Membership.Membership>
  readonly memorandumId: Id.MemorandumId
  readonly version: number
  readonly institutionId: Id.InstitutionId
  readonly signedOn: CivilDate.CivilDate
  readonly today: CivilDate.CivilDate
}): Either.Either<
  { readonly version: MemorandumVersion; readonly membership: Membership.Membership },
  Errors.NotFound | Errors.InvalidInput | Errors.Conflict
> => {
  const version = input.memoranda.find((v) => v.memorandumId === input.memorandumId && v.version === input.version)
  if (version === undefined)
    return Either.left(
      new Errors.NotFound({ entity: "MemorandumVersion", id: `${input.memorandumId}/${input.version}` }),
    )
  if (input.signedOn > input.today)
    return Either.left(new Errors.InvalidInput({ field: "signedOn", rule: "mechanism.memorandum.signed-in-future" }))
  if (input.memoranda.some((v) => v.version > version.version && v.effectiveFrom <= input.signedOn))
    return Either.left(new Errors.InvalidInput({ field: "version", rule: "mechanism.memorandum.version-superseded" }))
  const membership = Membership.membershipOf(input.memberships, input.institutionId, input.signedOn)
  if (membership === undefined)
    return Either.left(
      new Errors.InvalidInput({ field: "institutionId", rule: "mechanism.memorandum.signer-not-member" }),
    )
  if (version.signatures.some((signature) => signature.institutionId === input.institutionId))
    return Either.left(
      new Errors.Conflict({
        entity: "MemorandumVersion",
        id: `${input.memorandumId}/${input.version}`,
        rule: "mechanism.memorandum.already-signed",
      }),
    )
  return Either.right({ version, membership })
}

/**
 * What a countersignature must meet:
 *
 * - the version exists (`NotFound`, entity `MemorandumVersion`) and the
 *   institution signed it (`NotFound`, entity `MemorandumSignature`);
 * - it is not countersigned already (`Conflict`,
 *   `mechanism.memorandum.already-countersigned`), so the first day stands;
 * - it is not dated in the future (`mechanism.memorandum.countersigned-in-future`)
 *   nor before the signature (`mechanism.memorandum.countersigned-before-signed`).
 *
 * Returns the version and the signature as countersigned.
 */
export const checkCountersignature = (input: {
  readonly memoranda: ReadonlyArray<MemorandumVersion>
  readonly memorandumId: Id.MemorandumId
  readonly version: number
  readonly institutionId: Id.InstitutionId
  readonly countersignature: Countersignature
  readonly today: CivilDate.CivilDate
}): Either.Either<
  { readonly version: MemorandumVersion; readonly signature: Signature },
  Errors.NotFound | Errors.InvalidInput | Errors.Conflict
> => {
  const id = `${input.memorandumId}/${input.version}`
  const version = input.memoranda.find((v) => v.memorandumId === input.memorandumId && v.version === input.version)
  if (version === undefined) return Either.left(new Errors.NotFound({ entity: "MemorandumVersion", id }))
  const signature = version.signatures.find((s) => s.institutionId === input.institutionId)
  if (signature === undefined)
    return Either.left(new Errors.NotFound({ entity: "MemorandumSignature", id: `${id}/${input.institutionId}` }))
  if (signature.countersignature !== undefined)
    return Either.left(
      new Errors.Conflict({
        entity: "MemorandumSignature",
        id: `${id}/${input.institutionId}`,
        rule: "mechanism.memorandum.already-countersigned",
      }),
    )
  const on = input.countersignature.countersignedOn
  if (on > input.today)
    return Either.left(
      new Errors.InvalidInput({ field: "countersignedOn", rule: "mechanism.memorandum.countersigned-in-future" }),
    )
  if (on < signature.signedOn)
    return Either.left(
      new Errors.InvalidInput({ field: "countersignedOn", rule: "mechanism.memorandum.countersigned-before-signed" }),
    )
  return Either.right({ version, signature: { ...signature, countersignature: input.countersignature } })
}
