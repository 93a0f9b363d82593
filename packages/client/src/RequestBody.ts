/**
 * The JSON body an operation takes, named by its `operationId`, for building a
 * body before the call: `const incident: RequestBody<"recordIncident"> = { … }`.
 */
import type { operations } from "./schema"

/**
 * The `application/json` request body of the operation `Id`; `never` for an
 * operation that takes none.
 */
export type RequestBody<Id extends keyof operations> = JsonOf<NonNullable<operations[Id]["requestBody"]>>

// Distributes over the body's union (never stays never): an operation without a body has `requestBody?: never`.
type JsonOf<Body> = Body extends { readonly content: { readonly "application/json": infer Json } } ? Json : never
