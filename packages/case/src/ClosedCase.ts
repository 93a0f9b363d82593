/**
 * A closed case as the mechanism's register of closed cases shows it:
 * pseudonymised (the reference, the lead institution, when it was opened and
 * closed, why, and its last risk level — never a name), so that a coordinator
 * or a member can find one to reopen (`reopen`, with a reason, through the
 * case's lifecycle), and the installation's administrator one to erase (the
 * row's `version` is what the erasure's `If-Match` names; `erasedAt` says it
 * is done). The search narrows by the reference's beginning, the closure
 * reason and the risk level.
 *
 * Who may search is the same as who may list the mechanism's open cases: its
 * coordinator, or a person of an institution that signed the memorandum in
 * force; and the administrator, who erases closed cases on request
 * ({@link maySearch}).
 */
import { Errors, Id, Principal } from "@bashke/kernel"
import { Either, Schema } from "effect"
import * as CaseLifecycle from "./CaseLifecycle"
import { CaseReference } from "./CaseReference"
import { Instant } from "./internal/Instant"
import { RiskLevel } from "./RiskInstrument"

/**
 * One row of the register of closed cases.
 */
export const ClosedCase = Schema.Struct({
  id: Id.CaseId,
  reference: CaseReference,
  lead: Id.InstitutionId,
  openedAt: Instant,
  closedAt: Instant,
  reason: Schema.optional(CaseLifecycle.ClosureReason),
  riskLevel: Schema.optional(RiskLevel),
  erasedAt: Schema.optional(Instant),
  version: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "ClosedCase" })

export type ClosedCase = typeof ClosedCase.Type

/**
 * The beginning of a reference, as typed: letters, digits and dashes, up to a
 * whole reference's length (`GJI-2026`, `GJI-2026-004`). Compared without
 * regard to case.
 */
export const ReferencePrefix = Schema.String.pipe(
  Schema.filter((text) => /^[A-Za-z0-9-]{1,16}$/.test(text), { message: () => "case.closed.reference-malformed" }),
).annotations({ identifier: "CaseReferencePrefix" })

/**
 * What the register is searched by; every field narrows, none is required.
 */
export const Filter = Schema.Struct({
  reference: Schema.optional(ReferencePrefix),
  reason: Schema.optional(CaseLifecycle.ClosureReason),
  riskLevel: Schema.optional(RiskLevel),
})

export type Filter = typeof Filter.Type

/**
 * Whether a closed case matches the filter: the same rule the adapter's query
 * applies.
 */
export const matches = (closed: ClosedCase, filter: Filter): boolean =>
  (filter.reference === undefined || closed.reference.startsWith(filter.reference.toUpperCase())) &&
  (filter.reason === undefined || closed.reason === filter.reason) &&
  (filter.riskLevel === undefined || closed.riskLevel === filter.riskLevel)

/**
 * Whether `principal` may search the mechanism's closed cases: its
 * coordinator, or a person of a signatory institution who belongs to the
 * mechanism (`Forbidden`, `policy.memorandum.not-signatory`, otherwise); the
 * installation's administrator, in any mechanism, since erasure on request
 * (`case.erase`) is theirs and needs the case found first — the register is
 * pseudonymised. National and audit roles see aggregates and the audit log
 * only.
 */
export const maySearch = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  signatories: ReadonlyArray<Id.InstitutionId>,
): Either.Either<void, Errors.Forbidden> => {
  const refuse = (rule: string) => Either.left(new Errors.Forbidden({ action: "case.list", rule }))
  if (Principal.hasRole(principal, "national-coordinator")) return refuse("policy.national.aggregates-only")
  if (Principal.hasRole(principal, "auditor")) return refuse("policy.auditor.audit-only")
  if (Principal.hasRole(principal, "administrator")) return Either.void
  if (!Principal.belongsTo(principal, mechanismId)) return refuse("policy.mechanism.not-member")
  if (Principal.hasRole(principal, "coordinator")) return Either.void
  const institution = principal.institution
  return institution !== undefined && signatories.includes(institution)
    ? Either.void
    : refuse("policy.memorandum.not-signatory")
}
