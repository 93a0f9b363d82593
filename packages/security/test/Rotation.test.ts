import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { type AuditEntry, AuditLog, Rotation, Vault } from "../src"
import { databases, rawSql, services } from "./support/Databases"

const key = (id: string, byte: number): Vault.VaultKey => ({
  id,
  material: Redacted.make(new Uint8Array(32).fill(byte)),
})
const k2025 = key("k2025", 1)
const k2026 = key("k2026", 2)
const lost = key("k-lost", 3)

const vaultOf = (...keys: [Vault.VaultKey, ...Array<Vault.VaultKey>]) => Effect.orDie(Vault.make(keys))
const withVault = (vault: Vault.Service) => Effect.provideService(Vault.Vault, vault)

const aad = (id: string, column: string) => `person:${id}:${column}`
const rowId = (i: number) => `p${String(i).padStart(3, "0")}`

// 25 people; every fifth has no personal number (NULL stays NULL).
const people = Array.from({ length: 25 }, (_, i) => ({
  id: rowId(i),
  familyName: `Family ${i}`,
  personalNumber: i % 5 === 0 ? null : `12345${String(i).padStart(5, "0")}`,
}))

const createPeople = (vault: Vault.Service) =>
  Effect.gen(function* () {
    const sql = yield* rawSql
    yield* sql`CREATE TABLE people (id TEXT PRIMARY KEY, family_name TEXT NOT NULL, personal_number TEXT)`
    for (const person of people) {
      const familyName = yield* vault.seal(person.familyName, aad(person.id, "family_name"))
      const personalNumber =
        person.personalNumber === null
          ? null
          : yield* vault.seal(person.personalNumber, aad(person.id, "personal_number"))
      yield* sql`INSERT INTO people ${sql.insert({ id: person.id, family_name: familyName, personal_number: personalNumber })}`
    }
  })

const openAll = (vault: Vault.Service) =>
  Effect.gen(function* () {
    const sql = yield* rawSql
    const rows = yield* sql<{ id: string; family_name: string; personal_number: string | null }>`
      SELECT id, family_name, personal_number FROM people ORDER BY id`
    return yield* Effect.forEach(rows, (row) =>
      Effect.all({
        id: Effect.succeed(row.id),
        familyName: vault.open(row.family_name, aad(row.id, "family_name")),
        personalNumber:
          row.personal_number === null
            ? Effect.succeed(null)
            : vault.open(row.personal_number, aad(row.id, "personal_number")),
      }),
    )
  })

const plan: Rotation.Plan = {
  table: "people",
  idColumn: "id",
  columns: ["family_name", "personal_number"],
  batchSize: 7,
}
const sealedValues = people.length + people.filter((p) => p.personalNumber !== null).length

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: Rotation`, () => {
    it.live("re-wraps every value in batches; the old key can then be removed", () =>
      Effect.gen(function* () {
        const old = yield* vaultOf(k2025)
        yield* createPeople(old)
        const both = yield* vaultOf(k2026, k2025)
        expect(yield* withVault(both)(Rotation.pending(plan))).toBe(sealedValues)

        const report = yield* withVault(both)(Rotation.rotate(plan))
        expect(report).toEqual({
          table: "people",
          keyId: "k2026",
          rows: people.length,
          values: sealedValues,
          skipped: 0,
          batches: Math.ceil(people.length / 7),
        })
        expect(yield* withVault(both)(Rotation.pending(plan))).toBe(0)

        const onlyNew = yield* vaultOf(k2026)
        expect(yield* openAll(onlyNew)).toEqual(people)
        const stale = yield* Effect.either(openAll(old))
        expect(stale._tag).toBe("Left")

        // A second run finds nothing to do.
        expect(yield* withVault(both)(Rotation.rotate(plan))).toMatchObject({ rows: 0, values: 0, batches: 0 })
      }).pipe(Effect.provide(db.layer)),
    )

    it.live("stops at a value it cannot re-wrap, keeps the batches done, and resumes", () =>
      Effect.gen(function* () {
        const old = yield* vaultOf(k2025)
        yield* createPeople(old)
        // One value under a key the rotating vault does not hold, in the third batch (rows 14..20).
        const sql = yield* rawSql
        const foreign = yield* (yield* vaultOf(lost)).seal("Family 16", aad(rowId(16), "family_name"))
        yield* sql`UPDATE people SET family_name = ${foreign} WHERE id = ${rowId(16)}`

        const rotating = yield* vaultOf(k2026, k2025)
        const error = yield* Effect.flip(withVault(rotating)(Rotation.rotate(plan)))
        expect(error).toMatchObject({ _tag: "VaultError", reason: "unknown-key", keyId: "k-lost" })
        // Two batches of 7 rows committed; the failed batch rolled back.
        const done = people.slice(0, 14)
        const doneValues = done.length + done.filter((p) => p.personalNumber !== null).length
        expect(yield* withVault(rotating)(Rotation.pending(plan))).toBe(sealedValues - doneValues)

        const complete = yield* vaultOf(k2026, k2025, lost)
        const resumed = yield* withVault(complete)(Rotation.rotate(plan))
        expect(resumed).toMatchObject({ rows: people.length - 14, values: sealedValues - doneValues })
        expect(yield* openAll(yield* vaultOf(k2026))).toEqual(people)
      }).pipe(Effect.provide(db.layer)),
    )

    it.live("rotates the audit log's sealed reasons without breaking the chain", () =>
      Effect.gen(function* () {
        const log = yield* AuditLog.AuditLog
        const caseId = "01JDDDDDDDDDDDDDDDDDDDDDD1" as AuditEntry.Fields["caseId"] & string
        for (let i = 0; i < 6; i++) {
          const breakGlass = i % 2 === 0
          yield* log.append({
            principalId: "01JAAAAAAAAAAAAAAAAAAAAAA1" as AuditEntry.Fields["principalId"],
            caseId,
            action: breakGlass ? "break-glass-read" : "read",
            purpose: breakGlass ? "break-glass" : "case-management",
            ...(breakGlass ? { reason: `emergency ${i}` } : {}),
          })
        }
        const rotating = yield* vaultOf(k2026, k2025)
        const report = yield* withVault(rotating)(
          Rotation.rotate({ table: "audit_log", idColumn: "seq", columns: ["reason"], batchSize: 2 }),
        )
        expect(report).toMatchObject({ rows: 3, values: 3, batches: 2 })
        // The log now needs only the new key: the chain verifies, the reasons open.
        const onlyNew = withVault(yield* vaultOf(k2026))
        const rotated = yield* onlyNew(AuditLog.make)
        expect(yield* rotated.verify).toMatchObject({ ok: true, entries: 6 })
        expect((yield* rotated.forCase(caseId)).map((entry) => entry.reason)).toEqual([
          "emergency 0",
          undefined,
          "emergency 2",
          undefined,
          "emergency 4",
          undefined,
        ])
      }).pipe(Effect.provide(services(db, Layer.effect(Vault.Vault, vaultOf(k2025))))),
    )
  })
}
