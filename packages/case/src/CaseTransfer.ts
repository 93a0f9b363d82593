/**
 * A case moving to another municipality's mechanism when the survivor moves:
 * the sending mechanism's coordinator proposes, the receiving mechanism's
 * coordinator accepts (naming the lead institution and the team from the
 * receiving mechanism's signatories) or declines. The case keeps its id, its
 * reference and every part of its history; on acceptance its mechanism and
 * team change in one transaction, so the sending mechanism's members lose
 * access at that moment (the access policy reads both).
 *
 * Consent is checked at the proposal: the survivor's consent in force for
 * case management (a counted one). The consent model names institutions of
 * one mechanism; a consent naming the receiving institutions is the next step
 * when the consent model learns transfers.
 */
import { Errors, Id, Principal } from "@bashke/kernel"
import { AccessPolicy } from "@bashke/security"
import { Either, Schema } from "effect"
import type * as Case from "./Case"
import * as Consent from "./Consent"
import { Instant } from "./internal/Instant"

/**
 * The id of a transfer.
 */
export const CaseTransferId: Id.IdSchema<"CaseTransferId"> = Id.make("CaseTransferId")

export type CaseTransferId = typeof CaseTransferId.Type

/**
 * Where a transfer stands.
 */
export const Status = Schema.Literal("proposed", "accepted", "declined").annotations({
  identifier: "CaseTransferStatus",
})

export type Status = typeof Status.Type

/**
 * A transfer: the case, from which mechanism to which, who proposed it when,
 * and who decided when (with the lead institution of an accepted one).
 */
export const CaseTransfer = Schema.Struct({
  id: CaseTransferId,
  caseId: Id.CaseId,
  from: Id.MechanismId,
  to: Id.MechanismId,
  status: Status,
  proposedBy: Id.PrincipalId,
  proposedAt: Instant,
  decidedBy: Schema.optional(Id.PrincipalId),
  decidedAt: Schema.optional(Instant),
  lead: Schema.optional(Id.InstitutionId),
}).annotations({ identifier: "CaseTransfer" })

export type CaseTransfer = typeof CaseTransfer.Type

/**
 * Whether `principal` coordinates `mechanism`: the coordinator role and a
 * place in that mechanism.
 */
export const coordinates = (principal: Principal.Principal, mechanism: Id.MechanismId): boolean =>
  principal.roles.includes("coordinator") && Principal.belongsTo(principal, mechanism)

/**
 * Whether the survivor's consent allows the case to move: a counted consent
 * in force for case management, given by the victim.
 */
export const consentAllows = (aCase: Pick<Case.Case, "consents" | "persons">, at: Date): boolean => {
  const victim = aCase.persons.find((person) => person.role === "victim")
  return aCase.consents.some(
    (consent) =>
      consent.givenBy === victim?.id &&
      Consent.counts(consent) &&
      Consent.inForce(consent, at) &&
      consent.purposes.includes("case-management"),
  )
}

/**
 * The rules on proposing to move `aCase` to `to`: by the coordinator of the
 * case's mechanism (`Forbidden`, `case.transfer.coordinator-only`); an open
 * case (`case.closed.read-only`, field `caseId`); another mechanism
 * (`case.transfer.same-mechanism`, field `toMechanismId`) that exists with a
 * memorandum in force — `receivingSignatories` not empty
 * (`case.transfer.mechanism-unknown`, field `toMechanismId`); no transfer
 * already waiting (`case.transfer.pending`, field `caseId`); the survivor's
 * consent ({@link consentAllows}; `case.transfer.consent-required`, field
 * `caseId`).
 */
export const checkProposal = (input: {
  readonly principal: Principal.Principal
  readonly aCase: Case.Case
  readonly to: Id.MechanismId
  readonly receivingSignatories: number
  readonly pending: boolean
  readonly at: Date
}): Either.Either<void, Errors.Forbidden | Errors.InvalidInput> => {
  const refuse = (field: string, rule: string) => Either.left(new Errors.InvalidInput({ field, rule }))
  if (!coordinates(input.principal, input.aCase.mechanismId))
    return Either.left(new Errors.Forbidden({ action: "case.transfer", rule: "case.transfer.coordinator-only" }))
  if (input.aCase.status === "closed") return refuse("caseId", "case.closed.read-only")
  if (input.to === input.aCase.mechanismId) return refuse("toMechanismId", "case.transfer.same-mechanism")
  if (input.receivingSignatories === 0) return refuse("toMechanismId", "case.transfer.mechanism-unknown")
  if (input.pending) return refuse("caseId", "case.transfer.pending")
  if (!consentAllows(input.aCase, input.at)) return refuse("caseId", "case.transfer.consent-required")
  return Either.right(undefined)
}

/**
 * The case as the receiving mechanism takes it: its mechanism and team
 * replaced (the lead with full access, then the other members), every other
 * part kept. The team's own rules are `CaseTeam.validate`'s.
 */
export const moved = (aCase: Case.Case, to: Id.MechanismId, team: Case.Case["team"]): Case.Case => ({
  ...aCase,
  mechanismId: to,
  team,
})

/**
 * The decision on a waiting transfer by `principal`: the receiving
 * mechanism's coordinator only (`Forbidden`, `case.transfer.coordinator-only`),
 * a proposal still waiting (`Conflict`, `case.transfer.decided`).
 */
export const decide = (
  transfer: CaseTransfer,
  principal: Principal.Principal,
  decision: { readonly status: "accepted" | "declined"; readonly at: Date; readonly lead?: Id.InstitutionId },
): Either.Either<CaseTransfer, Errors.Forbidden | Errors.Conflict> => {
  if (!coordinates(principal, transfer.to))
    return Either.left(new Errors.Forbidden({ action: "case.transfer", rule: "case.transfer.coordinator-only" }))
  if (transfer.status !== "proposed")
    return Either.left(new Errors.Conflict({ entity: "CaseTransfer", id: transfer.id, rule: "case.transfer.decided" }))
  return Either.right({
    ...transfer,
    status: decision.status,
    decidedBy: principal.id,
    decidedAt: decision.at,
    ...(decision.lead === undefined ? {} : { lead: decision.lead }),
  })
}

/**
 * The access a receiving team member gets: the lead's is always full.
 */
export const TeamMember = Schema.Struct({ institution: Id.InstitutionId, access: AccessPolicy.Access })
