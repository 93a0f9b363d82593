// `bashke import police` as an operator runs it, against the fake police API
// on loopback: every page pulled and every record processed, with progress —
// one plain line per step when the output is a pipe (a log, CI), and a bar
// redrawn in place when it is a terminal (a pseudo-terminal from util-linux's
// `script`, as an operator's shell would be). A second run resumes at the
// saved cursor and imports nothing twice. An unknown plugin, and no
// configuration at all, each stop with one line naming what is accepted.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { BlindIndex, Vault } from "@bashke/security"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Redacted, Scope } from "effect"
import * as FakePolice from "../../../plugins/police/test/support/FakePolice"
import { spawnAsync } from "./support/Spawn"

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
const bin = join(import.meta.dirname, "..", "src", "bin.ts")
const dir = mkdtempSync(join(tmpdir(), "bashke-import-"))
const scope = Effect.runSync(Scope.make())
afterAll(async () => {
  await Effect.runPromise(Scope.close(scope, Exit.void))
  rmSync(dir, { recursive: true, force: true })
})

// Public test material: the vault's and the blind index's test keys.
const keys = {
  BASHKE_VAULT_KEYS: Vault.testKeys
    .map((key) => `${key.id}:${Buffer.from(Redacted.value(key.material)).toString("base64")}`)
    .join(","),
  BASHKE_BLIND_INDEX_KEY: Buffer.from(Redacted.value(BlindIndex.testKey)).toString("base64"),
}

const config = join(dir, "plugins.json")
let police: FakePolice.FakePolice

const environment = (database: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  BASHKE_LOCALE: "en",
  BASHKE_DATABASE_URL: `sqlite:${join(dir, database)}`,
  BASHKE_PLUGINS_CONFIG: config,
  ...keys,
  ...extra,
})

/** `bashke …` with its output on a pipe. */
const piped = (database: string, args: Array<string>, extra: Record<string, string> = {}) =>
  spawnAsync(process.execPath, ["--import", tsx, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: environment(database, extra),
  })

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`

/**
 * `bashke …` on a pseudo-terminal: `script` runs it as a terminal would, and
 * passes on its exit code (`-e`). The terminal's escape character is shown as
 * `ESC` and its line ends as `\n`, so the expectations read as what is drawn.
 */
const onTerminal = async (database: string, args: Array<string>) => {
  const ran = await spawnAsync(
    "script",
    ["-q", "-e", "-c", [process.execPath, "--import", tsx, bin, ...args].map(quote).join(" "), "/dev/null"],
    { cwd: dir, encoding: "utf8", env: environment(database) },
  )
  return { ...ran, stdout: ran.stdout.replaceAll("\x1b", "ESC").replaceAll("\r\n", "\n") }
}

beforeAll(async () => {
  police = await Effect.runPromise(
    Scope.extend(FakePolice.make(Array.from({ length: 5 }, (_, n) => FakePolice.report(n + 1))), scope),
  )
  writeFileSync(
    config,
    JSON.stringify({
      plugins: [
        {
          package: "@bashke/plugin-police",
          grant: ["schedule:pull", "routes:webhook", "incidents:import", "persons:match", "review-queue:write"],
          // Two a page: five reports are three pages.
          config: { baseUrl: police.baseUrl, apiKey: "a-test-key", pageSize: 2 },
          // Acting for the police of one mechanism: unmatched reports go to its review queue.
          principal: {
            id: "01KP0000000000000000000009",
            institution: FakePolice.policeInstitution,
            sector: "police",
            mechanisms: ["01KC0000000000000000000001"],
          },
          webhook: { secrets: ["a-webhook-secret-of-16+"] },
        },
      ],
    }),
  )
})

describe("bashke import", () => {
  it("on a pipe: one plain line per page and per pass, then what was imported; a second run imports nothing twice", async () => {
    const first = await piped("piped.db", ["import", "police"])
    expect(first.stderr).toBe("")
    expect(first.status).toBe(0)
    expect(first.stdout).not.toContain("\r")
    expect(first.stdout).not.toContain("\x1b[")
    const lines = first.stdout.split("\n")
    // Every page has its line, in order, counting the new records so far.
    const pages = lines.filter((line) => / page \d+, /.test(line))
    expect(pages.map((line) => line.replace(/^\S+: /, ""))).toEqual([
      "page 1, 2 new records",
      "page 2, 4 new records",
      "page 3, 5 new records",
    ])
    expect(lines.filter((line) => line.startsWith("Processed ")).at(-1)).toBe("Processed 5 of 5 records")
    // No case matches them here: each goes to the review queue, processed.
    expect(first.stdout).toMatch(/^police: 5 new records; 5 processed, 0 to retry, 0 dead letters\.$/m)

    // The cursor was saved with each page: the next run asks after the last record, and finds nothing new.
    const asked = police.requests.length
    const second = await piped("piped.db", ["import", "police"])
    expect(second.status).toBe(0)
    expect(
      police.requests.slice(asked).map((request) => new URL(request.url, "http://x").searchParams.get("after")),
    ).toEqual(["5"])
    expect(second.stdout).toMatch(/^police: 0 new records; 0 processed, 0 to retry, 0 dead letters\.$/m)
  })

  it("on a terminal: the same steps as a bar redrawn in place, each phase ending its line", async () => {
    const shown = await onTerminal("terminal.db", ["import", "police"])
    expect(shown.status).toBe(0)
    // The pages redraw one line (carriage return, erase line); so does the processing, after a bar.
    expect(shown.stdout).toMatch(/\rESC\[2K\S+: page 1, 2 new records\rESC\[2K\S+: page 2, 4 new records\r/)
    expect(shown.stdout).toMatch(/\rESC\[2K\S+: page 3, 5 new records\n/)
    expect(shown.stdout).toMatch(/\rESC\[2K\[[#-]{24}\] Processed \d of 5 records\r/)
    expect(shown.stdout).toMatch(/\rESC\[2K\[#{24}\] Processed 5 of 5 records\n/)
    expect(shown.stdout).toMatch(/police: 5 new records; /)
  })

  it("migrate on a terminal: a bar redrawn in place, ended after the last migration", async () => {
    const shown = await onTerminal("migrated.db", ["migrate"])
    expect(shown.status).toBe(0)
    const total = Number(/Applied (\d+) new migrations/.exec(shown.stdout)?.[1])
    expect(total).toBeGreaterThan(10)
    expect(shown.stdout).toMatch(/\rESC\[2K\[[#-]{24}\] Migration 1 of \d+: @bashke\/persistence 1 /)
    expect(shown.stdout).toContain(`\rESC[2K[${"#".repeat(24)}] Migration ${total} of ${total}: `)
    // One line of progress, redrawn: not a line per migration.
    expect(shown.stdout.split("\n").filter((line) => line.includes("Migration "))).toHaveLength(1)
  })

  it("an unknown plugin: one line naming the configured ones, exit code 1", async () => {
    const refused = await piped("unknown.db", ["import", "courts"])
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim()).toBe("No plugin “courts” in BASHKE_PLUGINS_CONFIG; configured: police.")
  })

  it("without BASHKE_PLUGINS_CONFIG: one line naming it, before the database is opened", async () => {
    const refused = await piped("none.db", ["import", "police"], { BASHKE_PLUGINS_CONFIG: "" })
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim()).toBe(
      "BASHKE_PLUGINS_CONFIG is not set: it names the plugins' configuration file (docs/gateway-plugins.md).",
    )
    expect(existsSync(join(dir, "none.db"))).toBe(false)
  })
})
