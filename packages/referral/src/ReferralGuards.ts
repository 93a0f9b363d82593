/**
 * The guards a referral must pass before it is sent: the receiver is an active
 * service of the directory (`referral.service.unknown`); a consent in force
 * covers the receiving institution and the purpose `referral`
 * (`referral.consent.not-covered`), unless the override policy allows the
 * ground given (`referral.override.not-allowed`); and the case has no other
 * open referral to the same service (`referral.duplicate-open`).
 *
 * Consent coverage is judged by `@bashke/security`'s `AccessPolicy` through the
 * case package's `Consent.toPolicyConsent`, so referral and access control
 * cannot disagree on what a consent covers.
 */
import { Consent } from "@bashke/case"
import { Errors, type Id, type Sector } from "@bashke/kernel"
import { AccessPolicy } from "@bashke/security"
import { Either } from "effect"
import * as Directory from "./Directory"
import type { Basis, OverrideGround, Referral } from "./Referral"
import { isOpen } from "./Referral"

/**
 * Which override grounds a jurisdiction allows. The kernel's profile does not
 * carry this setting yet; {@link noOverrides} is the safe default.
 */
export interface OverridePolicy {
  readonly allowed: ReadonlyArray<OverrideGround>
}

/**
 * No override: consent is always required.
 */
export const noOverrides: OverridePolicy = { allowed: [] }

/**
 * What the guards look at.
 */
export interface Draft {
  readonly case: Id.CaseId
  readonly service: Id.ServiceId
  readonly basis: Basis
  readonly at: Date
}

/**
 * The facts the guards judge against: the directory's services, the case's
 * consents, the sector of the receiving institution (a consent may name a
 * sector), the case's referrals, and the override policy.
 */
export interface Facts {
  readonly directory: Pick<Directory.Directory, "services">
  readonly consents: ReadonlyArray<Consent.Consent>
  readonly sectorOf: (institution: Id.InstitutionId) => Sector.Sector | undefined
  readonly referrals: ReadonlyArray<Pick<Referral, "case" | "service" | "status" | "id">>
  readonly overrides: OverridePolicy
}

/**
 * The service the draft may be sent to, or the first guard it fails.
 */
export const check = (
  draft: Draft,
  facts: Facts,
): Either.Either<Directory.Service, Errors.InvalidInput | Errors.Conflict | Errors.Forbidden> => {
  const service = Directory.findService(facts.directory, draft.service)
  if (service === undefined)
    return Either.left(new Errors.InvalidInput({ field: "service", rule: "referral.service.unknown" }))
  if (draft.basis._tag === "Consent") {
    const chosen = facts.consents.find((consent) => consent.id === (draft.basis as { consent: Id.ConsentId }).consent)
    const sector = facts.sectorOf(service.institution)
    // A consent awaiting a second person's confirmation does not count yet.
    const covering =
      chosen !== undefined &&
      Consent.counts(chosen) &&
      AccessPolicy.covers(Consent.toPolicyConsent(chosen), service.institution, sector, "referral") &&
      Consent.inForce(chosen, draft.at)
    if (!covering) return Either.left(new Errors.InvalidInput({ field: "basis", rule: "referral.consent.not-covered" }))
  } else if (!facts.overrides.allowed.includes(draft.basis.override.ground)) {
    return Either.left(new Errors.Forbidden({ action: "referral.send", rule: "referral.override.not-allowed" }))
  }
  const duplicate = facts.referrals.find(
    (referral) => referral.case === draft.case && referral.service === draft.service && isOpen(referral),
  )
  if (duplicate !== undefined)
    return Either.left(new Errors.Conflict({ entity: "Referral", id: duplicate.id, rule: "referral.duplicate-open" }))
  return Either.right(service)
}
