// Finding 12 of the outside review (hardening): no Content-Security-Policy; no
// `Cache-Control: no-store` on answers with personal data; no `WWW-Authenticate`
// on 401; a URL over the header limit answered a bare 431; a request whose
// headers or body never finished held its connection for minutes; database
// files were created with the process's umask. Through HTTP against the
// gateway (both dialects), and on raw sockets against the real Node server
// (`Server.start`, as `bashke start` runs it) on a SQLite file.
import { statSync } from "node:fs"
import { connect } from "node:net"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { type Running, start } from "../../src/Server"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { stores } from "../support/Stores"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the headers of every answer`, () => {
    let gateway: Gateway
    let mechanismId: string
    let token: string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      token = await gateway.tokenFor(principal("caseManager", mechanismId as never))
    })
    afterAll(() => gateway.close())

    it("a Content-Security-Policy everywhere (pages their own); no-store on every /v1 answer, personal data or refusal", async () => {
      const cases = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}`, { token })
      expect(cases.status).toBe(200)
      const caseId = (await cases.json()).items[0].id
      const details = await gateway.request("POST", `/v1/cases/${caseId}/details/read`, {
        token,
        body: { purpose: "case-management" },
      })
      for (const response of [cases, details, await gateway.request("GET", "/v1/cases")]) {
        expect(response.headers.get("cache-control")).toBe("no-store")
        const policy = response.headers.get("content-security-policy") ?? ""
        expect(policy).toContain("default-src 'none'")
        expect(policy).toContain("frame-ancestors 'none'")
      }
      expect((await gateway.request("GET", "/docs")).headers.get("content-security-policy")).toContain(
        "object-src 'none'",
      )
    })

    it("a 401 says how to authenticate, and whether the credential sent was the trouble", async () => {
      const missing = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}`)
      expect(missing.status).toBe(401)
      expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="bashke"')
      const wrong = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}`, { token: "bsk_wrong" })
      expect(wrong.status).toBe(401)
      expect(wrong.headers.get("www-authenticate")).toBe('Bearer realm="bashke", error="invalid_token"')
      // Other refusals carry no challenge.
      const forbidden = await gateway.request("GET", "/v1/cases/01KC0000000000000000000099", { token })
      expect(forbidden.status).not.toBe(401)
      expect(forbidden.headers.get("www-authenticate")).toBeNull()
    })
  })
}

/** What the server sends back on a raw connection, and how long until it closed it. */
const raw = (url: string, send: (write: (text: string) => void) => void, limit = 60_000) =>
  new Promise<{ answer: string; closedAfter: number }>((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const started = Date.now()
    let answer = ""
    const socket = connect(Number(port), hostname, () => send((text) => socket.write(text)))
    socket.setEncoding("utf8")
    socket.on("data", (chunk: string) => {
      answer += chunk
    })
    socket.on("error", () => {})
    socket.on("close", () => {
      clearTimeout(timer)
      resolve({ answer, closedAfter: Date.now() - started })
    })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`the server kept the connection open for ${limit} ms: ${answer}`))
    }, limit)
  })

const problemOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))

const sqlite = stores.find((store) => store.name === "sqlite")

describe("the Node server, on raw sockets", () => {
  let running: Running
  let directory: string

  beforeAll(async () => {
    const fresh = await (sqlite as NonNullable<typeof sqlite>).fresh()
    directory = fresh.directory as string
    running = await start({
      databaseUrl: fresh.url,
      port: 0,
      demo: true,
      env: { BASHKE_SCHEDULER: "off", BASHKE_HEADERS_TIMEOUT: "1 second", BASHKE_REQUEST_TIMEOUT: "2 seconds" },
    })
  })
  afterAll(() => running.close())

  it("a URL over the header limit answers a problem, not a bare 431", async () => {
    const { answer } = await raw(running.url, (write) =>
      write(`GET /v1/cases?mechanismId=${"A".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`),
    )
    expect(answer).toMatch(/^HTTP\/1\.1 431 /)
    expect(answer.toLowerCase()).toContain("content-type: application/problem+json")
    expect(problemOf(answer)).toMatchObject({
      type: "https://bashke.org/problems/headers-too-large",
      status: 431,
      rule: "gateway.headers.too-large",
    })
    expect(answer).not.toContain("AAAA")
  })

  it("headers that never end, or a body that never finishes, are dropped within seconds", async () => {
    const headers = await raw(running.url, (write) => write("GET /v1/cases HTTP/1.1\r\nHost: localhost\r\n"))
    expect(headers.closedAfter).toBeLessThan(30_000)
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(problemOf(headers.answer).rule).toBe("gateway.request.timeout")

    const body = await raw(running.url, (write) =>
      write(
        "POST /v1/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
          `Authorization: Bearer ${running.tokens.policeOfficer}\r\nIdempotency-Key: slow-1\r\n` +
          'Content-Length: 1000\r\n\r\n{"mechanismId": "',
      ),
    )
    expect(body.closedAfter).toBeLessThan(30_000)
    expect(body.answer).toMatch(/^HTTP\/1\.1 408 /)
    // The server still answers others.
    expect((await fetch(`${running.url}/health`)).status).toBe(200)
  })

  it("the database file and its -wal and -shm are readable by their owner only", () => {
    for (const name of ["bashke.db", "bashke.db-wal", "bashke.db-shm", "demo-keys.json"])
      expect((statSync(join(directory, name)).mode & 0o777).toString(8)).toBe("600")
    expect((statSync(directory).mode & 0o777).toString(8)).toBe("700")
  })
})
