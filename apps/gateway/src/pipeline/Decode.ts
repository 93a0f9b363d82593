/**
 * The pipeline's decoding step: path parameters, query and JSON body, each
 * decoded with the route's schema into the types its handler takes. The body
 * is decoded here once; services receive the decoded command. Unknown fields
 * are refused (`RequestInput`), a body that is not JSON is a 415 or a 400, and
 * a body nested deeper than any schema is refused before it is decoded.
 */
import { Errors } from "@bashke/kernel"
import { Effect, Either } from "effect"
import * as RequestInput from "../RequestInput"
import type * as Route from "../Route"
import { byDomain, byGateway, type Refused } from "./Refused"

// Deeper than any route's schema nests. A deeper body is refused before it is
// decoded: describing a decode failure walks the value recursively, and a body
// of 20,000 nested arrays overflowed the stack into a 500.
const maxBodyDepth = 64

/** Whether `value` nests objects or arrays deeper than `limit`, without recursion. */
export const deeperThan = (value: unknown, limit: number): boolean => {
  const pending: Array<readonly [unknown, number]> = [[value, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next
    if (node === null || typeof node !== "object") continue
    if (depth >= limit) return true
    for (const child of Object.values(node)) pending.push([child, depth + 1])
  }
  return false
}

const jsonMediaType = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i

/** What the decoding step reads of a request. */
export interface Sent {
  readonly params: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, string | ReadonlyArray<string>>>
  readonly contentType: string | undefined
  /** The body's text, read only when the route takes a body. */
  readonly text: () => Promise<string>
}

/** What the handler will see, and the body's text (the idempotency key's fingerprint covers it). */
export interface Decoded<P, Q, B> {
  readonly path: P
  readonly query: Q
  readonly body: B
  readonly text: string
}

const orRefused = <A>(either: Either.Either<A, RequestInput.Refusal>): Effect.Effect<A, Refused> =>
  Either.match(either, {
    onLeft: (refusal) => byDomain(refusal.error, refusal.location),
    onRight: Effect.succeed,
  })

/**
 * A route's decoder, built once per route (decoding is on every request's
 * path). A route without a path, query or body schema gets `{}`, `{}` and
 * `undefined`, as its types say.
 */
export const decoder = <P, Q, B, A>(
  route: Route.Route<P, Q, B, A>,
): ((sent: Sent) => Effect.Effect<Decoded<P, Q, B>, Refused>) => {
  const path = route.pathSchema === undefined ? undefined : RequestInput.decoder(route.pathSchema, "path")
  const query = route.querySchema === undefined ? undefined : RequestInput.decoder(route.querySchema, "query")
  const body = route.bodySchema === undefined ? undefined : RequestInput.decoder(route.bodySchema, "body")
  // Without a schema, the part is empty: `Route.make`'s defaults (`Record<never, never>`, `undefined`).
  const none = Either.right({} as P & Q)
  return (sent) =>
    Effect.gen(function* () {
      const decodedPath = yield* orRefused(path === undefined ? none : path(sent.params))
      const decodedQuery = yield* orRefused(query === undefined ? none : query(sent.query))
      if (body === undefined) {
        return { path: decodedPath, query: decodedQuery, body: undefined as B, text: "" }
      }
      if (!jsonMediaType.test(sent.contentType ?? "")) {
        return yield* byGateway({
          type: "unsupported-media-type",
          status: 415,
          rule: "gateway.content-type.json-required",
          field: "Content-Type",
          location: "header",
        })
      }
      const text = yield* Effect.promise(sent.text)
      const parsed = yield* Effect.try(() => JSON.parse(text) as unknown).pipe(
        Effect.mapError(() =>
          byGateway({ type: "malformed-json", status: 400, rule: "gateway.json.malformed", location: "body" }),
        ),
      )
      if (deeperThan(parsed, maxBodyDepth)) {
        return yield* byDomain(new Errors.InvalidInput({ field: "input", rule: "gateway.input.invalid" }), "body")
      }
      const decodedBody = yield* orRefused(body(parsed))
      return { path: decodedPath, query: decodedQuery, body: decodedBody, text }
    })
}
