/**
 * The Node HTTP server of `bashke start`, bound before anything else is opened
 * (answering 503 `gateway.starting` until the app is handed over), with read
 * timeouts: headers that do not arrive within `headers`, or a request (headers
 * and body) not complete within `request`, close the connection. What Node
 * refuses before the app sees a request — URL and headers over the limit (431),
 * a read that timed out (408), a request that is not HTTP (400) — is answered
 * as an RFC 9457 problem too, never a bare status line.
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http"
import type { Duplex } from "node:stream"
import { createAdaptorServer } from "@hono/node-server"
import { Duration } from "effect"
import * as Problem from "./Problem"

/** How long a client may take to send its headers, and its whole request. */
export interface Timeouts {
  readonly headers: Duration.Duration
  readonly request: Duration.Duration
}

/** Ten seconds for the headers, thirty for the whole request. */
export const defaultTimeouts: Timeouts = { headers: Duration.seconds(10), request: Duration.seconds(30) }

type Fetch = (request: Request, env: unknown) => Response | Promise<Response>

export interface Listening {
  readonly port: number
  /** Hands the bound server its app. */
  readonly serve: (fetch: Fetch) => void
  readonly close: () => Promise<void>
}

const problemOf = (type: Problem.GatewayProblemType, status: number, rule: Problem.GatewayProblem["rule"]) =>
  JSON.stringify(Problem.fromGatewayProblem(new Problem.GatewayProblem({ type, status, rule }), "en", ""))

const reasons: Record<number, string> = {
  400: "Bad Request",
  408: "Request Timeout",
  431: "Request Header Fields Too Large",
}

/** The answer to what Node's parser refused: a problem on the raw socket, then the connection closes. */
const refuseClient = (error: NodeJS.ErrnoException, socket: Duplex): void => {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy()
    return
  }
  const [type, status, rule] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? (["headers-too-large", 431, "gateway.headers.too-large"] as const)
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? (["request-timeout", 408, "gateway.request.timeout"] as const)
        : (["malformed-request", 400, "gateway.request.malformed"] as const)
  const body = problemOf(type, status, rule)
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status]}\r\ncontent-type: ${Problem.contentType}\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`,
  )
}

/** Binds `host:port` now; until `serve`, every request answers 503. Fails with Node's error (`EADDRINUSE`). */
export const bind = async (port: number, host: string, timeouts: Timeouts = defaultTimeouts): Promise<Listening> => {
  let handler: Fetch | undefined
  const starting = () =>
    new Response(problemOf("unavailable", 503, "gateway.starting"), {
      status: 503,
      headers: { "content-type": Problem.contentType, "retry-after": "5" },
    })
  const headersTimeout = Duration.toMillis(timeouts.headers)
  const requestTimeout = Duration.toMillis(timeouts.request)
  const server = createAdaptorServer({
    fetch: (request: Request, env: unknown) => (handler === undefined ? starting() : handler(request, env)),
    serverOptions: {
      headersTimeout,
      requestTimeout,
      // How often Node looks for connections past those limits (30 s by default: too late).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersTimeout / 2))),
    },
  }) as HttpServer<typeof IncomingMessage, typeof ServerResponse>
  server.on("clientError", refuseClient)
  await new Promise<void>((resolveBound, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolveBound()
    })
  })
  const address = server.address()
  return {
    port: typeof address === "object" && address !== null ? address.port : port,
    serve: (fetch) => {
      handler = fetch
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeIdleConnections()
      }),
  }
}
