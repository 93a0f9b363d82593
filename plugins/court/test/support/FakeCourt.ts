// A fake court API on 127.0.0.1 (node:http, a random port): the changes feed
// `GET /orders/changes?since=<n>` in pages, with switches to make it slow,
// answer 500, send malformed pages, repeat changes (an inclusive cursor) or
// refuse a wrong API key. A closed port stands for a court that is down.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"

export const apiKey = "court-api-key-for-tests"

export type Mode = "ok" | "error500" | "slow" | "not-json" | "not-a-page"

export interface FakeCourt {
  readonly baseUrl: string
  /** The feed, in the court's order. */
  changes: Array<unknown>
  pageSize: number
  mode: Mode
  /** Repeat the last change of the previous page at the start of each page. */
  inclusive: boolean
  /** The header the court reads the API key from. */
  keyHeader: string
  /** The `since` of every call (null: none), and the API key it carried. */
  readonly calls: Array<{ since: string | null; key: string | undefined }>
  readonly close: () => Promise<void>
}

export const start = async (): Promise<FakeCourt> => {
  const state = {
    changes: [] as Array<unknown>,
    pageSize: 2,
    mode: "ok" as Mode,
    inclusive: false,
    keyHeader: "x-api-key",
    calls: [] as Array<{ since: string | null; key: string | undefined }>,
  }
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1")
    const key = request.headers[state.keyHeader]
    state.calls.push({ since: url.searchParams.get("since"), key: typeof key === "string" ? key : undefined })
    if (url.pathname !== "/orders/changes") return response.writeHead(404).end()
    if (key !== apiKey) return response.writeHead(401).end()
    if (state.mode === "error500") return response.writeHead(500).end("{}")
    if (state.mode === "not-json") return response.writeHead(200, { "content-type": "text/html" }).end("<html>")
    if (state.mode === "not-a-page")
      return response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items: [] }))
    const since = Number(url.searchParams.get("since") ?? "0")
    const from = state.inclusive && since > 0 ? since - 1 : since
    const page = state.changes.slice(from, since + state.pageSize)
    const next = since + Math.min(state.pageSize, Math.max(0, state.changes.length - since))
    const body = JSON.stringify({
      changes: page,
      next: String(next),
      more: next < state.changes.length,
    })
    if (state.mode === "slow") {
      // Headers at once, the body never (until the server closes): the deadline
      // must cover the body, and only the deadline ends the call, however
      // loaded the machine is.
      response.writeHead(200, { "content-type": "application/json" })
      response.write(body.slice(0, 1))
      return
    }
    response.writeHead(200, { "content-type": "application/json" }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(state, {
    baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

/** A base URL where nothing listens: a port taken, then freed. */
export const downUrl = async (): Promise<string> => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}
