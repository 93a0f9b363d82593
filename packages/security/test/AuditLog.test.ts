import { Errors, type Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Exit } from "effect"
import { AuditChain, type AuditEntry, AuditLog } from "../src"
import { count, databases, dropGuards, rawSql, services } from "./support/Databases"

const ids = {
  principal: "01JAAAAAAAAAAAAAAAAAAAAAA1" as AuditEntry.Fields["principalId"],
  otherPrincipal: "01JAAAAAAAAAAAAAAAAAAAAAA2" as AuditEntry.Fields["principalId"],
  police: "01JBBBBBBBBBBBBBBBBBBBBBB1" as Id.InstitutionId,
  socialWork: "01JBBBBBBBBBBBBBBBBBBBBBB2" as Id.InstitutionId,
  mechanism: "01JCCCCCCCCCCCCCCCCCCCCCC1" as Id.MechanismId,
  case: "01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId,
  otherCase: "01JDDDDDDDDDDDDDDDDDDDDDD2" as Id.CaseId,
  person: "01JEEEEEEEEEEEEEEEEEEEEEE1" as Id.PersonId,
}

const read = (overrides: Partial<AuditEntry.Draft> = {}): AuditEntry.Draft => ({
  principalId: ids.principal,
  institutionId: ids.police,
  mechanismId: ids.mechanism,
  caseId: ids.case,
  personId: ids.person,
  action: "read",
  purpose: "case-management",
  ...overrides,
})

const reason = "Ambulance call at night; need the protection order for Vjosa K."

const append = (draft: AuditEntry.Draft) => Effect.flatMap(AuditLog.AuditLog, (log) => log.append(draft))
const verify = Effect.flatMap(AuditLog.AuditLog, (log) => log.verify)

// Five entries: reads and writes on two cases, one break-glass read with a reason.
const seed = Effect.gen(function* () {
  yield* append(read())
  yield* append(read({ action: "write", institutionId: ids.socialWork, principalId: ids.otherPrincipal }))
  yield* append(read({ action: "break-glass-read", purpose: "break-glass", reason }))
  yield* append(read({ caseId: ids.otherCase, personId: undefined }))
  yield* append(read({ action: "export", purpose: "case-conference" }))
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: AuditLog`, () => {
    it.live("appends linked entries and verifies the chain", () =>
      Effect.gen(function* () {
        const log = yield* AuditLog.AuditLog
        expect(yield* log.verify).toEqual({ ok: true, entries: 0, head: AuditChain.emptyHead })
        const first = yield* log.append(read())
        const second = yield* log.append(read({ action: "write" }))
        expect(first.seq).toBe(1)
        expect(first.prevHash).toBe(AuditChain.genesisHash)
        expect(second).toMatchObject({ seq: 2, prevHash: first.hash, breakGlass: false })
        expect(yield* log.head).toEqual({ seq: 2, hash: second.hash })
        expect(yield* log.verify).toEqual({ ok: true, entries: 2, head: { seq: 2, hash: second.hash } })
      }).pipe(Effect.provide(services(db))),
    )

    // A bulk import's page: more entries than one insert takes (ADR 0038), the
    // head moved by the database with each, then one more append after them.
    it.live("appends a page of entries as one chain, the head at the last, all or none", () =>
      Effect.gen(function* () {
        const log = yield* AuditLog.AuditLog
        yield* log.append(read())
        const page = yield* log.appendAll(
          Array.from({ length: 1_201 }, (_, n) => read(n === 700 ? { action: "break-glass-read", reason } : {})),
        )
        expect(page.map((entry) => entry.seq)).toEqual(Array.from({ length: 1_201 }, (_, n) => n + 2))
        expect(yield* log.head).toEqual({ seq: 1_202, hash: page[1_200]?.hash })
        const after = yield* log.append(read({ action: "write" }))
        expect(after).toMatchObject({ seq: 1_203, prevHash: page[1_200]?.hash })
        expect(yield* log.verify).toEqual({ ok: true, entries: 1_203, head: { seq: 1_203, hash: after.hash } })
        expect((yield* log.forCase(ids.case))[701]?.reason).toBe(reason)
        // One refused draft: none of the page is written, the head stays.
        const refused = yield* Effect.flip(
          log.appendAll([read(), read({ action: "break-glass-read", purpose: "break-glass" }), read()]),
        )
        expect(refused).toMatchObject({ rule: "audit.reason.required" })
        expect(yield* count("audit_log")).toBe(1_203)
        expect(yield* log.head).toEqual({ seq: 1_203, hash: after.hash })
      }).pipe(Effect.provide(services(db))),
    )

    it.live("answers who saw a case or a person, and why, with the break-glass reason", () =>
      Effect.gen(function* () {
        yield* seed
        const log = yield* AuditLog.AuditLog
        const forCase = yield* log.forCase(ids.case)
        expect(forCase.map((e) => [e.seq, e.principalId, e.institutionId, e.action, e.purpose, e.breakGlass])).toEqual([
          [1, ids.principal, ids.police, "read", "case-management", false],
          [2, ids.otherPrincipal, ids.socialWork, "write", "case-management", false],
          [3, ids.principal, ids.police, "break-glass-read", "break-glass", true],
          [5, ids.principal, ids.police, "export", "case-conference", false],
        ])
        expect(forCase[2]?.reason).toBe(reason)
        expect((yield* log.forPerson(ids.person)).map((e) => e.seq)).toEqual([1, 2, 3, 5])
        expect((yield* log.forCase(ids.otherCase)).map((e) => e.seq)).toEqual([4])
        // The reason is stored sealed, bound to its entry.
        const sql = yield* rawSql
        const rows = yield* sql<{ reason: string | null }>`SELECT reason FROM audit_log WHERE seq = 3`
        expect(rows[0]?.reason).toMatch(/^v1\.test-current\./)
        expect(rows[0]?.reason).not.toContain("Vjosa")
      }).pipe(Effect.provide(services(db))),
    )

    it.live("a read without a purpose: InvalidInput naming the rule, nothing written, no personal data", () =>
      Effect.gen(function* () {
        yield* append(read())
        const headBefore = yield* Effect.flatMap(AuditLog.AuditLog, (log) => log.head)
        const { purpose: _, ...withoutPurpose } = read({ reason })
        const error = yield* Effect.flip(append(withoutPurpose))
        expect(error).toBeInstanceOf(Errors.InvalidInput)
        expect(error).toMatchObject({ _tag: "InvalidInput", field: "purpose", rule: "audit.purpose.required" })
        const text = `${error.message} ${JSON.stringify(error)}`
        expect(text).not.toContain("Vjosa")
        expect(text).not.toContain(ids.person)
        expect(yield* count("audit_log")).toBe(1)
        expect(yield* Effect.flatMap(AuditLog.AuditLog, (log) => log.head)).toEqual(headBefore)

        const noReason = yield* Effect.flip(append(read({ action: "break-glass-read", purpose: "break-glass" })))
        expect(noReason).toMatchObject({ field: "reason", rule: "audit.reason.required" })
        const blankReason = yield* Effect.flip(append(read({ breakGlass: true, reason: "   " })))
        expect(blankReason).toMatchObject({ field: "reason", rule: "audit.reason.required" })
        expect(yield* count("audit_log")).toBe(1)
      }).pipe(Effect.provide(services(db))),
    )

    it.live("joins the caller's transaction: a rollback takes the entry with it", () =>
      Effect.gen(function* () {
        const sql = yield* rawSql
        const exit = yield* Effect.exit(
          sql.withTransaction(Effect.zipRight(append(read()), Effect.fail("the data write failed" as const))),
        )
        expect(Exit.isFailure(exit)).toBe(true)
        expect(yield* count("audit_log")).toBe(0)
        const entry = yield* append(read())
        expect(entry.seq).toBe(1)
        expect(yield* verify).toMatchObject({ ok: true, entries: 1 })
      }).pipe(Effect.provide(services(db))),
    )

    it.live("the database refuses to rewrite, delete, or fork the log", () =>
      Effect.gen(function* () {
        yield* seed
        const sql = yield* rawSql
        const refused = (statement: Effect.Effect<unknown, unknown>) =>
          Effect.map(Effect.either(statement), Either.isLeft)
        expect(yield* refused(sql`UPDATE audit_log SET purpose = 'statistics' WHERE seq = 2`)).toBe(true)
        expect(yield* refused(sql`UPDATE audit_log SET seq = 99 WHERE seq = 5`)).toBe(true)
        expect(yield* refused(sql`DELETE FROM audit_log WHERE seq = 5`)).toBe(true)
        expect(yield* refused(sql`DELETE FROM audit_log`)).toBe(true)
        expect(yield* refused(sql`DELETE FROM audit_head`)).toBe(true)
        expect(yield* refused(sql`UPDATE audit_head SET seq = 4`)).toBe(true)
        const entry5 = (yield* Effect.flatMap(AuditLog.AuditLog, (log) => log.forCase(ids.case)))[3]!
        // A second entry 5 (a fork) does not go in, even with a correct prev_hash.
        expect(
          yield* refused(sql`INSERT INTO audit_log (seq, id, at, principal_id, action, purpose, break_glass, prev_hash, hash)
            VALUES (5, 'fork', ${entry5.at.toISOString()}, 'p', 'read', 'audit', ${sql.onDialectOrElse({ pg: () => false, orElse: () => 0 })}, ${entry5.prevHash}, ${entry5.hash})`),
        ).toBe(true)
        expect(yield* count("audit_log")).toBe(5)
        expect(yield* verify).toMatchObject({ ok: true, entries: 5 })
        yield* sql.onDialectOrElse({
          pg: () => Effect.map(Effect.either(sql`TRUNCATE audit_log`), (r) => expect(Either.isLeft(r)).toBe(true)),
          orElse: () => Effect.void,
        })
      }).pipe(Effect.provide(services(db))),
    )

    describe("once the guards are dropped, the verifier still finds", () => {
      const tampered = (
        name: string,
        tamper: Effect.Effect<unknown, unknown, AuditLog.AuditLog | import("@effect/sql").SqlClient.SqlClient>,
        expected: { firstBrokenSeq: number; reason: AuditChain.BrokenLink },
      ) =>
        it.live(name, () =>
          Effect.gen(function* () {
            yield* seed
            expect(yield* verify).toMatchObject({ ok: true, entries: 5 })
            yield* dropGuards
            yield* Effect.orDie(tamper)
            expect(yield* verify).toEqual({ ok: false, ...expected })
          }).pipe(Effect.provide(services(db))),
        )

      tampered(
        "an edited purpose",
        Effect.flatMap(rawSql, (sql) => sql`UPDATE audit_log SET purpose = 'statistics' WHERE seq = 2`),
        { firstBrokenSeq: 2, reason: "hash-mismatch" },
      )
      tampered(
        "an edited principal",
        Effect.flatMap(rawSql, (sql) => sql`UPDATE audit_log SET principal_id = ${ids.otherPrincipal} WHERE seq = 1`),
        { firstBrokenSeq: 1, reason: "hash-mismatch" },
      )
      tampered(
        "a removed break-glass flag",
        Effect.flatMap(
          rawSql,
          (sql) =>
            sql`UPDATE audit_log SET break_glass = ${sql.onDialectOrElse({ pg: () => false, orElse: () => 0 })} WHERE seq = 3`,
        ),
        { firstBrokenSeq: 3, reason: "hash-mismatch" },
      )
      tampered(
        "a sealed reason moved from another entry or replaced",
        Effect.flatMap(rawSql, (sql) =>
          Effect.gen(function* () {
            const log = yield* AuditLog.AuditLog
            const other = yield* log.append(read({ breakGlass: true, reason: "another reason" }))
            const rows = yield* sql<{ reason: string }>`SELECT reason FROM audit_log WHERE seq = ${other.seq}`
            yield* sql`UPDATE audit_log SET reason = ${rows[0]!.reason} WHERE seq = 3`
          }),
        ),
        { firstBrokenSeq: 3, reason: "hash-mismatch" },
      )
      tampered(
        "a sealed reason copied onto an entry that had none",
        Effect.flatMap(rawSql, (sql) =>
          Effect.gen(function* () {
            const rows = yield* sql<{ reason: string }>`SELECT reason FROM audit_log WHERE seq = 3`
            yield* sql`UPDATE audit_log SET reason = ${rows[0]!.reason} WHERE seq = 4`
          }),
        ),
        { firstBrokenSeq: 4, reason: "hash-mismatch" },
      )
      tampered(
        "an edited time",
        Effect.flatMap(rawSql, (sql) =>
          sql.onDialectOrElse({
            pg: () => sql`UPDATE audit_log SET at = at - interval '1 day' WHERE seq = 4`,
            orElse: () => sql`UPDATE audit_log SET at = 'yesterday' WHERE seq = 4`,
          }),
        ),
        { firstBrokenSeq: 4, reason: "hash-mismatch" },
      )
      tampered(
        "a deleted entry in the middle",
        Effect.flatMap(rawSql, (sql) => sql`DELETE FROM audit_log WHERE seq = 2`),
        { firstBrokenSeq: 2, reason: "seq-mismatch" },
      )
      tampered(
        "a deleted last entry",
        Effect.flatMap(rawSql, (sql) => sql`DELETE FROM audit_log WHERE seq = 5`),
        { firstBrokenSeq: 5, reason: "tail-missing" },
      )
      tampered(
        "two entries swapped",
        Effect.flatMap(rawSql, (sql) =>
          Effect.gen(function* () {
            yield* sql`UPDATE audit_log SET seq = 1000 WHERE seq = 2`
            yield* sql`UPDATE audit_log SET seq = 2 WHERE seq = 4`
            yield* sql`UPDATE audit_log SET seq = 4 WHERE seq = 1000`
          }),
        ),
        // Renumbered rows keep their seq in place, so the break shows as a wrong link.
        { firstBrokenSeq: 2, reason: "prev-hash-mismatch" },
      )
      tampered(
        "a deleted head",
        Effect.flatMap(rawSql, (sql) => sql`DELETE FROM audit_head`),
        { firstBrokenSeq: 6, reason: "head-missing" },
      )
    })

    it.live("a cut tail with the head moved back is found against an anchored head", () =>
      Effect.gen(function* () {
        yield* seed
        const log = yield* AuditLog.AuditLog
        // Published elsewhere (a signed e-mail, another system) after seq 5.
        const anchor = yield* log.head
        yield* dropGuards
        const sql = yield* rawSql
        const rows = yield* sql<{ hash: string }>`SELECT hash FROM audit_log WHERE seq = 4`
        yield* sql`DELETE FROM audit_log WHERE seq = 5`
        yield* sql`UPDATE audit_head SET seq = 4, hash = ${rows[0]!.hash} WHERE id = 1`
        // Consistent again from inside the database alone:
        expect(yield* log.verify).toMatchObject({ ok: true, entries: 4 })
        // but not against the anchor.
        expect(yield* log.verifyAgainst(anchor)).toEqual({ ok: false, firstBrokenSeq: 5, reason: "anchor-mismatch" })
        const earlier = (yield* log.forCase(ids.case))[1]!
        expect(yield* log.verifyAgainst({ seq: 2, hash: earlier.hash })).toMatchObject({ ok: true, entries: 4 })
      }).pipe(Effect.provide(services(db))),
    )

    it.live("concurrent appends never fork the chain", () =>
      Effect.gen(function* () {
        const drafts = Array.from({ length: 40 }, (_, i) =>
          read({ action: i % 2 === 0 ? "read" : "write", purpose: i % 3 === 0 ? "referral" : "case-management" }),
        )
        const entries = yield* Effect.all(drafts.map(append), { concurrency: "unbounded" })
        expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(drafts.map((_, i) => i + 1))
        expect(yield* verify).toMatchObject({ ok: true, entries: 40 })
      }).pipe(Effect.provide(services(db))),
    )
  })
}
