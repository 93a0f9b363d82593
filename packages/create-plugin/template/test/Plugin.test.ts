// The plugin against a fake feed on 127.0.0.1, in the SDK's test kit: a
// real host over a fresh SQLite file, fake capability services, Effect's
// TestClock.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { TestHost } from "@bashke/plugin-sdk/testing"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import plugin from "../src/index"

const item = (n: number) => ({
  id: `INC-${n}`,
  caseId: "01JC0000000000000000000001",
  occurredOn: "2026-02-01",
  municipality: "GJI",
  forms: ["physical"],
})

// The feed: pages of two after the cursor; `down` answers 503.
const feed = { items: [item(1), item(2), item(3)], down: false }
let server: Server
let baseUrl = ""

beforeAll(async () => {
  server = createServer((request, response) => {
    if (feed.down) return response.writeHead(503).end()
    const after = Number(new URL(request.url ?? "/", "http://x").searchParams.get("after") ?? "0")
    const items = feed.items.slice(after, after + 2)
    response.writeHead(200, { "content-type": "application/json" })
    response.end(JSON.stringify({ items, next: items.length === 0 ? null : String(after + items.length) }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe("the plugin", () => {
  it.scoped("pulls the feed page by page and records each incident once", () =>
    Effect.gen(function* () {
      const test = yield* TestHost.make(plugin, { config: { baseUrl } })
      yield* test.pullAndProcess()
      yield* test.pullAndProcess()
      const last = yield* test.pullAndProcess()
      expect(last.pull).toMatchObject({ _tag: "Pulled", inserted: 0 })
      expect(yield* test.cursor()).toEqual(Option.some("3"))
      expect(test.recorded.incidents.map((entry) => entry.incident.recordId)).toEqual(["INC-1", "INC-2", "INC-3"])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an upstream that is down fails the pull and keeps the cursor", () =>
    Effect.gen(function* () {
      const test = yield* TestHost.make(plugin, { config: { baseUrl } })
      feed.down = true
      const outcome = yield* test.pull()
      feed.down = false
      expect(outcome).toEqual({ _tag: "Failed", code: "upstream.status-503", permanent: false })
      expect(yield* test.cursor()).toEqual(Option.none())
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a configuration without a URL does not start", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(TestHost.make(plugin, { config: { baseUrl: "ftp://nowhere" } }))
      expect(error).toMatchObject({ reason: "config-invalid", field: "baseUrl" })
    }).pipe(Effect.provide(TestHost.database)),
  )
})
