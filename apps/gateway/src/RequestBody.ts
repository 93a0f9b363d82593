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
 * anything is read; a body without a declared length (chunked) is read at
 * once and refused as soon as it passes the limit, before any other step of
 * the request, as Hono's `bodyLimit` does.
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

// The bodies read so far, by request: by the limit (those sent without a declared length) or by `text`.
const readEarly = new WeakMap<Context, Uint8Array>()

/** The whole body, or `undefined` once it passes `maxSize` bytes. */
const readAll = async (node: NodeRequest, maxSize: number): Promise<Uint8Array | undefined> => {
  const pieces: Array<Uint8Array> = []
  let size = 0
  for await (const piece of node.iterator({ destroyOnReturn: false })) {
    size += piece.byteLength
    if (size > maxSize) return undefined
    pieces.push(piece)
  }
  return pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces, size)
}

/** The body limit: `onError`'s answer for a body over `maxSize` bytes. */
export const limit = (maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler => {
  const elsewhere = bodyLimit({ maxSize, onError })
  return async (c, next) => {
    const node = nodeRequestOf(c)
    if (node === undefined) return elsewhere(c, next)
    const declared = c.req.header("content-length")
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined)
      return Number.parseInt(declared, 10) > maxSize ? onError(c) : next()
    const body = await readAll(node, maxSize)
    if (body === undefined) return onError(c)
    readEarly.set(c, body)
    return next()
  }
}

// As `Request.text()` decodes: UTF-8, a byte order mark dropped, a malformed sequence replaced.
const utf8 = new TextDecoder()

/**
 * The body's text. On Node, what the limit read, or else Node's request read
 * to its end (its declared length is within the limit, and Node's parser
 * reads no further than it).
 */
export const text = async (c: Context): Promise<string> => {
  const node = nodeRequestOf(c)
  if (node === undefined) return c.req.text()
  let body = readEarly.get(c)
  if (body === undefined) {
    body = (await readAll(node, Number.POSITIVE_INFINITY)) ?? new Uint8Array(0)
    readEarly.set(c, body)
  }
  return utf8.decode(body)
}
