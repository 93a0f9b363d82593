// Issue 18 / ADR 0024: the gateway killed (SIGKILL) in the middle of an
// upload leaves chunks that no record names; started again, it sweeps them
// (on start, once the upload has gone untouched for
// BASHKE_DOCUMENT_ABANDONED_AFTER), and the same upload retried with the same
// Idempotency-Key is taken whole. Through the real Node gateway in its own
// process, on a SQLite file, read from outside.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { exited, type GatewayProcess, start, stop } from "../bench/GatewayProcess"
import { digestOf, file } from "./support/DocumentBytes"
import { documentCase, download, upload } from "./support/DocumentGateway"
import { read } from "./support/Stores"

const MiB = 1024 * 1024

/** Polls `check` every 100 ms until it holds, for at most `seconds`. */
const until = async (seconds: number, check: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + seconds * 1000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe("documents: an upload whose gateway was killed", () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-upload-killed-"))
  const databaseFile = join(directory, "bashke.db")
  const url = `sqlite:${databaseFile}`
  const env = {
    BASHKE_RATE_LIMIT_PER_MINUTE: "1000000",
    BASHKE_SCHEDULER: "off",
    BASHKE_DOCUMENT_ABANDONED_AFTER: "2 seconds",
  }
  const servers: Array<GatewayProcess> = []
  afterAll(async () => {
    for (const server of servers) await stop(server)
    rmSync(directory, { recursive: true, force: true })
  })

  /** Chunks no record names, by document. */
  const orphans = () =>
    read(
      url,
      `SELECT document_id, COUNT(*) AS chunks FROM case_document_chunks chunks
       WHERE NOT EXISTS (SELECT 1 FROM case_documents documents WHERE documents.id = chunks.document_id)
       GROUP BY document_id`,
    )
  const pending = () => read(url, "SELECT document_id FROM case_document_uploads")

  it("leaves no chunk behind once started again, and the retried upload is taken", { timeout: 600_000 }, async () => {
    const first = await start(databaseFile, env)
    servers.push(first)
    const caseId = await documentCase(first)
    expect(await orphans()).toEqual([])

    // 3 MiB of a PDF, then nothing more: the upload stays open until the gateway dies.
    const made = file(8 * MiB)
    const reader = made.stream.getReader()
    let sent = 0
    const stalled = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (sent >= 3 * MiB) return new Promise<void>(() => {})
        const { value } = await reader.read()
        sent += value?.length ?? 0
        if (value !== undefined) controller.enqueue(value)
      },
    })
    const key = "killed-upload-1"
    const interrupted = upload(first, caseId, stalled, key).catch((error: unknown) => error)
    // Its chunks are in the database, no record names them yet.
    await until(120, async () => (await orphans()).some((row) => Number(row.chunks) >= 8))
    first.process.kill("SIGKILL")
    await exited(first)
    servers.length = 0
    expect(await interrupted).toBeInstanceOf(Error)
    const left = await orphans()
    expect(left).toHaveLength(1)
    expect((await pending()).map((row) => row.document_id)).toEqual(left.map((row) => row.document_id))

    // Untouched for longer than BASHKE_DOCUMENT_ABANDONED_AFTER: the next start sweeps it.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const second = await start(databaseFile, env)
    servers.push(second)
    await until(60, async () => (await orphans()).length === 0)
    expect(await pending()).toEqual([])

    // The same request again, whole: nothing was recorded under its key, so it is taken.
    const again = file(8 * MiB)
    const retried = await upload(second, caseId, again.stream, key)
    expect(retried.status).toBe(201)
    expect(retried.headers.get("idempotent-replayed")).toBeNull()
    const { id } = (await retried.json()) as { id: string }
    expect(await digestOf((await download(second, caseId, id)).body)).toEqual({ digest: again.digest(), size: 8 * MiB })
    expect(await orphans()).toEqual([])
    expect(await pending()).toEqual([])
  })
})
