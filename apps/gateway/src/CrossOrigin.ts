/**
 * CORS with the headers of `hono/cors`, set without building the answer
 * before the route has. `hono/cors` sets its headers on `c.res` before the
 * route runs: that makes an empty answer, which the route's answer then has
 * to be copied over; on Node that copy turns `@hono/node-server`'s light
 * answer into a full WHATWG `Response` whose body is read back through a web
 * stream — a tenth of the CPU of a case read. Here the headers of a request
 * that is not a preflight are set on the route's own answer, once it is made
 * (as `hono/cors`'s copy did, they replace the route's own); a preflight
 * (`OPTIONS`) is answered by `hono/cors` itself, as before. `AnswerHeaders`
 * sets both, with the answer's other headers.
 */
import type { MiddlewareHandler } from "hono"
import { cors } from "hono/cors"

export interface Options {
  /** The origins allowed; none by default. */
  readonly origins: ReadonlyArray<string>
  readonly allowHeaders: ReadonlyArray<string>
  readonly allowMethods: ReadonlyArray<string>
  readonly exposeHeaders: ReadonlyArray<string>
  /** How long a browser may keep a preflight's answer, in seconds. */
  readonly maxAge: number
}

/** The preflight (`OPTIONS`): answered by `hono/cors` itself, with `origin` the list of `origins`. */
export const preflight = (options: Options): MiddlewareHandler =>
  cors({
    origin: [...options.origins],
    allowHeaders: [...options.allowHeaders],
    allowMethods: [...options.allowMethods],
    exposeHeaders: [...options.exposeHeaders],
    maxAge: options.maxAge,
  })

/**
 * The headers `hono/cors` gives an answer to any other request from `origin`
 * (the request's `Origin`, or empty), set on the answer's `headers` once the
 * route has made it (replacing the route's own, as `hono/cors`'s copy did).
 */
export const headers = (options: Options): ((origin: string, headers: Headers) => void) => {
  const origins = [...options.origins]
  const exposed = options.exposeHeaders.length > 0 ? options.exposeHeaders.join(",") : undefined
  return (origin, headers) => {
    if (origins.includes(origin)) headers.set("Access-Control-Allow-Origin", origin)
    if (exposed !== undefined) headers.set("Access-Control-Expose-Headers", exposed)
    // What `hono/cors` appends (its origin is a list, never `*`).
    headers.append("Vary", "Origin")
  }
}
