// The auditor's trail (issue 13, finding 4): who read or changed a case's or a
// person's data, when, why; pages in SQL; only the auditor; the reading itself
// is audited; a written break-glass reason is not part of the answer.
import { type Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type AuditEntry, AuditLog, AuditTrail } from "../src"
import { count, databases, services } from "./support/Databases"

const caseId = "01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId
const personId = "01JEEEEEEEEEEEEEEEEEEEEEE1" as Id.PersonId
const auditor: Principal.Principal = {
  id: "01JAAAAAAAAAAAAAAAAAAAAAA9" as Id.PrincipalId,
  kind: "user",
  roles: ["auditor"],
  mechanisms: [],
}
const coordinator: Principal.Principal = {
  id: "01JAAAAAAAAAAAAAAAAAAAAAA8" as Id.PrincipalId,
  kind: "user",
  institution: "01JBBBBBBBBBBBBBBBBBBBBBB1" as Id.InstitutionId,
  roles: ["coordinator"],
  mechanisms: ["01JCCCCCCCCCCCCCCCCCCCCCC1" as Id.MechanismId],
}
const reason = "Threats by phone tonight; Vjosa K. needs a patrol"

const draft = (n: number, extra: Partial<AuditEntry.Draft> = {}): AuditEntry.Draft => ({
  principalId: `01JAAAAAAAAAAAAAAAAAAAAAA${n}` as AuditEntry.Fields["principalId"],
  caseId,
  personId,
  action: "read",
  purpose: "case-management",
  ...extra,
})

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: AuditTrail`, () => {
    it.live("pages a case's trail for the auditor, audits the reading, answers no reason", () =>
      Effect.gen(function* () {
        const log = yield* AuditLog.AuditLog
        yield* log.append(draft(1))
        yield* log.append(draft(2, { action: "write" }))
        yield* log.append(draft(3, { action: "break-glass-read", purpose: "break-glass", reason }))
        yield* log.append(draft(4, { caseId: "01JDDDDDDDDDDDDDDDDDDDDDD2" as Id.CaseId, personId: undefined }))
        const first = yield* as(auditor)(AuditTrail.page({ caseId }, { limit: 2 }))
        expect(first.items.map((e) => [e.seq, e.action, e.purpose, e.breakGlass])).toEqual([
          [1, "read", "case-management", false],
          [2, "write", "case-management", false],
        ])
        expect(first.next).not.toBeNull()
        const second = yield* as(auditor)(AuditTrail.page({ caseId }, { limit: 2, after: first.next ?? undefined }))
        // Entry 5 is the auditor's first reading, about the case.
        expect(second.items.map((e) => e.seq)).toEqual([3, 5])
        expect(JSON.stringify(second)).not.toContain("Vjosa")
        expect(second.items[1]).toMatchObject({ principalId: auditor.id, purpose: "audit", caseId })
        const byPerson = yield* as(auditor)(AuditTrail.page({ personId }, { limit: 50 }))
        expect(byPerson.items.map((e) => e.seq)).toEqual([1, 2, 3])
        expect(yield* log.verify).toMatchObject({ ok: true })
      }).pipe(Effect.provide(services(db))),
    )

    it.live("refuses anyone but the auditor, writing nothing", () =>
      Effect.gen(function* () {
        const log = yield* AuditLog.AuditLog
        yield* log.append(draft(1))
        const refused = yield* Effect.flip(as(coordinator)(AuditTrail.page({ caseId }, { limit: 10 })))
        expect(refused).toMatchObject({ _tag: "Forbidden", action: "audit.read" })
        expect(yield* count("audit_log")).toBe(1)
        const badCursor = yield* Effect.flip(as(auditor)(AuditTrail.page({ caseId }, { limit: 10, after: "WyJ4Il0" })))
        expect(badCursor).toMatchObject({ _tag: "InvalidInput", field: "cursor" })
      }).pipe(Effect.provide(services(db))),
    )
  })
}
