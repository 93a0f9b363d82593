// Issue 13, finding 4: with the triggers dropped, a row was rewritten and the
// chain recomputed, and nothing noticed. A checkpoint of the head, signed with
// a key the database does not hold and kept outside it, is what notices: the
// re-hashed chain verifies on its own but no longer holds the signed entry.
import { generateKeyPairSync } from "node:crypto"
import type { Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { AuditChain, AuditCheckpoint, type AuditEntry, AuditLog } from "../src"
import { databases, dropGuards, rawSql, services } from "./support/Databases"

const seed = Uint8Array.from({ length: 32 }, (_, i) => i + 1)
const seedText = Buffer.from(seed).toString("base64")
const other = Buffer.from(new Uint8Array(32).fill(7)).toString("base64")

const draft = (n: number): AuditEntry.Draft => ({
  principalId: `01JAAAAAAAAAAAAAAAAAAAAAA${n}` as AuditEntry.Fields["principalId"],
  caseId: "01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId,
  action: "read",
  purpose: "case-management",
})

describe("AuditCheckpoint: keys and signatures", () => {
  it.effect("signs a head and checks it; any edited field, or another key, fails", () =>
    Effect.gen(function* () {
      const key = yield* AuditCheckpoint.signingKey(seedText)
      const head = { seq: 7, hash: AuditChain.genesisHash.replace(/0$/, "a") as AuditEntry.Hash }
      const signed = yield* AuditCheckpoint.sign(key, head, new Date("2026-03-01T09:30:00Z"))
      expect(signed).toMatchObject({ seq: 7, entries: 7, at: "2026-03-01T09:30:00.000Z", key: key.publicKey })
      const publicKey = yield* AuditCheckpoint.verifyingKey(key.publicKey)
      expect(yield* AuditCheckpoint.verify(publicKey, signed)).toBe(true)
      for (const edited of [
        { ...signed, seq: 6, entries: 6 },
        { ...signed, hash: AuditChain.genesisHash },
        { ...signed, at: "2026-03-02T09:30:00.000Z" },
        { ...signed, entries: 8 },
      ])
        expect(yield* AuditCheckpoint.verify(publicKey, edited)).toBe(false)
      const stranger = yield* AuditCheckpoint.signingKey(other)
      expect(yield* AuditCheckpoint.verify(yield* AuditCheckpoint.verifyingKey(stranger.publicKey), signed)).toBe(false)
    }),
  )

  it.effect("reads a PEM key as openssl writes it, and refuses garbage without echoing it", () =>
    Effect.gen(function* () {
      const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString()
      const key = yield* AuditCheckpoint.signingKey(pem)
      expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const refused = yield* Effect.flip(AuditCheckpoint.signingKey("not-a-key-secret-value"))
      expect(refused).toMatchObject({ _tag: "AuditCheckpointKeyError", reason: "malformed" })
      expect(JSON.stringify(refused)).not.toContain("secret")
    }),
  )

  it.effect("the last whole line of a checkpoint file counts; a torn line is skipped", () =>
    Effect.gen(function* () {
      const key = yield* AuditCheckpoint.signingKey(seedText)
      const first = yield* AuditCheckpoint.sign(key, AuditChain.emptyHead, new Date(0))
      const second = yield* AuditCheckpoint.sign(key, { ...AuditChain.emptyHead, seq: 0 }, new Date(1000))
      const text = `${AuditCheckpoint.toLine(first)}${AuditCheckpoint.toLine(second)}{"seq":3,"ha`
      expect(AuditCheckpoint.lastOf(text)).toEqual(Option.some(second))
      expect(AuditCheckpoint.lastOf("")).toEqual(Option.none())
    }),
  )
})

// Rewrites entry `from` with `edit` and re-hashes every later entry and the head,
// as an attacker with the triggers dropped and the hashing code at hand would.
const recompute = (from: number, edit: (entry: AuditChain.Unhashed) => AuditChain.Unhashed) =>
  Effect.gen(function* () {
    const sql = yield* rawSql
    const log = yield* AuditLog.AuditLog
    const entries = [...(yield* log.forCase("01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId))]
    let prev = entries[from - 2]?.hash ?? AuditChain.genesisHash
    for (const entry of entries.filter((e) => e.seq >= from)) {
      const { prevHash: _p, hash: _h, ...unhashed } = entry
      const changed = entry.seq === from ? edit(unhashed) : unhashed
      const hash = yield* AuditChain.hashOf(prev, changed)
      yield* sql`UPDATE audit_log SET purpose = ${changed.purpose}, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${entry.seq}`
      prev = hash
    }
    yield* sql`UPDATE audit_head SET hash = ${prev} WHERE id = 1`
  }).pipe(Effect.orDie)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: verifying the log against its last signed checkpoint`, () => {
    const setup = Effect.gen(function* () {
      const log = yield* AuditLog.AuditLog
      for (const n of [1, 2, 3, 4, 5]) yield* log.append(draft(n))
      const key = yield* AuditCheckpoint.signingKey(seedText)
      const checkpoint = yield* AuditCheckpoint.sign(key, yield* log.head, new Date())
      yield* log.append(draft(6))
      const publicKey = yield* AuditCheckpoint.verifyingKey(key.publicKey)
      return { log, checkpoint: Option.some(checkpoint), publicKey }
    })

    it.live("an intact log holds its checkpoint", () =>
      Effect.gen(function* () {
        const { log, checkpoint, publicKey } = yield* setup
        expect(yield* AuditCheckpoint.check(log, publicKey, checkpoint)).toMatchObject({ ok: true, entries: 6 })
      }).pipe(Effect.provide(services(db))),
    )

    it.live("an edited row: the first broken link is that entry", () =>
      Effect.gen(function* () {
        const { log, checkpoint, publicKey } = yield* setup
        yield* dropGuards
        yield* Effect.orDie(
          Effect.flatMap(rawSql, (sql) => sql`UPDATE audit_log SET purpose = 'statistics' WHERE seq = 3`),
        )
        expect(yield* AuditCheckpoint.check(log, publicKey, checkpoint)).toEqual({
          ok: false,
          firstBrokenSeq: 3,
          reason: "hash-mismatch",
        })
      }).pipe(Effect.provide(services(db))),
    )

    it.live("a deleted row: the first broken link is where it was", () =>
      Effect.gen(function* () {
        const { log, checkpoint, publicKey } = yield* setup
        yield* dropGuards
        yield* Effect.orDie(Effect.flatMap(rawSql, (sql) => sql`DELETE FROM audit_log WHERE seq = 2`))
        expect(yield* AuditCheckpoint.check(log, publicKey, checkpoint)).toEqual({
          ok: false,
          firstBrokenSeq: 2,
          reason: "seq-mismatch",
        })
      }).pipe(Effect.provide(services(db))),
    )

    it.live("a recomputed chain verifies alone, but not against the signed checkpoint", () =>
      Effect.gen(function* () {
        const { log, checkpoint, publicKey } = yield* setup
        yield* dropGuards
        yield* recompute(2, (entry) => ({ ...entry, purpose: "statistics" }))
        // What went unnoticed before: the chain and its head agree.
        expect(yield* log.verify).toMatchObject({ ok: true, entries: 6 })
        expect(yield* AuditCheckpoint.check(log, publicKey, checkpoint)).toEqual({
          ok: false,
          firstBrokenSeq: 5,
          reason: "anchor-mismatch",
        })
        // A checkpoint forged for the new chain needs the private key.
        const forger = yield* AuditCheckpoint.signingKey(other)
        const forged = yield* AuditCheckpoint.sign(forger, yield* log.head, new Date())
        expect(yield* AuditCheckpoint.check(log, publicKey, Option.some({ ...forged, key: "" }))).toEqual({
          ok: false,
          firstBrokenSeq: 6,
          reason: "checkpoint-signature",
        })
      }).pipe(Effect.provide(services(db))),
    )
  })
}
