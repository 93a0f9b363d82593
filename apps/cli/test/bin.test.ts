import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { spawnAsync } from "./support/Spawn"

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const bin = join(import.meta.dirname, "..", "src", "bin.ts")
const dir = mkdtempSync(join(tmpdir(), "bashke-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const bashke = (args: Array<string>, env: Record<string, string>) =>
  spawnAsync(process.execPath, ["--import", tsx, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, BASHKE_LOCALE: "en", ...env },
  })

describe("bashke", () => {
  it("migrate migrates a new SQLite file, and a second run applies nothing new", async () => {
    const url = `sqlite:${join(dir, "nested", "bashke.db")}`
    const first = await bashke(["migrate"], { BASHKE_DATABASE_URL: url })
    expect(first.stderr).toBe("")
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/Applied \d+ new migrations?/)
    // Not a terminal: one plain progress line per migration, no carriage returns.
    const total = Number(/Applied (\d+) new migrations?/.exec(first.stdout)?.[1])
    expect(first.stdout).toContain(`Migration 1 of ${total}: @bashke/persistence 1 `)
    expect(first.stdout).toContain(`Migration ${total} of ${total}: `)
    expect(first.stdout).not.toContain("\r")
    expect(first.stdout).toContain("@bashke/persistence:")
    expect(first.stdout).toContain("@bashke/security:")
    expect(first.stdout).toContain("@bashke/gateway:")
    expect(existsSync(join(dir, "nested", "bashke.db"))).toBe(true)

    const second = await bashke(["migrate"], { BASHKE_DATABASE_URL: url })
    expect(second.status).toBe(0)
    expect(second.stdout).toContain("No new migrations")
  })

  it("start seeds the demo, serves the API with a working token, and stops on SIGTERM", async () => {
    const url = `sqlite:${join(dir, "served", "bashke.db")}`
    const child = spawn(process.execPath, ["--import", tsx, bin, "start"], {
      cwd: dir,
      env: { ...process.env, BASHKE_LOCALE: "en", BASHKE_DATABASE_URL: url, PORT: "0" },
    })
    let out = ""
    child.stdout.on("data", (chunk) => {
      out += String(chunk)
    })
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
    try {
      // Its output goes to a pipe, as to a log file: no token, no sign-in link in it;
      // they are in a file only its owner reads.
      await expect.poll(() => out, { timeout: 180_000, interval: 200 }).toContain("The demo's tokens and links are in")
      expect(out).toContain("Demo data seeded")
      expect(out).not.toMatch(/bsk_|bsl_/)
      const file = join(dir, "served", "demo-credentials.txt")
      expect(statSync(file).mode & 0o777).toBe(0o600)
      const credentials = readFileSync(file, "utf8")
      const server = /is serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      const token = /token for the demo caseManager: (bsk_[\w-]+)/.exec(credentials)?.[1]
      const mechanism = /mechanismId=([0-9A-Z]+)/.exec(credentials)?.[1]
      const response = await fetch(`${server}/v1/cases?mechanismId=${mechanism}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(response.status).toBe(200)
      const page = (await response.json()) as { items: Array<{ reference: string }> }
      expect(page.items.map((item) => item.reference)).toContain("GJI-2026-0001")
      // Each demo person has a one-time sign-in link for the web app's page.
      expect(credentials).toContain("Sign in as one of the demo's people")
      const link = new RegExp(`  coordinator: (${server}/sign-in#token=(bsl_[\\w-]+))`).exec(credentials)
      expect(link).not.toBeNull()
      const signIn = () =>
        fetch(`${server}/v1/sign-in/link`, {
          method: "POST",
          headers: { origin: server as string, "x-bashke-request": "1", "content-type": "application/json" },
          body: JSON.stringify({ token: link?.[2] }),
        })
      const signedIn = await signIn()
      expect(signedIn.status).toBe(200)
      const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string
      const me = await fetch(`${server}/v1/me`, { headers: { cookie } })
      expect(await me.json()).toMatchObject({ displayName: "Vjosa Rexhepi", roles: ["coordinator"] })
      expect((await signIn()).status).toBe(401)
    } finally {
      child.kill("SIGTERM")
    }
    expect(await exited).toBe(0)
  })

  it("start on a database the demo did not make, without BASHKE_VAULT_KEYS: one line naming it, no demo keys", async () => {
    const url = `sqlite:${join(dir, "real", "bashke.db")}`
    const created = await bashke(["token", "create", "--role", "administrator", "--label", "operator"], {
      BASHKE_DATABASE_URL: url,
    })
    expect(created.status).toBe(0)
    const result = await bashke(["start"], {
      BASHKE_DATABASE_URL: url,
      PORT: "0",
      BASHKE_VAULT_KEYS: "",
      BASHKE_BLIND_INDEX_KEY: "",
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split("\n")).toEqual([
      "bashke did not start: this database is not the demo's, so it needs BASHKE_VAULT_KEYS (see the README).",
    ])
    expect(result.stdout).not.toContain("bsk_")
    expect(existsSync(join(dir, "real", "demo-keys.json"))).toBe(false)
  })

  it("a malformed setting stops start naming the variable in the operator's language, creating nothing", async () => {
    const empty = mkdtempSync(join(dir, "rate-"))
    const result = await spawnAsync(process.execPath, ["--import", tsx, bin, "start"], {
      cwd: empty,
      encoding: "utf8",
      env: { ...process.env, BASHKE_LOCALE: "sq", BASHKE_RATE_LIMIT_PER_MINUTE: "abc" },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("bashke nuk u nis: BASHKE_RATE_LIMIT_PER_MINUTE")
    expect(readdirSync(empty)).toEqual([])
  })

  it("token create prints a working secret once; list never shows it; revoke ends it", async () => {
    const url = `sqlite:${join(dir, "tokens", "bashke.db")}`
    const mechanism = "01KC0000000000000000000001"
    const created = await bashke(
      [
        "token",
        "create",
        "--role",
        "case-worker",
        "--institution",
        "01KB0000000000000000000001",
        "--sector",
        "police",
        "--mechanism",
        mechanism,
        "--label",
        "police-connector",
      ],
      { BASHKE_DATABASE_URL: url },
    )
    expect(created.stderr).toBe("")
    expect(created.status).toBe(0)
    const secret = /^(bsk_[\w-]+)$/m.exec(created.stdout)?.[1]
    expect(secret).toBeDefined()
    const id = /Token (\w+) created/.exec(created.stdout)?.[1] ?? ""

    const listed = await bashke(["token", "list"], { BASHKE_DATABASE_URL: url })
    expect(listed.status).toBe(0)
    expect(listed.stdout).toContain(`${id}  police-connector  case-worker  active`)
    expect(listed.stdout).not.toContain(secret)

    const revoked = await bashke(["token", "revoke", id], { BASHKE_DATABASE_URL: url })
    expect(revoked.stdout).toContain(`Token ${id} revoked.`)
    expect((await bashke(["token", "list"], { BASHKE_DATABASE_URL: url })).stdout).toContain("revoked")

    const invalid = await bashke(["token", "create", "--role", "case-worker", "--label", "x"], {
      BASHKE_DATABASE_URL: url,
    })
    expect(invalid.status).toBe(1)
    expect(invalid.stderr).toContain("principal")

    // A role outside the list: one line naming the roles there are.
    const role = await bashke(["token", "create", "--role", "admin", "--label", "x"], { BASHKE_DATABASE_URL: url })
    expect(role.status).toBe(1)
    expect(role.stderr.trim().split("\n")).toEqual([
      "Invalid token request: --role accepts coordinator, case-worker, member-representative, national-coordinator, administrator, auditor.",
    ])
  })

  it("token create --expires-in: within the configured maximum, shown by token list; beyond it, refused", async () => {
    const url = `sqlite:${join(dir, "expiring", "bashke.db")}`
    const args = ["token", "create", "--role", "administrator", "--label", "short-lived", "--expires-in"]
    const refused = await bashke([...args, "400d"], { BASHKE_DATABASE_URL: url })
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim()).toBe(
      "Invalid token request: --expires-in accepts a positive duration of at most 365 days (e.g. 30d, 12h).",
    )
    expect(existsSync(join(dir, "expiring"))).toBe(false)

    const before = Date.now()
    const created = await bashke([...args, "12h"], { BASHKE_DATABASE_URL: url })
    expect(created.status).toBe(0)
    const until = /active until (\S+)/.exec((await bashke(["token", "list"], { BASHKE_DATABASE_URL: url })).stdout)?.[1]
    const lives = new Date(until ?? 0).getTime() - before
    expect(lives).toBeGreaterThan(11 * 3_600_000)
    expect(lives).toBeLessThanOrEqual(12 * 3_600_000 + 60_000)
  })

  it("an empty token list says so, and a wrong request creates no database", async () => {
    const url = `sqlite:${join(dir, "no-tokens", "bashke.db")}`
    const refused = await bashke(["token", "create", "--label", "x"], { BASHKE_DATABASE_URL: url })
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain("--role accepts")
    expect(existsSync(join(dir, "no-tokens"))).toBe(false)
    const listed = await bashke(["token", "list"], { BASHKE_DATABASE_URL: url })
    expect(listed.status).toBe(0)
    expect(listed.stdout).toContain("No tokens yet.")
  })

  it("a malformed BASHKE_DATABASE_URL stops it with the variable and the accepted forms, creating nothing", async () => {
    const empty = mkdtempSync(join(dir, "empty-"))
    const result = await spawnAsync(process.execPath, ["--import", tsx, bin, "start"], {
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

  it("the outside world's refusals are one line each in the operator's language, exit code 1", async () => {
    // PostgreSQL not listening: the host and the cause, no stack.
    const unreachable = await bashke(["migrate"], {
      BASHKE_LOCALE: "sq",
      BASHKE_DATABASE_URL: "postgres://bashke:s3cret@127.0.0.1:1/bashke",
    })
    expect(unreachable.status).toBe(1)
    expect(unreachable.stderr).toBe(
      "Nuk u arrit lidhja me PostgreSQL në 127.0.0.1:1: lidhja u refuzua. Kontrolloni BASHKE_DATABASE_URL dhe nëse serveri punon.\n",
    )
    // A port another program holds.
    const { createServer } = await import("node:net")
    const holder = createServer()
    const port = await new Promise<number>((resolve) =>
      holder.listen(0, "127.0.0.1", () => resolve((holder.address() as { port: number }).port)),
    )
    try {
      const taken = await bashke(["start"], {
        BASHKE_DATABASE_URL: `sqlite:${join(dir, "port", "bashke.db")}`,
        PORT: String(port),
      })
      expect(taken.status).toBe(1)
      expect(taken.stderr).toBe(`bashke did not start: port ${port} is in use (PORT); nothing was created.\n`)
    } finally {
      holder.close()
    }
    // No demo and no keys: the missing variable, named.
    const env = { ...process.env }
    delete env.BASHKE_VAULT_KEYS
    delete env.BASHKE_BLIND_INDEX_KEY
    const keyless = await spawnAsync(process.execPath, ["--import", tsx, bin, "start", "--no-demo"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...env, BASHKE_LOCALE: "en", BASHKE_DATABASE_URL: `sqlite:${join(dir, "keyless", "bashke.db")}` },
    })
    expect(keyless.status).toBe(1)
    expect(keyless.stderr).toMatch(/BASHKE_(VAULT_KEYS|BLIND_INDEX_KEY)/)
    expect(keyless.stderr).not.toMatch(/FiberFailure|\n\s+at /)
    expect(keyless.stderr.trim().split("\n")).toHaveLength(1)
  })

  it("speaks the operator's language", async () => {
    const result = await bashke(["help"], { BASHKE_LOCALE: "sr-Cyrl" })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("Употреба: bashke")
  })

  it("an unknown command or flag is one line naming what is accepted, exit code 2", async () => {
    const unknown = await bashke(["frobnicate"], {})
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toBe(
      "Unknown command “frobnicate”; the commands are: start, migrate, token, people, worker, import, audit (`bashke --help`).\n",
    )
    const flag = await bashke(["migrate", "--force"], {})
    expect(flag.status).toBe(2)
    expect(flag.stderr).toBe("`migrate` does not know the option --force; it accepts: --help, -h.\n")
    // A command that takes one operand, given none or two: what it takes, nothing opened.
    const none = await bashke(["import"], {})
    expect(none.status).toBe(2)
    expect(none.stderr).toBe("`import` takes <plugin>; 0 given.\n")
    const two = await bashke(["import", "police", "court"], {})
    expect(two.status).toBe(2)
    expect(two.stderr).toBe("`import` takes <plugin>; 2 given.\n")
    expect(readdirSync(dir)).not.toContain("data")
  })
})
