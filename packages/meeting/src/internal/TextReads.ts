// A read of sealed free text (minutes, decisions, action items, the reasons of
// a request or a cancellation), which may name people despite the rules, is
// audited: one entry per case the texts read are about, and one for the
// mechanism when some are about none, in one transaction of their own, purpose
// `case-conference`. Nothing read, nothing recorded.
import type { Id, Principal } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** `about` lists, per text read, the case it concerns (`undefined`: none). */
export const recordTextRead = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  about: ReadonlyArray<Id.CaseId | undefined>,
): Effect.Effect<void, never, AuditLog.AuditLog | SqlClient.SqlClient> =>
  about.length === 0
    ? Effect.void
    : Transaction.run(
        Effect.flatMap(AuditLog.AuditLog, (log) =>
          Effect.forEach(
            [...new Set(about)],
            (caseId) =>
              log.append({
                ...AuditEntry.actor(principal),
                mechanismId,
                ...(caseId === undefined ? {} : { caseId }),
                action: "read",
                purpose: "case-conference",
              }),
            { discard: true },
          ),
        ).pipe(Effect.orDie),
      )
