import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { TestHost } from "@bashke/plugin-sdk/testing"
import { Effect } from "effect"
import court from "../src/index"

// 1. A court API: two changes to one order, the extension listed before the issue.
const changes = [
  {
    changeId: "CHG-2026-000124",
    orderReference: "C-1234/2026",
    caseId: "01JC0000000000000000000001",
    status: "extended",
    decidedAt: "2026-04-01T10:00:00Z",
    orderKind: "protection-order",
    expiresAt: "2026-10-01T00:00:00+02:00",
    hearingAt: null,
  },
  {
    changeId: "CHG-2026-000123",
    orderReference: "C-1234/2026",
    caseId: "01JC0000000000000000000001",
    status: "issued",
    decidedAt: "2026-03-01T09:30:00Z",
    orderKind: "protection-order",
    expiresAt: "2026-09-01T00:00:00+02:00",
    hearingAt: "2026-03-20T09:00:00+01:00",
  },
]
const server = createServer((request, response) => {
  if (request.headers["x-api-key"] !== "court-key") return response.writeHead(401).end()
  const since = new URL(request.url ?? "/", "http://127.0.0.1").searchParams.get("since")
  response.writeHead(200, { "content-type": "application/json" })
  response.end(JSON.stringify(since === null ? { changes, next: "2" } : { changes: [], next: null }))
})

// 2. The plugin in the SDK's test host: a pull, a pass over the inbox, a signed webhook.
const program = (baseUrl: string) =>
  Effect.gen(function* () {
    const test = yield* TestHost.make(court, { config: { baseUrl, apiKey: "court-key" } })
    const pulled = yield* test.pullAndProcess()
    const pushed = yield* test.webhook("POST", "/orders/changes", {
      changes: [{ ...changes[0], changeId: "CHG-2026-000125", status: "breached", decidedAt: "2026-05-02T18:00:00Z" }],
    })
    yield* test.process
    return {
      pulled: pulled.pull,
      outcomes: test.recorded.orderUpdates.map((entry) => `${entry.update.recordId}: ${entry.result.outcome}`),
      webhook: pushed.status,
      order: test.recorded.orders.get("C-1234/2026")?.status,
    }
  }).pipe(Effect.scoped, Effect.provide(TestHost.database))

export const main = async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  try {
    return await Effect.runPromise(program(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  } finally {
    server.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then((result) => console.log(result))
}
