/**
 * The session cookie of browsers, and the CSRF defence of requests it
 * authenticates.
 *
 * The cookie is `__Host-bashke`: HttpOnly (no script reads it), Secure,
 * SameSite=Strict, Path=/ and no Domain (the `__Host-` prefix makes browsers
 * enforce the last three). On plain HTTP to a loopback address (`bashke start`
 * on a laptop) a Secure cookie would not come back from every browser, and a
 * `__Host-` cookie must be Secure, so there it is `bashke` without Secure —
 * read only on such requests, so it never authenticates anything else.
 *
 * A request the cookie authenticates that may change something (any method
 * but GET and HEAD), and every sign-in or sign-out, must come from an allowed
 * origin (`Origin`: the gateway's own, its public origin, or a CORS origin)
 * and carry `X-Bashke-Request: 1`. A form or a link on another site can send
 * neither; a script there cannot add the header without a CORS preflight this
 * gateway refuses.
 */
import { Context, type Effect, type Option } from "effect"

/** The cookie's name on HTTPS (and on every host that is not loopback). */
export const secureName = "__Host-bashke"

/** The cookie's name on plain HTTP to a loopback address. */
export const loopbackName = "bashke"

/** The header a browser's own requests carry. */
export const requestHeader = "x-bashke-request"

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"])

/** Whether `url` is plain HTTP to this machine. */
export const isLoopbackHttp = (url: URL): boolean =>
  url.protocol === "http:" && (loopbackHosts.has(url.hostname) || url.hostname.endsWith(".localhost"))

/** The cookie's name for a request to `url`. */
export const nameFor = (url: URL): string => (isLoopbackHttp(url) ? loopbackName : secureName)

/** The session secret a `Cookie` header carries for a request to `url`, if any. */
export const read = (cookieHeader: string | undefined, url: URL): string | undefined => {
  if (cookieHeader === undefined) return undefined
  const wanted = nameFor(url)
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=")
    if (at > 0 && part.slice(0, at).trim() === wanted) return part.slice(at + 1).trim()
  }
  return undefined
}

/** The `Set-Cookie` value that stores `secret` for `maxAge` seconds, or clears the cookie. */
export const serialize = (url: URL, change: Change): string => {
  const loopback = isLoopbackHttp(url)
  const attributes = ["Path=/", "HttpOnly", "SameSite=Strict", ...(loopback ? [] : ["Secure"])]
  return change._tag === "Set"
    ? [`${nameFor(url)}=${change.secret}`, `Max-Age=${change.maxAge}`, ...attributes].join("; ")
    : [`${nameFor(url)}=`, "Max-Age=0", ...attributes].join("; ")
}

/** What a response does to the cookie. */
export type Change =
  | { readonly _tag: "Set"; readonly secret: string; readonly maxAge: number }
  | { readonly _tag: "Clear" }

/**
 * Why a browser's request is refused as a possible cross-site forgery, or
 * undefined when it may go on.
 */
export const forgeryRule = (
  headers: { readonly origin: string | undefined; readonly marker: string | undefined },
  allowedOrigins: ReadonlyArray<string>,
): "gateway.csrf.origin" | "gateway.csrf.header" | undefined => {
  if (headers.origin === undefined || !allowedOrigins.includes(headers.origin)) return "gateway.csrf.origin"
  if (headers.marker !== "1") return "gateway.csrf.header"
  return undefined
}

/**
 * Per request: the session secret the browser sent, how the answer changes
 * the cookie, and the client's address (for the sign-in throttles).
 */
export interface Service {
  readonly current: Option.Option<string>
  /** The client's address as the edge saw it (`CF-Connecting-IP` on Workers, the socket's on Node). */
  readonly clientAddress: string
  /**
   * The origin passkeys are bound to for this request: the browser's, when it
   * is one of the gateway's own (its public origin or the request's), else the
   * public origin.
   */
  readonly origin: string
  readonly set: (secret: string, maxAge: number) => Effect.Effect<void>
  readonly clear: Effect.Effect<void>
}

/**
 * The client's address: Cloudflare's header on Workers (set by the edge, not
 * by the client), the socket's peer on Node; `unknown` otherwise (tests).
 */
export const clientAddressOf = (header: string | undefined, bindings: unknown): string => {
  // On Node the socket is the truth: a client could send the header itself.
  const incoming = (bindings as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  if (incoming !== undefined) return incoming.socket?.remoteAddress ?? "unknown"
  return header !== undefined && header.length > 0 ? header : "unknown"
}

/** The request's session cookie, provided by the application to every route. */
export class SessionCookie extends Context.Tag("@bashke/gateway/SessionCookie")<SessionCookie, Service>() {}
