/**
 * Erasure on request: the installation's administrator erases a closed case's
 * personal data, with a legal reason (the data subject's request, a court's
 * decision), by crypto-shredding (ADR 0012). The case's pseudonymous rows
 * stay — its reference, statuses, incidents' categories, persons' sex and
 * age band — so the statistics still count it, and the audit trail keeps
 * every entry with its ids; the persons' details, notes, safe contact,
 * reviews' words, corrections' values and what the survivor was told no
 * longer open with any key the system holds.
 *
 * - Without a legal reason: `InvalidInput` naming `reason`
 *   (`case.erasure.reason-required`), before anything is read or written.
 * - Only an administrator (`case.erase`, `policy.erasure.administrator-only`);
 *   a person outside the case's mechanism is answered as for an unknown case.
 * - Only a closed case (`case.erasure.case-open`); an erased one answers
 *   `case.erased`. A stale `expectedVersion` is a 412.
 */
import { Errors, Id, Principal, Span } from "@bashke/kernel"
import { AuditEntry } from "@bashke/security"
import { Effect, Schema } from "effect"
import { CaseRepository } from "./CaseRepository"
import * as CaseAuthority from "./internal/CaseAuthority"
import * as Erasure from "./internal/Erasure"
import { decode } from "./internal/Input"
import { Instant } from "./internal/Instant"

/**
 * Input of {@link erase}: the case, the version it was decided on, and the
 * legal reason (kept in the audit log, sealed).
 */
export const EraseCase = Schema.Struct({
  caseId: Id.CaseId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
  reason: Schema.optional(Schema.String),
})

export type EraseCase = typeof EraseCase.Encoded

/**
 * What {@link erase} answers: the case, when its personal data was erased,
 * and its new version.
 */
export const Erased = Schema.Struct({
  caseId: Id.CaseId,
  erasedAt: Instant,
  version: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "CaseErased" })

export type Erased = typeof Erased.Type

/**
 * What the use case needs.
 */
export type Requirements = CaseAuthority.Requirements | Erasure.Requirements

/**
 * The legal reason, trimmed, or the refusal naming `reason`.
 */
export const legalReason = (reason: string | undefined): Effect.Effect<string, Errors.InvalidInput> => {
  const trimmed = reason?.trim() ?? ""
  if (trimmed.length === 0)
    return Effect.fail(new Errors.InvalidInput({ field: "reason", rule: "case.erasure.reason-required" }))
  if (trimmed.length > AuditEntry.maxReasonLength)
    return Effect.fail(new Errors.InvalidInput({ field: "reason", rule: "case.erasure.reason-too-long" }))
  return Effect.succeed(trimmed)
}

/**
 * Erases a closed case's personal data; the case as erased (`erasedAt`).
 * Fails with `InvalidInput` (`reason`; `caseId`: open or already erased),
 * `NotFound`, `Forbidden` (not an administrator) or `Conflict`
 * (`version.stale`).
 */
export const erase = (
  raw: EraseCase,
): Effect.Effect<Erased, Errors.InvalidInput | Errors.NotFound | Errors.Forbidden | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(EraseCase)(raw)
    const reason = yield* legalReason(input.reason)
    // Outside the case's mechanism and not the administrator: the case is not shown to exist.
    const principal = yield* Principal.CurrentPrincipal
    const mechanism = yield* Effect.flatMap(CaseRepository, (cases) => cases.mechanismOf(input.caseId))
    if (
      mechanism._tag === "None" ||
      (!Principal.hasRole(principal, "administrator") && !Principal.belongsTo(principal, mechanism.value))
    )
      return yield* new Errors.NotFound({ entity: "Case", id: input.caseId })
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.erase")
    if (authorized.aCase.status !== "closed")
      return yield* new Errors.InvalidInput({ field: "caseId", rule: "case.erasure.case-open" })
    const erased = yield* Erasure.erase(authorized.aCase, input.expectedVersion, {
      principalId: principal.id,
      institutionId: principal.institution,
      reason,
      automatic: false,
      at: authorized.at,
    })
    return { caseId: erased.id, erasedAt: authorized.at, version: erased.version }
  }).pipe(Span.untraced("CaseErasure.erase"))
