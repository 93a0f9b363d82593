// `bashke worker` killed with SIGKILL in the middle of a batch of emails,
// then started again on the same SQLite file: every mail arrives, none twice.
// The SMTP server (smtp-server, in this process) holds the tenth message
// unanswered and kills the worker right then — the worst moment short of the
// server's "250 OK": the message was sent but never taken.
import { type ChildProcessByStdio, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Readable } from "node:stream"
import { Id } from "@bashke/kernel"
import { type SmtpTestServer, TablePeople, SmtpTestServer as TestServer } from "@bashke/notifications/testing"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Layer, ManagedRuntime } from "effect"
import { appDirectory } from "../bench/GatewayProcess"
import { type Seeded, seed } from "../src/demo/Seed"
import { institutions, principal } from "../src/demo/World"
import { migrationPlan } from "../src/MigrationPlan"
import * as Services from "../src/Services"
import * as Repositories from "./support/Repositories"

const people = 30
const killAt = 10
const hour = 3_600_000
const key = () => randomBytes(32).toString("base64")

type Worker = ChildProcessByStdio<null, Readable, Readable>

describe("a worker killed mid-batch", () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-kill-"))
  const file = join(directory, "bashke.db")
  const env: Record<string, string> = {
    BASHKE_DATABASE_URL: `sqlite:${file}`,
    BASHKE_VAULT_KEYS: `kill-1:${key()}`,
    BASHKE_BLIND_INDEX_KEY: key(),
    BASHKE_SCHEDULER_INTERVAL: "200 millis",
    BASHKE_SCHEDULER_LEASE: "3 seconds",
    BASHKE_PUBLIC_ORIGIN: "https://bashke.example",
  }
  let server: SmtpTestServer
  let seeded: Seeded
  const workers: Array<Worker> = []

  const startWorker = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "test/support/worker-process.ts"], {
        cwd: appDirectory,
        env: { ...process.env, ...env, BASHKE_SMTP_URL: server.url },
        stdio: ["ignore", "pipe", "pipe"],
      })
      workers.push(child)
      let out = ""
      let err = ""
      const timer = setTimeout(() => reject(new Error(`the worker did not start:\n${out}\n${err}`)), 90_000)
      child.stderr.on("data", (chunk: Buffer) => {
        err += chunk.toString()
      })
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('{"worker"')) {
          clearTimeout(timer)
          resolve(child)
        }
      })
      child.on("exit", () => clearTimeout(timer))
    })

  beforeAll(async () => {
    server = await TestServer.start()
    const keys = Services.keysFromConfig.pipe(
      Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))),
    )
    const runtime = ManagedRuntime.make(
      Services.layer(keys, { recipients: TablePeople.layer }).pipe(
        Layer.provideMerge(Layer.orDie(Database.layer(`sqlite:${file}`))),
        Layer.orDie,
      ),
    )
    await runtime.runPromise(Migrations.run(migrationPlan))
    seeded = await runtime.runPromise(seed)
    const health = principal("nurse", seeded.mechanismId)
    for (let n = 0; n < people; n++)
      await runtime.runPromise(
        TablePeople.put({
          id: Id.ulidAt(1_700_000_000_000 + n, new Uint8Array(10).fill(n + 1)) as Id.PrincipalId,
          institution: institutions.health.id,
          roles: health.roles,
          mechanisms: [seeded.mechanismId],
          locale: "sq",
          email: `health${n}@example.org`,
        }),
      )
    // An urgent referral to the health centre sent 3.5 hours ago: its "acknowledge soon" reminder is due now.
    const directoryIds = seeded.directory as NonNullable<Seeded["directory"]>
    const cases = seeded.cases as NonNullable<Seeded["cases"]>
    const sentAt = new Date(Date.now() - 3.5 * hour)
    await runtime.runPromise(
      Repositories.referrals((repository) =>
        repository.insert({
          id: Id.ulidAt(sentAt.getTime(), new Uint8Array(10).fill(7)) as Id.ReferralId,
          mechanism: seeded.mechanismId,
          case: cases.standardRisk.caseId,
          from: institutions.socialWork.id,
          to: institutions.health.id,
          service: directoryIds.medicalCare,
          reason: "injury-documentation",
          urgency: "high",
          basis: { _tag: "Override", override: { ground: "imminent-danger", reason: "kill-test" } },
          status: "sent",
          history: [
            {
              status: "sent",
              at: sentAt,
              actor: {
                principal: principal("caseManager", seeded.mechanismId).id,
                institution: institutions.socialWork.id,
              },
            },
          ],
          version: 1,
        }),
      ),
    )
    await runtime.dispose()
  })
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL")
    await server.close()
    rmSync(directory, { recursive: true, force: true })
  })

  it("every mail arrives once after the restart", async () => {
    let offered = 0
    const killed = new Promise<void>((resolve) => {
      server.beforeAccept.current = () => {
        offered++
        if (offered < killAt) return true
        // The tenth message is in the server, unanswered: kill the sender now.
        const worker = workers[0]
        worker?.kill("SIGKILL")
        worker?.once("exit", () => resolve())
        server.beforeAccept.current = undefined
        return false
      }
    })
    await startWorker()
    await killed
    expect(server.received).toHaveLength(killAt - 1)
    await startWorker()
    // Every email row the notices made is sent, and each arrived once.
    const { default: Sqlite } = await import("better-sqlite3")
    const rows = () => {
      const db = new Sqlite(file, { readonly: true })
      try {
        return db.prepare("SELECT key, status FROM notification_emails").all() as Array<{ key: string; status: string }>
      } finally {
        db.close()
      }
    }
    // A generous bound (10 minutes): the machine may be loaded; a poll every 200 ms.
    for (let tries = 0; tries < 3_000; tries++) {
      const all = rows()
      if (all.length > 0 && all.every((row) => row.status === "sent") && server.received.length >= all.length) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    // A little longer: nothing more comes.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    workers[1]?.kill("SIGTERM")
    const sent = rows()
    expect(sent.length).toBeGreaterThanOrEqual(people)
    expect(sent.filter((row) => row.status !== "sent")).toEqual([])
    expect(server.received).toHaveLength(sent.length)
    expect(new Set(server.received.map((mail) => mail.parsed.messageId)).size).toBe(sent.length)
    // The referral's reminder reached each of the health centre's people once.
    const reminder = server.received.filter((mail) => mail.parsed.subject?.includes("Konfirmo marrjen e referimit"))
    expect(new Set(reminder.map((mail) => mail.to.join())).size).toBe(people)
    expect(reminder).toHaveLength(people)
  })
})
