/**
 * Every answer's own headers, set by one middleware: the request id, the
 * security headers of `hono/secure-headers` (its defaults), a content security
 * policy for data (unless the answer has its own), `no-store` under `/v1`
 * (unless the answer says otherwise) and the CORS headers (`CrossOrigin`).
 *
 * They were six middlewares, each an `async` layer around the rest of the
 * request; folded into one, a GET of a case took about 3 % less CPU (two
 * gateways, before and after, loaded in turn), and the headers are the same,
 * header by header (test/AnswerHeaders.test.ts compares them with the six).
 */
import type { Context, MiddlewareHandler } from "hono"
import * as CrossOrigin from "./CrossOrigin"

export interface Options {
  /** The request id's header, read from the request (when well formed) and set on the answer. */
  readonly requestIdHeader: string
  /** The content security policy of an answer that has none of its own (data, not a page). */
  readonly contentSecurityPolicy: string
  /** This path and those under it answer `Cache-Control: no-store` unless they set their own. */
  readonly noStorePath: string
  readonly crossOrigin: CrossOrigin.Options
}

/** What `hono/secure-headers` sets with its defaults, on every answer, replacing the route's own. */
export const securityHeaders: ReadonlyArray<readonly [string, string]> = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
]

// As `hono/request-id` accepts a caller's id: at most 255 characters of word characters, `-` and `=`.
const wellFormed = /^[\w\-=]{1,255}$/

/** The request id of `c`'s request: the caller's, when well formed, or a new one. */
const requestIdOf = (c: Context, header: string): string => {
  const sent = c.req.header(header)
  return sent !== undefined && wellFormed.test(sent) ? sent : crypto.randomUUID()
}

/** The middleware; `c.get("requestId")` is the request's id from here on. */
export const middleware = (options: Options): MiddlewareHandler => {
  const crossOrigin = CrossOrigin.headers(options.crossOrigin)
  const preflight = CrossOrigin.preflight(options.crossOrigin)
  const under = `${options.noStorePath}/`
  // As Hono matches `/v1/*`: the path itself and every path under it.
  const noStore = (path: string) => path === options.noStorePath || path.startsWith(under)
  return async (c, next) => {
    const id = requestIdOf(c, options.requestIdHeader)
    c.set("requestId", id)
    c.header(options.requestIdHeader, id)
    const origin = c.req.header("origin") ?? ""
    const preflighted = c.req.method === "OPTIONS"
    if (preflighted) {
      const answer = await preflight(c, next)
      if (answer !== undefined) c.res = answer
    } else await next()
    // An answer made outside the context (a file of the web app or the docs, a
    // plugin's webhook answer) has none of the headers set before it was made:
    // it is copied (its headers may be immutable) and given the request id.
    if (!c.res.headers.has(options.requestIdHeader)) {
      c.res = new Response(c.res.body, c.res)
      c.res.headers.set(options.requestIdHeader, id)
    }
    const headers = c.res.headers
    if (!preflighted) crossOrigin(origin, headers)
    if (noStore(c.req.path) && !headers.has("cache-control")) headers.set("cache-control", "no-store")
    if (!headers.has("content-security-policy")) headers.set("content-security-policy", options.contentSecurityPolicy)
    for (const [name, value] of securityHeaders) headers.set(name, value)
    headers.delete("X-Powered-By")
  }
}
