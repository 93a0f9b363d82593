// The body as the routes read it (`RequestBody`), on a real Node server (Node's
// own request read, ADR 0042) and through `app.request` (the `Request`'s body,
// as on Workers): the same text either way, the same limit, and a body over
// the limit refused before the route runs, with or without a declared length.
import { once } from "node:events"
import { request as httpRequest } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { serve } from "@hono/node-server"
import { Hono } from "hono"
import * as RequestBody from "../src/RequestBody"

const maxSize = 1024
let reached = 0

const app = new Hono()
app.use(
  "*",
  RequestBody.limit(maxSize, (c) => c.json({ refused: true }, 413)),
)
app.post("/echo", async (c) => {
  reached++
  const first = await RequestBody.text(c)
  // Read twice, the same text: the body is read once.
  const second = await RequestBody.text(c)
  return c.json({ first, second, node: RequestBody.nodeRequestOf(c) !== undefined })
})

// What a plugin's webhook reads: the `Request` itself, past the limit.
app.post("/raw", async (c) => c.json({ raw: await c.req.raw.text() }))

let server: ReturnType<typeof serve>
let port = 0

beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" })
  await once(server, "listening")
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

interface Sent {
  readonly status: number
  readonly body: {
    readonly first?: string
    readonly second?: string
    readonly node?: boolean
    readonly refused?: true
    readonly raw?: string
  }
}

/** A POST over a socket: `pieces` written one by one, chunked unless `declared`. */
const post = (pieces: ReadonlyArray<Uint8Array>, declared: boolean, path = "/echo"): Promise<Sent> =>
  new Promise((resolve, reject) => {
    const length = pieces.reduce((sum, piece) => sum + piece.byteLength, 0)
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: declared ? { "content-length": String(length) } : { "transfer-encoding": "chunked" },
      },
      (response) => {
        let text = ""
        response.setEncoding("utf8")
        response.on("data", (chunk: string) => {
          text += chunk
        })
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }))
      },
    )
    // A refused body may be cut off before it is all sent: the answer is what counts.
    request.on("error", reject)
    for (const piece of pieces) request.write(piece)
    request.end()
  })

const bytes = (...values: ReadonlyArray<number>) => new Uint8Array(values)
const utf8 = (text: string) => new TextEncoder().encode(text)

describe("RequestBody", () => {
  it("reads Node's request as Request.text() reads the same bytes, declared or chunked", async () => {
    const samples: ReadonlyArray<ReadonlyArray<Uint8Array>> = [
      [utf8('{"purpose":"case-management"}')],
      [utf8('{"name":"Lirië'), utf8(' Берисха"}')],
      // A byte order mark is dropped; a malformed sequence (a lone continuation byte, a cut-off character) replaced.
      [bytes(0xef, 0xbb, 0xbf), utf8('{"a":1}')],
      [utf8('{"a":"'), bytes(0x80), utf8('"}'), bytes(0xe2, 0x82)],
      [],
    ]
    for (const pieces of samples) {
      const expected = await new Request("http://x", { method: "POST", body: Buffer.concat(pieces) }).text()
      for (const declared of [true, false]) {
        const sent = await post(pieces, declared)
        expect(sent).toEqual({ status: 200, body: { first: expected, second: expected, node: true } })
      }
      const inProcess = await app.request("/echo", { method: "POST", body: Buffer.concat(pieces) })
      expect(await inProcess.json()).toEqual({ first: expected, second: expected, node: false })
    }
  })

  it("leaves the body to a route that reads the Request itself, declared or chunked", async () => {
    const pieces = [utf8('{"event":'), utf8('"report.filed"}')]
    for (const declared of [true, false])
      expect(await post(pieces, declared, "/raw")).toEqual({ status: 200, body: { raw: '{"event":"report.filed"}' } })
  })

  it("refuses a body over the limit before the route runs, declared, chunked, or in process", async () => {
    const before = reached
    const over = new Uint8Array(maxSize + 1).fill(0x61)
    expect(await post([over], true)).toEqual({ status: 413, body: { refused: true } })
    // Without a declared length it is read until it passes the limit, in pieces.
    expect(await post([over.subarray(0, 600), over.subarray(600)], false)).toEqual({
      status: 413,
      body: { refused: true },
    })
    const inProcess = await app.request("/echo", { method: "POST", body: over })
    expect(inProcess.status).toBe(413)
    expect(reached).toBe(before)
    // At the limit exactly, it goes through.
    const at = new Uint8Array(maxSize).fill(0x61)
    for (const declared of [true, false]) expect((await post([at], declared)).status).toBe(200)
    expect(reached).toBe(before + 2)
  })
})
