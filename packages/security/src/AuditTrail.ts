/**
 * The auditor's questions: who read or changed this case's, or this person's,
 * data, when, and why (the purpose, and whether glass was broken). Only the
 * `auditor` role asks (the access policy's `audit.read`); every page read is
 * itself an audit entry (purpose `audit`), so the audit log shows who looked at
 * it. An entry is answered without its written break-glass reason (free text
 * that may name people: the coordinator's review reads it) and without its
 * hashes (`bashke audit verify` checks those).
 */
import { Cursor, Errors, Id, Instant, Pagination, Principal } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as AccessPolicy from "./AccessPolicy"
import * as AuditEntry from "./AuditEntry"
import { AuditLog } from "./AuditLog"
import { Purpose } from "./Purpose"

/**
 * One entry as the auditor reads it.
 */
export const TrailEntry = Schema.Struct({
  seq: Schema.Int,
  at: Schema.Date,
  principalId: Id.PrincipalId,
  institutionId: Schema.optional(Id.InstitutionId),
  mechanismId: Schema.optional(Id.MechanismId),
  caseId: Schema.optional(Id.CaseId),
  personId: Schema.optional(Id.PersonId),
  action: AuditEntry.Action,
  purpose: Purpose,
  breakGlass: Schema.Boolean,
}).annotations({ identifier: "AuditTrailEntry" })

export type TrailEntry = typeof TrailEntry.Type

/**
 * What the trail is about: a case or a person.
 */
export type About = { readonly caseId: Id.CaseId } | { readonly personId: Id.PersonId }

/**
 * An entry as the auditor reads it: without its written reason and hashes.
 */
export const toTrail = (entry: AuditEntry.AuditEntry): TrailEntry => ({
  seq: entry.seq,
  at: entry.at,
  principalId: entry.principalId,
  ...(entry.institutionId === undefined ? {} : { institutionId: entry.institutionId }),
  ...(entry.mechanismId === undefined ? {} : { mechanismId: entry.mechanismId }),
  ...(entry.caseId === undefined ? {} : { caseId: entry.caseId }),
  ...(entry.personId === undefined ? {} : { personId: entry.personId }),
  action: entry.action,
  purpose: entry.purpose,
  breakGlass: entry.breakGlass,
})

const afterSeqOf = (after: string | undefined): Effect.Effect<number, Errors.InvalidInput> =>
  after === undefined
    ? Effect.succeed(0)
    : Effect.flatMap(Cursor.decode(after), (key) =>
        typeof key[0] === "number" && Number.isInteger(key[0]) && key.length === 1
          ? Effect.succeed(key[0])
          : Effect.fail(new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })),
      )

/**
 * A page of the trail about a case or a person, oldest first, for the
 * current principal when it is an auditor (`Forbidden`, rule
 * `policy.audit.auditor-only` or the policy's, otherwise); the read is audited.
 */
export const page = (
  about: About,
  query: { readonly limit: number; readonly after?: string | undefined },
): Effect.Effect<
  Pagination.Page<TrailEntry>,
  Errors.Forbidden | Errors.InvalidInput,
  AuditLog | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    yield* AccessPolicy.enforce(principal, "audit.read", { _tag: "National" }, at)
    const afterSeq = yield* afterSeqOf(query.after)
    const log = yield* AuditLog
    const rows = yield* log.page({ about, afterSeq, limit: query.limit + 1 })
    // The auditor's read is on the record too: what it was about, and that it was an audit.
    yield* Effect.orDie(log.append({ ...AuditEntry.actor(principal), ...about, action: "read", purpose: "audit" }))
    return Pagination.paginate(rows.map(toTrail), query.limit, (entry) => [entry.seq])
  })
