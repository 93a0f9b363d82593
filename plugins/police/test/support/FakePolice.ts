// A fake police API on 127.0.0.1 (node:http, a random port): pages of
// reports after a numeric cursor, and a notices endpoint. Each misbehaviour
// the plugin must survive is a switch: slow, 500, malformed pages, an
// inclusive cursor (duplicates) and pages out of order.
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect, type Scope } from "effect"

export const caseId = "01JC0000000000000000000001"
export const personId = "01JP0000000000000000000001"
export const policeInstitution = "01JK0000000000000000000009"

export const report = (n: number, overrides: Record<string, unknown> = {}) => ({
  reportId: `PK-${String(n).padStart(7, "0")}`,
  reportedAt: "2026-02-01T21:14:00Z",
  occurredOn: "2026-02-01",
  municipality: "GJI",
  forms: ["physical", "psychological"],
  children: "witnessed",
  place: "home",
  reportNumber: `GJI/2026/${n}`,
  victim: {
    personalNumber: String(1_000_000_000 + n),
    givenName: "Arta",
    familyName: "Krasniqi",
    birthDate: "1990-04-12",
    sex: "female",
  },
  perpetrator: {
    personalNumber: String(2_000_000_000 + n),
    givenName: "Blerim",
    familyName: "Krasniqi",
    sex: "male",
    relationship: "married",
  },
  ...overrides,
})

export interface FakePolice {
  readonly baseUrl: string
  /** The feed; the cursor is an index into it. */
  records: Array<unknown>
  /** `slow`: the feed never answers (until the server closes), so only the caller's deadline ends the call. */
  mode: "ok" | "error-500" | "not-json" | "wrong-shape" | "slow"
  /** Each page starts with the last record of the one before (an inclusive cursor). */
  inclusive: boolean
  /** Each page's records reversed. */
  reversed: boolean
  noticeStatus: number
  readonly requests: Array<{ url: string; headers: IncomingHttpHeaders }>
  readonly notices: Array<{ headers: IncomingHttpHeaders; body: unknown }>
}

const listen = (handler: Parameters<typeof createServer>[1]) =>
  Effect.acquireRelease(
    Effect.async<ReturnType<typeof createServer>>((resume) => {
      const server = createServer(handler)
      server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
    }),
    (server) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      }),
  )

export const make = (records: Array<unknown> = []): Effect.Effect<FakePolice, never, Scope.Scope> =>
  Effect.gen(function* () {
    const state: Omit<FakePolice, "baseUrl"> = {
      records,
      mode: "ok",
      inclusive: false,
      reversed: false,
      noticeStatus: 201,
      requests: [],
      notices: [],
    }
    const server = yield* listen((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1")
      state.requests.push({ url: url.pathname + url.search, headers: request.headers })
      if (url.pathname === "/api/notices") {
        let body = ""
        request.on("data", (chunk) => {
          body += chunk
        })
        request.on("end", () => {
          state.notices.push({ headers: request.headers, body: JSON.parse(body) })
          response.writeHead(state.noticeStatus, { "content-type": "application/json" })
          response.end(JSON.stringify({ reference: `PN-${state.notices.length}` }))
        })
        return
      }
      const answer = () => {
        if (state.mode === "error-500") return response.writeHead(500).end("boom")
        response.writeHead(200, { "content-type": "application/json" })
        if (state.mode === "not-json") return response.end("{ records: [")
        if (state.mode === "wrong-shape") return response.end(JSON.stringify({ items: [] }))
        const after = Number(url.searchParams.get("after") ?? "0")
        const limit = Number(url.searchParams.get("limit") ?? "100")
        const from = state.inclusive && after > 0 ? after - 1 : after
        const page = state.records.slice(from, from + limit)
        if (state.reversed) page.reverse()
        const end = Math.min(state.records.length, from + limit)
        response.end(JSON.stringify({ records: page, next: page.length === 0 ? null : String(end) }))
      }
      // A slow feed is one that never answers: however loaded the machine, the
      // caller's deadline is what ends the call, never a race between two timers.
      if (state.mode !== "slow") answer()
    })
    const port = (server.address() as AddressInfo).port
    return Object.assign(state, { baseUrl: `http://127.0.0.1:${port}/api` })
  })

/** A base URL nothing listens on: connection refused. */
export const down: Effect.Effect<string> = Effect.async<string>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const port = (server.address() as AddressInfo).port
    server.close(() => resume(Effect.succeed(`http://127.0.0.1:${port}/api`)))
  })
})
