/**
 * The pipeline's last step: the answer encoded with the route's success
 * schema (what the OpenAPI document says it is), and its version for the
 * `ETag`. A file answer (`download`) is streamed as it is. An answer the
 * schema cannot encode is a defect (500), never a partial body.
 */
import { PlainEncoder } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Route from "../Route"

/** What the gateway writes: the encoded answer (`wire`), or the file to stream, and its version. */
export interface Encoded {
  readonly wire: unknown
  readonly download: Route.Download | undefined
  readonly version: number | undefined
}

/** A route's encoder, built once per route. */
export const encoder = <P, Q, B, A>(
  route: Route.Route<P, Q, B, A>,
): ((value: A, input: Route.Input<P, Q, B>) => Effect.Effect<Encoded>) => {
  // Compiled once from the schema (a whole case is hundreds of values): Effect's interpreter for what it does not cover.
  const encode = PlainEncoder.make(route.success.schema)
  // A frozen answer (a case as its repository keeps it decoded, ADR 0037) is
  // the same value every time it comes back, so its encoding is too: made once.
  const encodedOnce = new WeakMap<object, unknown>()
  const encodeValue = (value: A): Effect.Effect<unknown> => {
    if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return Effect.orDie(encode(value))
    if (encodedOnce.has(value)) return Effect.succeed(encodedOnce.get(value))
    return Effect.tap(Effect.orDie(encode(value)), (wire) => {
      encodedOnce.set(value, wire)
    })
  }
  const version = (value: A, input: Route.Input<P, Q, B>) => route.etag?.(value, input)
  return (value, input) =>
    route.download === true
      ? Effect.succeed({ wire: undefined, download: value as Route.Download, version: version(value, input) })
      : Effect.map(encodeValue(value), (wire) => ({
          wire,
          download: undefined,
          version: version(value, input),
        }))
}
