// Issue 18's acceptance for documents, through the real Node gateway
// (src/node.ts in its own process, as `bashke start` runs it), on a SQLite
// file and on PostgreSQL: a 50 MiB document uploads and downloads
// byte-identical, and the gateway's resident memory grows by less than
// 16 MiB during the upload and again during the download — far less than
// the file. The upload is sent without a Content-Length (chunked), so
// nothing is known of its size before it ends.
//
// The peak is the kernel's: before each transfer the process's high-water
// mark is reset (`/proc/<pid>/clear_refs`, 5), and after it VmHWM is the
// highest resident set the process had while the file went through, however
// short — nothing is sampled, so a loaded machine cannot make the test miss
// a peak or see one that was not there. It is compared with VmRSS just
// before. A gateway that held the file would grow by 50 MiB at least; one
// that left the buffers of its pieces to V8's own pace grew by 70-100 MiB
// (ADR 0026).
//
// The first request of a kind grows the process once, whatever the file's
// size (V8's young generation grows to its working size, code is compiled):
// a 4 MiB document goes in and out first, so the measure is of what the
// 50 MiB one adds, not of the process warming up.
import { randomBytes } from "node:crypto"
import { once } from "node:events"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { connect } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { TestDatabase } from "@bashke/persistence/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import pg from "pg"
import { type GatewayProcess, start, stop } from "../bench/GatewayProcess"
import { digestOf, disposition, file } from "./support/DocumentBytes"
import { documentCase, download, upload } from "./support/DocumentGateway"

const MiB = 1024 * 1024
/** What a transfer may add to the gateway's resident set. */
const bound = 16 * MiB

/** VmRSS and VmHWM of a process, in bytes. */
const memoryOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) * 1024
  return { rss: field("VmRSS"), hwm: field("VmHWM") }
}

/** How much `transfer` raised the process's resident set at its highest: VmHWM after, reset before, less VmRSS before. */
const growthDuring = async <A>(
  pid: number,
  name: string,
  transfer: () => Promise<A>,
): Promise<{ growth: number; value: A }> => {
  // "5" resets the high-water mark to the resident set now (proc(5), clear_refs).
  writeFileSync(`/proc/${pid}/clear_refs`, "5")
  const before = memoryOf(pid)
  const value = await transfer()
  const after = memoryOf(pid)
  const growth = after.hwm - before.rss
  console.log(
    `documents memory, ${name}: rss before ${(before.rss / MiB).toFixed(1)} MiB, peak ${(after.hwm / MiB).toFixed(1)} MiB, growth ${(growth / MiB).toFixed(1)} MiB`,
  )
  return { growth, value }
}

const postgresUnavailable = await TestDatabase.postgresUnavailable()
if (postgresUnavailable !== undefined && process.env.CI === "true")
  throw new Error(`${postgresUnavailable} (CI=true: refusing to skip the PostgreSQL suite)`)
const postgresBase = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl

interface Store {
  readonly name: string
  readonly skip: string | undefined
  /** The gateway's BASHKE_DATABASE_URL (none: the SQLite file), and how to drop what it made. */
  readonly open: () => Promise<{ readonly url?: string; readonly drop: () => Promise<void> }>
}

const stores: ReadonlyArray<Store> = [
  { name: "sqlite", skip: undefined, open: async () => ({ drop: async () => {} }) },
  {
    name: "postgres",
    skip: postgresUnavailable,
    // A schema of its own on the test server, the gateway's search path.
    open: async () => {
      const schema = `bashke_memory_${randomBytes(6).toString("hex")}`
      const admin = new pg.Client({ connectionString: postgresBase })
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
      const url = new URL(postgresBase)
      url.searchParams.set("options", `-c search_path=${schema}`)
      return {
        url: url.toString(),
        drop: async () => {
          await admin.query(`DROP SCHEMA ${schema} CASCADE`)
          await admin.end()
        },
      }
    },
  },
]

for (const store of stores)
  describe.skipIf(process.platform !== "linux" || store.skip !== undefined)(
    `${store.name}: documents and the memory of the gateway process`,
    () => {
      let directory: string
      let server: GatewayProcess
      let drop: () => Promise<void> = async () => {}
      let caseId = ""

      beforeAll(async () => {
        directory = mkdtempSync(join(tmpdir(), "bashke-documents-"))
        const opened = await store.open()
        drop = opened.drop
        server = await start(join(directory, "bashke.db"), {
          BASHKE_RATE_LIMIT_PER_MINUTE: "1000000",
          BASHKE_SCHEDULER: "off",
          BASHKE_DOCUMENT_MAX_BYTES: String(64 * MiB),
          ...(opened.url === undefined ? {} : { BASHKE_DATABASE_URL: opened.url }),
        })
        // A case of the demo the case manager may attach documents to (both paths loaded on it).
        caseId = await documentCase(server)
      })
      afterAll(async () => {
        if (server !== undefined) await stop(server)
        await drop()
        rmSync(directory, { recursive: true, force: true })
      })

      /** Uploads `size` bytes, then downloads them; the digest checked, the growth of each measured. */
      const roundTrip = async (size: number) => {
        const pid = server.process.pid as number
        const made = file(size, { marker: "Aktvendim për urdhër mbrojtjeje" })
        const uploaded = await growthDuring(pid, `${size / MiB} MiB upload`, async () => {
          const response = await upload(server, caseId, made.stream)
          expect(response.status).toBe(201)
          return ((await response.json()) as { id: string }).id
        })
        const downloaded = await growthDuring(pid, `${size / MiB} MiB download`, async () => {
          const got = await download(server, caseId, uploaded.value)
          expect(got.status).toBe(200)
          return digestOf(got.body)
        })
        expect(downloaded.value).toEqual({ digest: made.digest(), size })
        return { upload: uploaded.growth, download: downloaded.growth }
      }

      it("a 50 MiB document goes in and out byte-identical, the gateway growing by less than 16 MiB each way", {
        timeout: 900_000,
      }, async () => {
        await roundTrip(4 * MiB)
        const growth = await roundTrip(50 * MiB)
        expect(growth.upload).toBeLessThan(bound)
        expect(growth.download).toBeLessThan(bound)
      })

      it("a file whose bytes are not the declared type is refused, naming the field, and the gateway goes on", {
        timeout: 300_000,
      }, async () => {
        // An executable declared a PDF, 8 MiB of it: refused from its first bytes, the rest drained.
        const refused = await upload(server, caseId, file(8 * MiB, { header: "MZ\u0090\u0000" }).stream)
        expect(refused.status).toBe(422)
        expect(await refused.json()).toMatchObject({ field: "content", rule: "case.document.type.mismatch" })
        const next = await upload(server, caseId, file(64 * 1024).stream)
        expect(next.status).toBe(201)
      })

      it("a refused file whose sender pauses is read to its end before the refusal, not cut off", {
        timeout: 300_000,
      }, async () => {
        // Over a plain socket, so that nothing reads the answer early: the headers and the
        // first 64 KiB (an executable's header) at once, a pause longer than
        // @hono/node-server's own 500 ms drain (a slow link, a loaded machine), then the
        // rest. Every byte must still go through (the gateway reads and drops what it
        // refused), and the refusal then be read; cut off, the writes after the pause fail.
        const size = 4 * MiB
        const body = file(size, { header: "MZ\u0090\u0000" }).stream.getReader()
        const url = new URL(server.url)
        const socket = connect(Number(url.port), url.hostname)
        await once(socket, "connect")
        const failed = new Promise<Error>((resolve) => socket.on("error", resolve))
        const answer = (async () => {
          let text = ""
          for await (const piece of socket) text += String(piece)
          return text
        })().catch(() => "")
        const write = (chunk: Uint8Array | string) =>
          new Promise<void>((resolve, reject) => socket.write(chunk, (error) => (error ? reject(error) : resolve())))
        await write(
          [
            `POST /v1/cases/${caseId}/documents?kind=court-decision HTTP/1.1`,
            `host: ${url.host}`,
            `authorization: Bearer ${server.tokens.caseManager}`,
            `idempotency-key: document-${Math.random()}`,
            "content-type: application/pdf",
            `content-disposition: ${disposition("Aktvendimi.pdf")}`,
            `content-length: ${size}`,
            "connection: close",
            "",
            "",
          ].join("\r\n"),
        )
        await write((await body.read()).value as Uint8Array)
        await new Promise((resolve) => setTimeout(resolve, 2_000))
        const sent = (async () => {
          for (let piece = await body.read(); !piece.done; piece = await body.read()) await write(piece.value)
        })()
        const outcome = await Promise.race([sent.then(() => "sent"), failed.then((error) => error.message)])
        expect(outcome).toBe("sent")
        const text = await answer
        expect(text.split("\r\n")[0]).toBe("HTTP/1.1 422 Unprocessable Entity")
        expect(text).toContain('"rule":"case.document.type.mismatch"')
      })
    },
  )
