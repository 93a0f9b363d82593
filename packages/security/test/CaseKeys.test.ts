// Each case's data key on both dialects (ADR 0012): values sealed for a case
// open with its key only; values sealed before under the vault's key still
// open, and are adopted without decryption; destroying the key leaves a
// tombstone, after which nothing of the case opens and no key is made again;
// key rotation re-wraps the case keys and skips the values under them.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Redacted } from "effect"
import { AccessPolicy, CaseKeys, Rotation, Vault } from "../src"
import { databases, rawSql, services } from "./support/Databases"

const withKeys = <A, E, R>(effect: Effect.Effect<A, E, R | CaseKeys.CaseKeys>) => Effect.provide(effect, CaseKeys.layer)

const caseA = "01KDVDP3CG38D1M6GT38D1M6GA"
const caseB = "01KDVDP3CG38D1M6GT38D1M6GB"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: CaseKeys`, () => {
    it.effect("seals under the case's own key, which opens only that case's values", () =>
      withKeys(
        Effect.gen(function* () {
          const keys = yield* CaseKeys.CaseKeys
          const a = yield* keys.forCase(caseA)
          const sealed = yield* a.seal("Arta", "person:p1:given-name")
          expect(sealed.startsWith("v1.case.")).toBe(true)
          expect(CaseKeys.isCaseKeyed(sealed)).toBe(true)
          // A fresh keyring reads the key back from the table.
          expect(yield* (yield* keys.forCase(caseA)).open(sealed, "person:p1:given-name")).toBe("Arta")
          // Another case's key does not open it; nor does the vault.
          const b = yield* keys.forCase(caseB)
          yield* b.seal("x", "x")
          expect(Exit.isFailure(yield* Effect.exit(b.open(sealed, "person:p1:given-name")))).toBe(true)
          const vault = yield* Vault.Vault
          const refused = yield* Effect.flip(vault.open(sealed, "person:p1:given-name"))
          expect(refused).toMatchObject({ reason: "unknown-key", keyId: "case" })
          // The key row holds the case key sealed by the vault, never in the clear.
          const sql = yield* rawSql
          const rows = yield* sql<{ wrapped_key: string }>`SELECT wrapped_key FROM case_data_keys ORDER BY case_id`
          expect(rows).toHaveLength(2)
          for (const row of rows) expect(row.wrapped_key.startsWith(`v1.${Vault.testKeys[0].id}.`)).toBe(true)
        }),
      ).pipe(Effect.provide(services(db))),
    )

    it.effect("opens what the vault sealed before, and adopts it without decrypting", () =>
      withKeys(
        Effect.gen(function* () {
          const vault = yield* Vault.Vault
          const legacy = yield* vault.seal("Bekim", "person:p2:given-name")
          const keys = yield* (yield* CaseKeys.CaseKeys).forCase(caseA)
          expect(yield* keys.open(legacy, "person:p2:given-name")).toBe("Bekim")
          const adopted = yield* keys.adopt(legacy)
          expect(CaseKeys.isCaseKeyed(adopted)).toBe(true)
          // The ciphertext and iv are unchanged: only the value's key is wrapped again.
          expect(adopted.split(".").slice(3)).toEqual(legacy.split(".").slice(3))
          expect(yield* keys.open(adopted, "person:p2:given-name")).toBe("Bekim")
          expect(yield* keys.adopt(adopted)).toBe(adopted)
        }),
      ).pipe(Effect.provide(services(db))),
    )

    it.effect("destroying the key erases the case: nothing opens, no key is made again, the row stays", () =>
      withKeys(
        Effect.gen(function* () {
          const service = yield* CaseKeys.CaseKeys
          const sealed = yield* (yield* service.forCase(caseA)).seal("Arta", "note:1:text")
          const at = new Date("2031-03-31T10:15:00Z")
          expect(yield* service.destroy(caseA, at)).toBe(true)
          expect(yield* service.destroy(caseA, at)).toBe(false)
          const after = yield* service.forCase(caseA)
          expect(after.erasedAt).toEqual(at)
          expect(yield* Effect.flip(after.open(sealed, "note:1:text"))).toMatchObject({
            _tag: "CaseErased",
            caseId: caseA,
          })
          expect(Exit.isFailure(yield* Effect.exit(after.seal("again", "note:2:text")))).toBe(true)
          // A case that never sealed anything gets its tombstone too.
          expect(yield* service.destroy(caseB, at)).toBe(true)
          expect((yield* service.forCase(caseB)).erasedAt).toEqual(at)
          const sql = yield* rawSql
          const rows = yield* sql<{ wrapped_key: string | null }>`SELECT wrapped_key FROM case_data_keys`
          expect(rows).toEqual([{ wrapped_key: null }, { wrapped_key: null }])
        }),
      ).pipe(Effect.provide(services(db))),
    )

    it.effect("an opened case key is kept while its row holds the same text, and never outlives an erasure", () =>
      Effect.gen(function* () {
        const vault = yield* Vault.Vault
        // The vault's opens counted: a case key taken from the row is one open.
        let opens = 0
        const counted: Vault.Service = {
          ...vault,
          open: (sealed, aad) => {
            opens += 1
            return vault.open(sealed, aad)
          },
        }
        const here = yield* Effect.provideService(CaseKeys.make, Vault.Vault, counted)
        // Another instance over the same database, with its own memory.
        const elsewhere = yield* CaseKeys.make
        const sealed = yield* (yield* here.forCase(caseA)).seal("Arta", "note:1:text")
        const sealedB = yield* (yield* here.forCase(caseB)).seal("Bekim", "note:2:text")
        const opened = opens
        // Read again: the row is read, the key it holds is not opened again.
        expect(yield* (yield* here.forCase(caseA)).open(sealed, "note:1:text")).toBe("Arta")
        expect(opens).toBe(opened)
        // The row's text changed (here, another case's key copied over it):
        // what was kept is not used, the row's own text is opened — and refused.
        const sql = yield* rawSql
        yield* sql`UPDATE case_data_keys SET wrapped_key = (SELECT wrapped_key FROM case_data_keys WHERE case_id = ${caseB}) WHERE case_id = ${caseA}`
        expect(Exit.isFailure(yield* Effect.exit(here.forCase(caseA)))).toBe(true)
        expect(opens).toBe(opened + 1)
        // Erased by the other instance: this one's next operation sees it.
        expect(yield* (yield* here.forCase(caseB)).open(sealedB, "note:2:text")).toBe("Bekim")
        expect(yield* elsewhere.destroy(caseB, new Date("2031-03-31T10:15:00Z"))).toBe(true)
        const after = yield* here.forCase(caseB)
        expect(yield* Effect.flip(after.open(sealedB, "note:2:text"))).toMatchObject({ _tag: "CaseErased" })
      }).pipe(Effect.provide(services(db))),
    )

    it.effect("rotation re-wraps the case keys and leaves the values under them alone", () =>
      Effect.gen(function* () {
        // The case key sealed under the previous key; the test vault has both, the current first.
        const old = yield* Effect.orDie(Vault.make([Vault.testKeys[1]]))
        const sealed = yield* withKeys(
          Effect.flatMap(CaseKeys.CaseKeys, (keys) =>
            Effect.flatMap(keys.forCase(caseA), (ring) => ring.seal("Arta", "note:1:text")),
          ),
        ).pipe(Effect.provideService(Vault.Vault, old))
        const sql = yield* rawSql
        yield* sql`CREATE TABLE notes (id TEXT PRIMARY KEY, text TEXT)`
        yield* sql`INSERT INTO notes (id, text) VALUES ('n1', ${sealed})`
        const report = yield* Rotation.rotate({
          table: "case_data_keys",
          idColumn: "case_id",
          columns: ["wrapped_key"],
        })
        expect(report.values).toBe(1)
        expect(yield* Rotation.pending({ table: "notes", columns: ["text"] })).toBe(0)
        expect((yield* Rotation.rotate({ table: "notes", idColumn: "id", columns: ["text"] })).values).toBe(0)
        // The old key can go: the case key now opens under the current one alone.
        const current = yield* Effect.orDie(Vault.make([Vault.testKeys[0]]))
        const opened = yield* withKeys(
          Effect.flatMap(CaseKeys.CaseKeys, (keys) =>
            Effect.flatMap(keys.forCase(caseA), (ring) => ring.open(sealed, "note:1:text")),
          ),
        ).pipe(Effect.provideService(Vault.Vault, current))
        expect(opened).toBe("Arta")
      }).pipe(Effect.provide(services(db))),
    )
  })
}

describe("the vault and the policy around case keys", () => {
  it.effect("the vault refuses a key named `case`", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(Vault.make([{ id: "case", material: Redacted.make(new Uint8Array(32).fill(7)) }]))
      expect(Exit.isFailure(exit)).toBe(true)
    }),
  )

  it("only the administrator may erase a case", () => {
    const resource = {
      _tag: "Case" as const,
      caseId: caseA as never,
      mechanismId: caseB as never,
      leadInstitution: caseB as never,
      team: [{ institution: caseB as never, access: "full" as const }],
      consents: [],
      signatories: [caseB as never],
    }
    const at = new Date("2026-12-06T10:00:00Z")
    const who = (roles: ReadonlyArray<string>, institution?: string) =>
      ({
        id: caseA,
        kind: "user",
        roles,
        mechanisms: [caseB],
        ...(institution === undefined ? {} : { institution }),
      }) as never
    expect(AccessPolicy.decide(who(["administrator"]), "case.erase", resource, at)).toMatchObject({
      _tag: "Allow",
      reason: "policy.allow.erasure",
    })
    for (const roles of [["coordinator"], ["case-worker"], ["auditor"], ["national-coordinator"]])
      expect(AccessPolicy.decide(who(roles, caseB), "case.erase", resource, at)).toEqual({
        _tag: "Deny",
        rule: "policy.erasure.administrator-only",
      })
  })
})
