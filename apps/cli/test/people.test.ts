// `bashke people list` and `bashke people deactivate` as an operator runs
// them, against a SQLite file with people added through the gateway's own
// services (the same keys): everyone, or one mechanism's people, each with
// their roles and whether active, never an email address; deactivation
// audited and shown; an unknown or malformed id, a malformed mechanism, and a
// database whose keys were not given each stop with one line, exit code 1.
import { mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { openServices } from "@bashke/gateway/server"
import { People } from "@bashke/identity"
import { type Id, Principal } from "@bashke/kernel"
import { BlindIndex, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { spawnAsync } from "./support/Spawn"

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const bin = join(import.meta.dirname, "..", "src", "bin.ts")
const dir = mkdtempSync(join(tmpdir(), "bashke-people-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const url = `sqlite:${join(dir, "bashke.db")}`
// Public test material: the vault's and the blind index's test keys.
const keys = {
  BASHKE_VAULT_KEYS: Vault.testKeys
    .map((key) => `${key.id}:${Buffer.from(Redacted.value(key.material)).toString("base64")}`)
    .join(","),
  BASHKE_BLIND_INDEX_KEY: Buffer.from(Redacted.value(BlindIndex.testKey)).toString("base64"),
}
const gjilan = "01KC0000000000000000000001" as Id.MechanismId
const kamenica = "01KC0000000000000000000002" as Id.MechanismId
const social = "01KB0000000000000000000001" as Id.InstitutionId

const bashke = (args: Array<string>, extra: Record<string, string> = {}) =>
  spawnAsync(process.execPath, ["--import", tsx, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, BASHKE_LOCALE: "en", BASHKE_DATABASE_URL: url, ...keys, ...extra },
  })

describe("bashke people", () => {
  const ids: Record<"coordinator" | "worker" | "elsewhere", Id.PrincipalId> = {} as never

  beforeAll(async () => {
    const opened = await openServices({ databaseUrl: url, env: { ...process.env, ...keys } })
    try {
      const add = (n: number, role: "coordinator" | "case-worker", mechanism: Id.MechanismId) =>
        opened.runtime.runPromise(
          Effect.flatMap(People.People, (people) =>
            people.add(
              {
                displayName: `Valbona Zeqiri ${n}`,
                email: `valbona.${n}@people.example`,
                language: n === 2 ? "sr-Latn" : "sq",
                institution: social,
                sector: "social-work",
              },
              [{ role, mechanism }],
              Principal.platformId,
            ),
          ),
        )
      ids.coordinator = (await add(1, "coordinator", gjilan)).id
      ids.worker = (await add(2, "case-worker", gjilan)).id
      ids.elsewhere = (await add(3, "case-worker", kamenica)).id
    } finally {
      await opened.close()
    }
  })

  it("lists everyone, or one mechanism's people, with roles and standing, never an email", async () => {
    const all = await bashke(["people", "list"])
    expect(all.stderr).toBe("")
    expect(all.status).toBe(0)
    expect(all.stdout).toContain(`${ids.coordinator}  Valbona Zeqiri 1  sq  coordinator@${gjilan}  active`)
    expect(all.stdout).toContain(`${ids.worker}  Valbona Zeqiri 2  sr-Latn  case-worker@${gjilan}  active`)
    expect(all.stdout).toContain(`${ids.elsewhere}  Valbona Zeqiri 3  sq  case-worker@${kamenica}  active`)
    expect(all.stdout).not.toContain("@people.example")
    const one = await bashke(["people", "list", "--mechanism", gjilan])
    expect(one.status).toBe(0)
    expect(one.stdout).toContain(ids.worker)
    expect(one.stdout).not.toContain(ids.elsewhere)
    const bad = await bashke(["people", "list", "--mechanism", "gjilan"])
    expect(bad.status).toBe(1)
    expect(bad.stderr.trim()).toBe("--mechanism expects a mechanism's id (26 letters and digits).")
  })

  it("deactivates a person: audited, shown as deactivated; an unknown or malformed id stops", async () => {
    const done = await bashke(["people", "deactivate", ids.worker])
    expect(done.stderr).toBe("")
    expect(done.status).toBe(0)
    expect(done.stdout).toContain(`Person ${ids.worker} is deactivated.`)
    const listed = await bashke(["people", "list", "--mechanism", gjilan], { BASHKE_LOCALE: "sq" })
    expect(listed.stdout).toContain(`${ids.worker}  Valbona Zeqiri 2  sr-Latn  case-worker@${gjilan}  i çaktivizuar`)
    for (const id of ["01KZZZZZZZZZZZZZZZZZZZZZZZ", "not-an-id"]) {
      const unknown = await bashke(["people", "deactivate", id])
      expect(unknown.status).toBe(1)
      expect(unknown.stderr.trim()).toBe(`No person ${id}.`)
    }
    // The change was audited under the platform's id, for the mechanism's administration.
    const opened = await openServices({ databaseUrl: url, env: { ...process.env, ...keys } })
    try {
      const writes = await opened.runtime.runPromise(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql`SELECT principal_id FROM audit_log WHERE action = 'write' ORDER BY seq DESC LIMIT 1`,
        ),
      )
      expect(writes.map((row) => Object.values(row)[0])).toEqual([Principal.platformId])
    } finally {
      await opened.close()
    }
  })

  it("a database not made by the demo, without its keys: one line naming the variable", async () => {
    const result = await bashke(["people", "list"], { BASHKE_VAULT_KEYS: "", BASHKE_BLIND_INDEX_KEY: "" })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      "bashke did not start: this database is not the demo's, so it needs BASHKE_VAULT_KEYS (see the README).",
    )
  })
})
