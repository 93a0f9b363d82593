import { createHash, randomBytes } from "node:crypto"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "@effect/vitest"
import { Effect } from "effect"
import { run } from "../src/Cli"
import * as Command from "../src/Command"
import { commands } from "../src/Registry"

// Every way of asking for help, for every command in the registry: a command
// added to the registry is checked here without touching this file.
const helpLines: ReadonlyArray<ReadonlyArray<string>> = [
  [],
  ["help"],
  ["--help"],
  ["-h"],
  ["--version"],
  ...[...new Set(commands.filter((c) => c.words.length > 1).map((c) => c.words[0] as string))].flatMap((group) => [
    [group, "--help"],
    [group, "-h"],
  ]),
  ...commands.flatMap((command) => [
    [...command.words, "--help"],
    [...command.words, "-h"],
    ["help", ...command.words],
    // Help wins over everything else on the line, even a flag the command would act on.
    [...command.words, ...command.flags.map((flag) => `--${flag.name}${flag.kind === "value" ? "=x" : ""}`), "-h"],
  ]),
]

const root = mkdtempSync(join(tmpdir(), "bashke-help-"))
const home = process.cwd()
afterAll(() => {
  process.chdir(home)
  rmSync(root, { recursive: true, force: true })
})

/** Every file under `dir`: its path, size, modification time and contents' hash. */
const files = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    const stat = statSync(path)
    out[path] = entry.isFile()
      ? `${stat.size} ${stat.mtimeMs} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`
      : `dir ${stat.mtimeMs}`
  }
  return out
}

/** Runs `bashke` in this process, capturing what it prints. */
const bashke = async (args: ReadonlyArray<string>) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void out.push(parts.join(" ")))
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void err.push(parts.join(" ")))
  try {
    const result = await Effect.runPromise(run(args, "en"))
    return { ...result, stdout: out.join("\n"), stderr: err.join("\n") }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

const env = { ...process.env }
afterEach(() => {
  process.env = { ...env }
})

/** Asks for help in every way; each must answer with exit code 0 and change nothing. */
const askEverything = async (snapshot: () => Promise<unknown>) => {
  const before = await snapshot()
  for (const args of helpLines) {
    const result = await bashke(args)
    expect({ args, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ args, stderr: "", exitCode: 0 })
    expect(result.stdout.length).toBeGreaterThan(0)
    expect(await snapshot(), `bashke ${args.join(" ")}`).toEqual(before)
  }
}

describe("--help, -h, help and --version", () => {
  it("answer in an empty folder with the default database, creating nothing", async () => {
    const empty = join(root, "empty")
    mkdirSync(empty)
    process.chdir(empty)
    delete process.env.BASHKE_DATABASE_URL
    await askEverything(async () => files(empty))
    expect(readdirSync(empty)).toEqual([])
  })

  it("leave a SQLite database in use untouched, byte for byte", async () => {
    const dir = join(root, "sqlite")
    mkdirSync(dir)
    process.chdir(dir)
    process.env.BASHKE_DATABASE_URL = `sqlite:${join(dir, "data", "bashke.db")}`
    expect((await bashke(["migrate"])).exitCode).toBe(0)
    const made = await bashke(["token", "create", "--role", "auditor", "--label", "audit"])
    expect(made.exitCode).toBe(0)
    await askEverything(async () => files(dir))
  })

  describe("on PostgreSQL", () => {
    const schema = `bashke_cli_help_${randomBytes(5).toString("hex")}`
    const admin = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl
    let skip: string | undefined
    const asAdmin = <A>(f: (sql: SqlClient.SqlClient) => Effect.Effect<A, unknown>) =>
      Effect.runPromise(
        Effect.scoped(Effect.flatMap(SqlClient.SqlClient, f).pipe(Effect.provide(Database.layer(admin)))),
      )
    beforeAll(async () => {
      skip = await TestDatabase.postgresUnavailable()
      if (skip !== undefined && (process.env.CI === "true" || process.env.CI === "1")) throw new Error(skip)
      if (skip === undefined) await asAdmin((sql) => sql`CREATE SCHEMA ${sql(schema)}`)
    })
    afterAll(async () => {
      if (skip === undefined) await asAdmin((sql) => sql`DROP SCHEMA ${sql(schema)} CASCADE`)
    })

    it("leave an empty schema empty", async (context) => {
      if (skip !== undefined) return context.skip(skip)
      const url = new URL(admin)
      url.searchParams.set("options", `-c search_path=${schema}`)
      process.env.BASHKE_DATABASE_URL = url.toString()
      const dir = join(root, "pg")
      mkdirSync(dir)
      process.chdir(dir)
      const tables = () =>
        asAdmin((sql) => sql`SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema}`)
      await askEverything(async () => ({ tables: await tables(), files: files(dir) }))
      expect(await tables()).toEqual([])
      // The same URL does reach the schema: `migrate` fills it, so the emptiness above is meaningful.
      expect((await bashke(["migrate"])).exitCode).toBe(0)
      expect((await tables()).length).toBeGreaterThan(0)
    })
  })

  it("print each command's own page, with every flag it accepts", async () => {
    for (const command of commands) {
      const { stdout } = await bashke([...command.words, "--help"])
      expect(stdout).toContain(`bashke ${Command.name(command)}`)
      for (const flag of command.flags) expect(stdout).toContain(`--${flag.name}`)
    }
    const overview = await bashke(["--help"])
    for (const command of commands) expect(overview.stdout).toContain(Command.name(command))
    expect((await bashke(["--version"])).stdout).toMatch(/^bashke \d+\.\d+\.\d+/)
  })
})
