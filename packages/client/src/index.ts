/**
 * `@bashke/client`: a typed client for the Bashkë API. The request and answer
 * types are generated from the gateway's OpenAPI document; the calls go through
 * openapi-fetch with the bearer token, the language, an idempotency key on every
 * POST and the `If-Match` the caller gives; refusals are thrown as
 * `BashkeProblem`s. Runs anywhere `fetch` does: Node, Cloudflare Workers,
 * browsers.
 *
 * @since 0.1.0
 */

/**
 * Make a client (`BashkeClient.make`) and its types (`Client`, `Options`, `Answer`).
 *
 * @since 0.1.0
 */
export * as BashkeClient from "./BashkeClient"

/**
 * The error a refused call throws: the gateway's RFC 9457 problem, typed.
 *
 * @since 0.1.0
 */
export { BashkeProblem, type ProblemBody, type ProblemKind, type ProblemType } from "./BashkeProblem"

/**
 * The generated paths with `Idempotency-Key` optional (the client makes one).
 *
 * @since 0.1.0
 */
export type { Paths } from "./Paths"

/**
 * The JSON body of an operation, by `operationId`.
 *
 * @since 0.1.0
 */
export type { RequestBody } from "./RequestBody"

/**
 * The middleware that sets the API's headers, for a caller that builds its own
 * openapi-fetch client over `Paths`.
 *
 * @since 0.1.0
 */
export * as RequestHeaders from "./RequestHeaders"

/**
 * The types openapi-typescript generated from the gateway's OpenAPI document:
 * `paths`, `operations`, and `components` (whose `schemas` are the API's models).
 *
 * @since 0.1.0
 */
export type { components, operations, paths } from "./schema"

import type { components } from "./schema"

/**
 * The API's named models: `Schemas["Case"]`, `Schemas["Problem"]`, …
 *
 * @since 0.1.0
 */
export type Schemas = components["schemas"]
