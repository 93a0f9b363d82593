// The one way a case is erased, on request (`CaseErasure`) or by the
// retention job (`CaseRetention`), ADR 0012. In one transaction: the case is
// claimed (its version moves, so a concurrent change is a 412 or waits) and
// marked erased; its values still under a vault key move under its data key;
// its persons' blind indexes are forgotten; the data key is destroyed; the
// audit log gets an `erase` entry (ids and the legal reason, sealed by the
// audit log) and the outbox `case.case.erased` (ids only). Nothing else is
// deleted: the pseudonymous rows keep counting in the statistics, and the
// audit chain is only appended to.
import type { Errors, Id } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditLog, CaseKeys } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import type * as Case from "../Case"
import { aggregateType } from "../CaseEvents"
import { CaseRepository } from "../CaseRepository"
import { ErasableRecords } from "../ErasableRecords"

/** @internal What erasing needs. */
export type Requirements =
  | CaseRepository
  | ErasableRecords
  | CaseKeys.CaseKeys
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

/** @internal Who erases, and on what ground. */
export interface Erasure {
  readonly principalId: Id.PrincipalId
  readonly institutionId?: Id.InstitutionId | undefined
  readonly reason: string
  /** True for the retention job. */
  readonly automatic: boolean
  readonly at: Date
}

/** @internal Erases `aCase`, decided on `expectedVersion`; the case as erased. */
export const erase = (
  aCase: Case.Case,
  expectedVersion: number,
  erasure: Erasure,
): Effect.Effect<Case.Case, Errors.NotFound | Errors.Conflict | Errors.InvalidInput, Requirements> =>
  Effect.gen(function* () {
    const cases = yield* CaseRepository
    const records = yield* ErasableRecords
    const caseKeys = yield* CaseKeys.CaseKeys
    const audit = yield* AuditLog.AuditLog
    return yield* Transaction.run(
      Effect.gen(function* () {
        const erased = yield* cases.update({ ...aCase, erasedAt: erasure.at }, expectedVersion)
        yield* records.adopt(aCase.id, yield* caseKeys.forCase(aCase.id))
        yield* records.forgetIndexes(aCase.id)
        yield* caseKeys.destroy(aCase.id, erasure.at)
        yield* audit.append({
          principalId: erasure.principalId,
          ...(erasure.institutionId === undefined ? {} : { institutionId: erasure.institutionId }),
          mechanismId: aCase.mechanismId,
          caseId: aCase.id,
          action: "erase",
          purpose: "mechanism-administration",
          reason: erasure.reason,
        })
        yield* Outbox.append({
          topic: "case.case.erased",
          aggregateType,
          aggregateId: aCase.id,
          payload: {
            caseId: aCase.id,
            mechanismId: aCase.mechanismId,
            principalId: erasure.principalId,
            automatic: erasure.automatic,
            erasedAt: erasure.at.toISOString(),
          },
        })
        return erased
      }),
    )
  })
