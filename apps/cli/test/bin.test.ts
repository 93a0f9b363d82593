import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "@effect/vitest"

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const bin = join(import.meta.dirname, "..", "src", "bin.ts")
const dir = mkdtempSync(join(tmpdir(), "bashke-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const bashke = (args: Array<string>, env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", tsx, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, BASHKE_LOCALE: "en", ...env },
  })

describe("bashke", () => {
  it("start migrates a new SQLite file, and a second start applies nothing new", () => {
    const url = `sqlite:${join(dir, "nested", "bashke.db")}`
    const first = bashke(["start"], { BASHKE_DATABASE_URL: url })
    expect(first.stderr).toBe("")
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/Applied \d+ new migrations?/)
    expect(first.stdout).toContain("@bashke/persistence:")
    expect(first.stdout).toContain("@bashke/security:")
    expect(first.stdout).toContain("@bashke/mechanism:")
    expect(existsSync(join(dir, "nested", "bashke.db"))).toBe(true)

    const second = bashke(["start"], { BASHKE_DATABASE_URL: url })
    expect(second.status).toBe(0)
    expect(second.stdout).toContain("No new migrations")
  })

  it("a malformed BASHKE_DATABASE_URL stops it with the variable and the accepted forms, creating nothing", () => {
    const empty = mkdtempSync(join(dir, "empty-"))
    const result = spawnSync(process.execPath, ["--import", tsx, bin, "start"], {
      cwd: empty,
      encoding: "utf8",
      env: { ...process.env, BASHKE_LOCALE: "en", BASHKE_DATABASE_URL: "mysql://root:s3cret@db/bashke" },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("BASHKE_DATABASE_URL")
    expect(result.stderr).toContain("sqlite:")
    expect(result.stderr).toContain("postgres://")
    expect(result.stderr).not.toContain("s3cret")
    expect(readdirSync(empty)).toEqual([])
  })

  it("speaks the operator's language", () => {
    const result = bashke(["help"], { BASHKE_LOCALE: "sr-Cyrl" })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("Употреба: bashke")
  })

  it("an unknown command prints the usage and fails", () => {
    const result = bashke(["frobnicate"], {})
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("Unknown command: frobnicate")
  })
})
