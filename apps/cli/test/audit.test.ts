// `bashke audit checkpoint` and `bashke audit verify` as an operator runs them
// (issue 13, finding 4): against a SQLite file whose audit log an attacker with
// the triggers dropped edits, cuts, or rewrites and re-hashes. `verify` exits 1
// and names the first broken link each time; the re-hashed chain is caught
// only by the signed checkpoint kept in a file outside the database. (The same
// detections on PostgreSQL: packages/security/test/AuditCheckpoint.test.ts.)
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { migrationPlan } from "@bashke/gateway"
import { Id } from "@bashke/kernel"
import { DatabaseUrl, Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { AuditChain, type AuditEntry, AuditLog, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Redacted } from "effect"
import { spawnAsync } from "./support/Spawn"

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const bin = join(import.meta.dirname, "..", "src", "bin.ts")
const dir = mkdtempSync(join(tmpdir(), "bashke-audit-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Public test material: the vault's test keys and a fixed Ed25519 seed.
const env = {
  BASHKE_LOCALE: "en",
  BASHKE_VAULT_KEYS: Vault.testKeys
    .map((key) => `${key.id}:${Buffer.from(Redacted.value(key.material)).toString("base64")}`)
    .join(","),
  BASHKE_AUDIT_SIGNING_KEY: Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => 100 + i)).toString("base64"),
}

const bashke = (args: Array<string>, extra: Record<string, string>) =>
  spawnAsync(process.execPath, ["--import", tsx, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env, ...extra },
  })

const run = <A>(file: string, effect: Effect.Effect<A, unknown, AuditLog.AuditLog | SqlClient.SqlClient>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const parsed = yield* DatabaseUrl.decode(`sqlite:${file}`)
      return yield* effect.pipe(
        Effect.provide(
          AuditLog.layer.pipe(Layer.provideMerge(Layer.mergeAll(Database.layer(parsed), Vault.layerTest, Id.layer))),
        ),
      )
    }) as Effect.Effect<A, unknown, never>,
  )

const draft = (n: number): AuditEntry.Draft => ({
  principalId: `01JAAAAAAAAAAAAAAAAAAAAAA${n}` as AuditEntry.Fields["principalId"],
  caseId: "01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId,
  action: "read",
  purpose: "audit",
})

const dropGuards = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  Effect.all([
    sql`DROP TRIGGER audit_log_follows_head`,
    sql`DROP TRIGGER audit_log_no_update`,
    sql`DROP TRIGGER audit_log_no_delete`,
    sql`DROP TRIGGER audit_head_follows_log`,
    sql`DROP TRIGGER audit_head_no_delete`,
    sql`DROP TRIGGER audit_log_moves_head`,
  ]),
)

describe("bashke audit", () => {
  const original = join(dir, "bashke.db")
  const checkpoints = join(dir, "checkpoints.jsonl")

  beforeAll(async () => {
    await run(
      original,
      Effect.gen(function* () {
        yield* Migrations.run(migrationPlan)
        const log = yield* AuditLog.AuditLog
        for (const n of [1, 2, 3, 4]) yield* log.append(draft(n))
      }),
    )
    const signed = await bashke(["audit", "checkpoint"], {
      BASHKE_DATABASE_URL: `sqlite:${original}`,
      BASHKE_AUDIT_CHECKPOINT_FILE: checkpoints,
    })
    expect(signed.stderr).toBe("")
    expect(signed.status).toBe(0)
    expect(signed.stdout).toContain("Signed checkpoint: entry 4")
    await run(
      original,
      Effect.flatMap(AuditLog.AuditLog, (log) => log.append(draft(5))),
    )
  })

  // Each attack on its own copy of the database.
  const copy = (name: string) => {
    const file = join(dir, `${name}.db`)
    copyFileSync(original, file)
    return file
  }
  const verify = (file: string) =>
    bashke(["audit", "verify"], { BASHKE_DATABASE_URL: `sqlite:${file}`, BASHKE_AUDIT_CHECKPOINT_FILE: checkpoints })

  it("publishes the checkpoint to the file (owner-only) and the outbox; an intact log verifies with exit 0", async () => {
    const line = JSON.parse(readFileSync(checkpoints, "utf8").trim()) as Record<string, unknown>
    expect(line).toMatchObject({ seq: 4, entries: 4 })
    expect(statSync(checkpoints).mode & 0o777).toBe(0o600)
    const events = await run(
      original,
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) => sql`SELECT payload FROM bashke_outbox WHERE topic = 'audit.checkpoint'`,
      ),
    )
    expect(events).toHaveLength(1)
    const intact = await verify(copy("intact"))
    expect(intact.stderr).toBe("")
    expect(intact.status).toBe(0)
    expect(intact.stdout).toContain("The audit chain is whole: 5 entries.")
    expect(intact.stdout).toContain("(entry 4)")
  })

  it("an edited row: exit 1 and the first broken link", async () => {
    const file = copy("edited")
    await run(
      file,
      Effect.flatMap(dropGuards, () =>
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`UPDATE audit_log SET purpose = 'statistics' WHERE seq = 2`),
      ),
    )
    const result = await verify(file)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("The audit chain is broken at entry 2: hash-mismatch.")
  })

  it("a deleted row: exit 1 and the first broken link", async () => {
    const file = copy("deleted")
    await run(
      file,
      Effect.flatMap(dropGuards, () =>
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`DELETE FROM audit_log WHERE seq = 3`),
      ),
    )
    const result = await verify(file)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("The audit chain is broken at entry 3: seq-mismatch.")
  })

  it("a recomputed chain whose head differs from the last signed checkpoint: exit 1", async () => {
    const file = copy("recomputed")
    await run(
      file,
      Effect.gen(function* () {
        yield* dropGuards
        const sql = yield* SqlClient.SqlClient
        const log = yield* AuditLog.AuditLog
        const entries = yield* log.forCase("01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId)
        let prev = AuditChain.genesisHash as string
        for (const { prevHash: _p, hash: _h, ...entry } of entries) {
          const changed = entry.seq === 2 ? { ...entry, purpose: "statistics" as const } : entry
          const hash = yield* AuditChain.hashOf(prev, changed)
          yield* sql`UPDATE audit_log SET purpose = ${changed.purpose}, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${entry.seq}`
          prev = hash
        }
        yield* sql`UPDATE audit_head SET hash = ${prev} WHERE id = 1`
        // The forgery holds together on its own.
        expect(yield* log.verify).toMatchObject({ ok: true, entries: 5 })
      }),
    )
    const result = await verify(file)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("The audit chain is broken at entry 4: anchor-mismatch.")
  })

  it("refuses to start without a key, naming the variable and never a value", async () => {
    const result = await spawnAsync(process.execPath, ["--import", tsx, bin, "audit", "verify"], {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        BASHKE_LOCALE: "en",
        BASHKE_AUDIT_SIGNING_KEY: "garbage-secret",
        BASHKE_DATABASE_URL: `sqlite:${original}`,
      },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("BASHKE_AUDIT_SIGNING_KEY")
    expect(result.stderr).not.toContain("garbage-secret")
    expect(result.stdout).toBe("")
  })
})
