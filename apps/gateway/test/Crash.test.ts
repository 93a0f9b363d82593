// Issue 7's crash test: the Node gateway (src/node.ts, over the same Server.start as `bashke start`)
// on a SQLite file takes a write load — four clients opening cases, each with
// its own Idempotency-Key — and is killed with SIGKILL in the middle of it.
// Restarted on the same file:
//
// - every case whose opening was answered 2xx before the kill is there;
// - the requests left unanswered, sent again with the same keys, open each
//   case exactly once (replayed when the first attempt had committed);
// - the audit chain verifies, after the kill and after the restart, and every
//   case has its audit entry (data and audit commit together).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Id } from "@bashke/kernel"
import { Database } from "@bashke/persistence/node"
import { AuditLog, Vault } from "@bashke/security"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { exited, type GatewayProcess, start, stop } from "../bench/GatewayProcess"

const clients = 4
/** Acknowledged openings after which the server is killed. */
const killAfter = 40

type Server = GatewayProcess

const startServer = (file: string) => start(file, { BASHKE_RATE_LIMIT_PER_MINUTE: "1000000" })

/** What one case opening sends: invented details, so the opening writes an audit entry. */
const openingOf = (mechanismId: string, key: string) => ({
  mechanismId,
  municipality: "GJI",
  persons: [
    {
      role: "victim",
      sex: "female",
      birthYear: 1990,
      details: { givenName: "Crash", familyName: `Test ${key}`, phone: "+383 49 000 000" },
    },
    { role: "alleged-perpetrator", sex: "male", birthYear: 1988, relationship: { kind: "married", time: "current" } },
  ],
})

const open = (server: Server, key: string) =>
  fetch(`${server.url}/v1/cases`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${server.tokens.policeOfficer}`,
      "content-type": "application/json",
      "idempotency-key": key,
    },
    body: JSON.stringify(openingOf(server.mechanismId, key)),
  })

/** Every open case of the mechanism, page by page, as its coordinator sees them. */
const caseIds = async (server: Server): Promise<ReadonlyArray<string>> => {
  const ids: Array<string> = []
  let after: string | null = null
  do {
    const query: string = `mechanismId=${server.mechanismId}&limit=200${after === null ? "" : `&after=${after}`}`
    const response = await fetch(`${server.url}/v1/cases?${query}`, {
      headers: { authorization: `Bearer ${server.tokens.coordinator}` },
    })
    expect(response.status).toBe(200)
    const page = (await response.json()) as { items: ReadonlyArray<{ id: string }>; next: string | null }
    ids.push(...page.items.map((item) => item.id))
    after = page.next
  } while (after !== null)
  return ids
}

/** The audit chain's verdict and each case's entries, read from the file by this process. */
const audit = (file: string, cases: ReadonlyArray<string>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const log = yield* AuditLog.AuditLog
      const verdict = yield* log.verify
      const unaudited: Array<string> = []
      for (const caseId of cases) {
        if ((yield* log.forCase(caseId as Id.CaseId)).length === 0) unaudited.push(caseId)
      }
      return { verdict, unaudited }
    }).pipe(
      Effect.provide(
        AuditLog.layer.pipe(
          Layer.provide(Layer.mergeAll(Layer.orDie(Database.layer(`sqlite:${file}`)), Vault.layerTest, Id.layer)),
        ),
      ),
    ),
  )

describe("the gateway killed with SIGKILL during a write load", () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-crash-"))
  const file = join(directory, "bashke.db")
  const servers: Array<Server> = []

  afterAll(async () => {
    for (const server of servers) await stop(server)
    rmSync(directory, { recursive: true, force: true })
  })

  it("keeps every acknowledged write, opens each retried key once, and its audit chain verifies", async () => {
    const first = await startServer(file)
    servers.push(first)
    const before = await caseIds(first)

    // The load: each client opens cases one after another until the kill.
    const acknowledged = new Map<string, string>()
    const unanswered = new Set<string>()
    let killed = false
    let failed = false
    const client = async (n: number) => {
      for (let i = 0; !killed && !failed; i++) {
        const key = `crash-${n}-${i}`
        unanswered.add(key)
        let response: Response
        try {
          response = await open(first, key)
        } catch (error) {
          // Only the kill may cut a request off.
          if (killed) continue
          failed = true
          throw error
        }
        if (response.status !== 201) failed = true
        expect(response.status, await response.clone().text()).toBe(201)
        const opened = (await response.json()) as { id: string }
        unanswered.delete(key)
        acknowledged.set(key, opened.id)
        if (acknowledged.size === killAfter && !killed) {
          // Mid-load: the other clients' requests are in flight right now.
          killed = true
          first.process.kill("SIGKILL")
        }
      }
    }
    await Promise.all(Array.from({ length: clients }, (_, n) => client(n)))
    await exited(first)
    expect(first.process.signalCode).toBe("SIGKILL")
    // A response already on its way when the signal landed counts as acknowledged too.
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter)
    expect(unanswered.size).toBeGreaterThan(0)

    // The file as the kill left it: the chain is whole.
    const afterKill = await audit(file, [...acknowledged.values()])
    expect(afterKill.verdict.ok, JSON.stringify(afterKill.verdict)).toBe(true)
    expect(afterKill.unaudited).toEqual([])

    const second = await startServer(file)
    servers.push(second)

    // Every acknowledged opening survived.
    for (const [key, caseId] of acknowledged) {
      const response = await fetch(`${second.url}/v1/cases/${caseId}`, {
        headers: { authorization: `Bearer ${second.tokens.policeOfficer}` },
      })
      expect(response.status, key).toBe(200)
      expect(((await response.json()) as { id: string }).id).toBe(caseId)
    }

    // The unanswered ones, sent again with the same keys: one case each.
    const retried = new Map<string, string>()
    let replayed = 0
    for (const key of [...unanswered].sort()) {
      const response = await open(second, key)
      expect(response.status, key).toBe(201)
      if (response.headers.get("idempotent-replayed") === "true") replayed += 1
      retried.set(key, ((await response.json()) as { id: string }).id)
    }
    // And an acknowledged one sent again is the same case, replayed.
    const [someKey, someCase] = [...acknowledged][0] as [string, string]
    const again = await open(second, someKey)
    expect(again.status).toBe(201)
    expect(again.headers.get("idempotent-replayed")).toBe("true")
    expect(((await again.json()) as { id: string }).id).toBe(someCase)

    const opened = [...acknowledged.values(), ...retried.values()]
    expect(new Set(opened).size).toBe(opened.length)
    const after = await caseIds(second)
    expect(after.length).toBe(before.length + opened.length)
    expect(new Set(after)).toEqual(new Set([...before, ...opened]))
    console.log(
      `crash: ${acknowledged.size} openings acknowledged before the kill, ${unanswered.size} unanswered ` +
        `(${replayed} of them had committed and were replayed), ${after.length - before.length} cases after the restart`,
    )

    await stop(second)
    const atEnd = await audit(file, opened)
    expect(atEnd.verdict.ok, JSON.stringify(atEnd.verdict)).toBe(true)
    expect(atEnd.unaudited).toEqual([])
  })
})
