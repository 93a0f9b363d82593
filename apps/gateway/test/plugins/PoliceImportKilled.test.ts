// Issue 19: the police import through the gateway's real capabilities, killed
// with SIGKILL part-way and started again on the same SQLite file, imports
// every report exactly once — one incident, one provenance row, one outbox
// event and one audit entry (the victim's match) each; none lost, none twice.
//
// Killed twice, each found by reading the file, never by timing:
//
// 1. inside a page: its every write made, its transaction not committed
//    (the process says `stalled` there, after earlier pages committed). The
//    page's writes and its marking as processed are one transaction, so
//    they are rolled back together and the page is applied again, once.
//    Were the marking not in the writes' transaction, the page's writes
//    would have committed unmarked and been applied a second time: its
//    incidents would still be once (the provenance key), but each report's
//    match would be read — and audited — twice, which this test counts;
// 2. wherever the next start is once the file shows more pages processed.
//
// A restart finds the records a killed run had claimed leased for 5 minutes:
// each restart runs with its clock that far ahead instead of waiting.
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { appDirectory } from "../../bench/GatewayProcess"
import * as PoliceImport from "../../bench/PoliceImport"
import { read } from "../support/Stores"

const total = 1_500
const page = 250
const cases = 60
const minute = 60_000

/** Polls `check` every 50 ms until it holds, for at most `seconds`. */
const until = async (seconds: number, check: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + seconds * 1000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe("the police import killed with SIGKILL and started again", () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-police-killed-"))
  const file = join(directory, "bashke.db")
  const url = `sqlite:${file}`
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  const count = async (query: string): Promise<number> => Number((await read(url, query))[0]?.n)
  const processed = () => count("SELECT count(*) AS n FROM plugin_inbox WHERE status = 'processed'")
  const counts = async () => ({
    incidents: await count("SELECT count(*) AS n FROM incidents"),
    provenance: await count("SELECT count(*) AS n FROM plugin_imported_incidents"),
    events: await count("SELECT count(*) AS n FROM bashke_outbox WHERE topic = 'case.incident.recorded'"),
    audit: await count(
      `SELECT count(*) AS n FROM audit_log WHERE principal_id = '${PoliceImport.pluginPrincipalId}' AND action = 'read'`,
    ),
  })

  const start = (mechanismId: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/police-import-process.ts"], {
      cwd: appDirectory,
      env: {
        ...process.env,
        BASHKE_IMPORT_FILE: file,
        BASHKE_IMPORT_MECHANISM: mechanismId,
        BASHKE_IMPORT_TOTAL: String(total),
        BASHKE_IMPORT_PAGE: String(page),
        BASHKE_IMPORT_CASES: String(cases),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString()
    })
    const exit = new Promise<number | string>((resolve) =>
      child.once("exit", (code, signal) => resolve(code ?? signal ?? "?")),
    )
    return { child, exit, out: () => out, err: () => err }
  }

  it("imports every report exactly once", { timeout: 600_000 }, async () => {
    const mechanismId = await PoliceImport.seedCases(file, cases)
    const before = await counts()

    // 1. Killed inside its third page, after two committed.
    const first = start(mechanismId, { BASHKE_IMPORT_STALL_AT: "3" })
    await until(300, async () => {
      if (first.child.exitCode !== null) throw new Error(`the import ended: ${first.out()}\n${first.err()}`)
      return first.out().includes("stalled")
    })
    const committed = await processed()
    expect(committed).toBe(2 * page)
    first.child.kill("SIGKILL")
    expect(await first.exit).toBe("SIGKILL")
    const afterFirst = await counts()
    // What committed is the two pages, whole: nothing of the third.
    expect(afterFirst.provenance).toBe(2 * page)
    expect(afterFirst.audit - before.audit).toBe(2 * page)

    // 2. Killed once it has processed more, wherever it is then.
    const second = start(mechanismId, { BASHKE_IMPORT_CLOCK_AHEAD_MS: String(10 * minute) })
    await until(300, async () => second.child.exitCode !== null || (await processed()) > committed + page)
    second.child.kill("SIGKILL")
    await second.exit
    expect(await processed()).toBeLessThanOrEqual(total)

    // 3. To the end.
    const third = start(mechanismId, { BASHKE_IMPORT_CLOCK_AHEAD_MS: String(30 * minute) })
    expect(await third.exit, third.err()).toBe(0)

    expect(await processed()).toBe(total)
    expect(await count("SELECT count(*) AS n FROM plugin_inbox WHERE status <> 'processed'")).toBe(0)
    const after = await counts()
    expect({
      incidents: after.incidents - before.incidents,
      provenance: after.provenance - before.provenance,
      events: after.events - before.events,
      audit: after.audit - before.audit,
    }).toEqual({ incidents: total, provenance: total, events: total, audit: total })
    // Each report once, by its report number (the incident's source reference).
    expect(
      await count(
        "SELECT count(DISTINCT source_reference) AS n FROM incidents WHERE source_reference LIKE 'GJI/2026/%'",
      ),
    ).toBe(total)
  })
})
