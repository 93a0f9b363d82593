/**
 * `@bashke/client`: a typed client for the Bashkë API. The request and answer
 * types are generated from the gateway's OpenAPI document; the calls go through
 * openapi-fetch with the bearer token, the language, an idempotency key on every
 * POST and the `If-Match` the caller gives; refusals are thrown as
 * `BashkeProblem`s. Runs anywhere `fetch` does: Node, Cloudflare Workers,
 * browsers.
 */

/**
 * Make a client (`BashkeClient.make`) and its types (`Client`, `Options`, `Answer`).
 */
export * as BashkeClient from "./BashkeClient"

/**
 * The error a refused call throws: the gateway's RFC 9457 problem, typed.
 */
export { BashkeProblem, type ProblemBody, type ProblemKind, type ProblemType } from "./BashkeProblem"

/**
 * The generated paths with `Idempotency-Key` optional (the client makes one).
 */
export type { Paths } from "./Paths"

/**
 * The JSON body of an operation, by `operationId`.
 */
export type { RequestBody } from "./RequestBody"

/**
 * The middleware that sets the API's headers, for a caller that builds its own
 * openapi-fetch client over `Paths`.
 */
export * as RequestHeaders from "./RequestHeaders"

/**
 * The types openapi-typescript generated from the gateway's OpenAPI document:
 * `paths`, `operations`, and `components` (whose `schemas` are the API's models).
 */
export type { components, operations, paths } from "./schema"

import type { components } from "./schema"

/**
 * The API's named models: `Schemas["Case"]`, `Schemas["Problem"]`, …
 */
export type Schemas = components["schemas"]
