/**
 * One line of the audit log: who (principal, and the institution they acted
 * for — national roles may have none) did what (action)
 * to whose data (mechanism, case, person) and why (purpose, reason), when, and
 * the two hashes that chain it to the line before.
 *
 * An entry carries identifiers and codes only. The one free text, the written
 * `reason` of a break-glass read, is stored sealed by the vault.
 */
import { Errors, Id, type Principal } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { Purpose } from "./Purpose"

/**
 * What was done with personal data:
 *
 * - `read`: shown to the principal (a screen, an API response);
 * - `write`: created or changed;
 * - `export`: left the system (a file, a report with names);
 * - `break-glass-read`: read outside the normal rules in an emergency.
 */
export const Action = Schema.Literal("read", "write", "export", "break-glass-read", "erase").annotations({
  identifier: "AuditAction",
})

export type Action = typeof Action.Type

/**
 * A SHA-256 hash: 64 lowercase hex characters.
 */
export const Hash = Schema.String.pipe(
  Schema.pattern(/^[0-9a-f]{64}$/, { identifier: "AuditHash" }),
  Schema.brand("@bashke/security/AuditHash"),
)

export type Hash = typeof Hash.Type

/**
 * The longest break-glass reason kept (characters).
 */
export const maxReasonLength = 2000

/**
 * The fields a caller gives for an entry. `purpose` is optional here only so
 * that a missing one is refused by the log (`audit.purpose.required`) instead of
 * by the type checker of some other layer.
 */
export const Draft = Schema.Struct({
  principalId: Id.PrincipalId,
  institutionId: Schema.optional(Id.InstitutionId),
  mechanismId: Schema.optional(Id.MechanismId),
  caseId: Schema.optional(Id.CaseId),
  personId: Schema.optional(Id.PersonId),
  action: Action,
  purpose: Schema.optional(Purpose),
  reason: Schema.optional(Schema.String),
  breakGlass: Schema.optional(Schema.Boolean),
}).annotations({ identifier: "AuditDraft" })

export type Draft = typeof Draft.Type

/**
 * The fields an entry commits to, besides its place in the chain.
 */
export const Fields = Schema.Struct({
  principalId: Id.PrincipalId,
  institutionId: Schema.optional(Id.InstitutionId),
  mechanismId: Schema.optional(Id.MechanismId),
  caseId: Schema.optional(Id.CaseId),
  personId: Schema.optional(Id.PersonId),
  action: Action,
  purpose: Purpose,
  reason: Schema.optional(Schema.String),
  breakGlass: Schema.Boolean,
}).annotations({ identifier: "AuditFields" })

export type Fields = typeof Fields.Type

/**
 * A recorded entry. `seq` counts from 1 without gaps; `prevHash` is the previous
 * entry's `hash` (64 zeros for the first); `hash` is defined in `AuditChain`.
 */
export const AuditEntry = Schema.Struct({
  seq: Schema.Int.pipe(Schema.positive()),
  id: Id.EventId,
  at: Schema.Date,
  ...Fields.fields,
  prevHash: Hash,
  hash: Hash,
}).annotations({ identifier: "AuditEntry" })

export type AuditEntry = typeof AuditEntry.Type

/**
 * The rules a draft must meet before anything is written:
 *
 * - a purpose (`audit.purpose.required`);
 * - a break-glass entry (flagged, or with action `break-glass-read` or purpose
 *   `break-glass`, which flag it) has a non-blank reason (`audit.reason.required`);
 * - a reason is at most `maxReasonLength` characters (`audit.reason.too-long`).
 *
 * The error names the field and the rule, never a value.
 */
export const check = (draft: Draft): Either.Either<Fields, Errors.InvalidInput> => {
  if (draft.purpose === undefined)
    return Either.left(new Errors.InvalidInput({ field: "purpose", rule: "audit.purpose.required" }))
  const breakGlass = draft.breakGlass === true || draft.action === "break-glass-read" || draft.purpose === "break-glass"
  const reason = draft.reason?.trim()
  if (breakGlass && (reason === undefined || reason.length === 0))
    return Either.left(new Errors.InvalidInput({ field: "reason", rule: "audit.reason.required" }))
  if (reason !== undefined && reason.length > maxReasonLength)
    return Either.left(new Errors.InvalidInput({ field: "reason", rule: "audit.reason.too-long" }))
  return Either.right({
    principalId: draft.principalId,
    ...(draft.institutionId === undefined ? {} : { institutionId: draft.institutionId }),
    ...(draft.mechanismId === undefined ? {} : { mechanismId: draft.mechanismId }),
    ...(draft.caseId === undefined ? {} : { caseId: draft.caseId }),
    ...(draft.personId === undefined ? {} : { personId: draft.personId }),
    action: draft.action,
    purpose: draft.purpose,
    ...(reason === undefined || reason.length === 0 ? {} : { reason }),
    breakGlass,
  })
}

/**
 * The "who" of a draft, taken from the acting principal.
 */
export const actor = (
  principal: Principal.Principal,
): { readonly principalId: Id.PrincipalId; readonly institutionId?: Id.InstitutionId } =>
  principal.institution === undefined
    ? { principalId: principal.id }
    : { principalId: principal.id, institutionId: principal.institution }
