/**
 * A request's body as the routes read it (its text, within the body limit).
 *
 * On Node the body is read from Node's own request (`IncomingMessage`, which
 * `@hono/node-server` hands over in the bindings): asking Hono's light request
 * for its body, or for its text, first makes it a whole WHATWG `Request` (an
 * `AbortController`, a web stream over the Node stream), about a tenth of a
 * small POST's time in the gateway (ADR 0042). Elsewhere (Workers) the body is
 * the `Request`'s, limited by Hono's own middleware, as before.
 *
 * The limit is the same on both: a declared length over it is refused before
 * anything is read. A body without a declared length (chunked, rare from the
 * gateway's clients) takes the `Request`'s way on Node too: Hono's `bodyLimit`
 * reads it at once, refuses it as soon as it passes the limit, before any
 * other step of the request, and puts a `Request` holding it in its place.
 */
import type { Context, MiddlewareHandler } from "hono"
import { bodyLimit } from "hono/body-limit"

/** Node's request (`IncomingMessage`), as `@hono/node-server` hands it over in the bindings. */
export interface NodeRequest {
  readonly iterator: (options: { readonly destroyOnReturn: boolean }) => AsyncIterableIterator<Uint8Array>
  readonly readableEnded: boolean
  readonly destroyed: boolean
}

/** Node's request behind `c`, or `undefined` when the gateway does not run on Node. */
export const nodeRequestOf = (c: Context): NodeRequest | undefined => {
  const incoming = (c.env as { incoming?: Partial<NodeRequest> } | undefined)?.incoming
  return typeof incoming?.iterator === "function" ? (incoming as NodeRequest) : undefined
}

// The bodies read so far, by request (a route may ask for its text more than once).
const read = new WeakMap<Context, Uint8Array>()

/**
 * Node's request behind `c` when its body's length is declared (not chunked):
 * the body then read from it. A chunked body is read whole by Hono's
 * `bodyLimit`, which puts a `Request` holding it in its place: a route, or a
 * plugin's webhook (`c.req.raw`), reads it there.
 */
const declared = (c: Context): NodeRequest | undefined => {
  const node = nodeRequestOf(c)
  return node !== undefined &&
    c.req.header("content-length") !== undefined &&
    c.req.header("transfer-encoding") === undefined
    ? node
    : undefined
}

/** The body limit: `onError`'s answer for a body over `maxSize` bytes. */
export const limit = (maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler => {
  const elsewhere = bodyLimit({ maxSize, onError })
  return (c, next) =>
    declared(c) === undefined
      ? elsewhere(c, next)
      : Number.parseInt(c.req.header("content-length") ?? "0", 10) > maxSize
        ? Promise.resolve(onError(c))
        : next()
}

// As `Request.text()` decodes: UTF-8, a byte order mark dropped, a malformed sequence replaced.
const utf8 = new TextDecoder()

/**
 * The body's text: on Node, with a declared length (within the limit), read
 * from Node's request to its end (Node's parser reads no further than the
 * length); otherwise the `Request`'s.
 */
export const text = async (c: Context): Promise<string> => {
  const node = declared(c)
  if (node === undefined) return c.req.text()
  let body = read.get(c)
  if (body === undefined) {
    const pieces: Array<Uint8Array> = []
    for await (const piece of node.iterator({ destroyOnReturn: false })) pieces.push(piece)
    body = pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces)
    read.set(c, body)
  }
  return utf8.decode(body)
}
