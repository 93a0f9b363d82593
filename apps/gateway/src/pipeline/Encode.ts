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
  /** `wire` as JSON text, when it was made once for a frozen answer (ADR 0039); written as it is. */
  readonly json?: string
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
  // the same value every time it comes back, so its encoding is too: made
  // once, and its JSON text with it (ADR 0039: the text of a whole case was
  // made anew for every read). JSON only: a route with a content type of its
  // own writes its wire form as it is.
  const json = route.success.contentType === undefined
  const encodedOnce = new WeakMap<object, { readonly wire: unknown; readonly json?: string }>()
  const encodeValue = (value: A): Effect.Effect<{ readonly wire: unknown; readonly json?: string }> => {
    if (typeof value !== "object" || value === null || !Object.isFrozen(value))
      return Effect.map(Effect.orDie(encode(value)), (wire) => ({ wire }))
    const kept = encodedOnce.get(value)
    if (kept !== undefined) return Effect.succeed(kept)
    return Effect.map(Effect.orDie(encode(value)), (wire) => {
      const made = json && wire !== undefined ? { wire, json: JSON.stringify(wire) } : { wire }
      encodedOnce.set(value, made)
      return made
    })
  }
  const version = (value: A, input: Route.Input<P, Q, B>) => route.etag?.(value, input)
  return (value, input) =>
    route.download === true
      ? Effect.succeed({ wire: undefined, download: value as Route.Download, version: version(value, input) })
      : Effect.map(encodeValue(value), (encoded) => ({
          ...encoded,
          download: undefined,
          version: version(value, input),
        }))
}
