/** Every route of the API, in the order the OpenAPI document lists them. */
import type * as Route from "./Route"
import * as Cases from "./routes/Cases"

export const routes: ReadonlyArray<Route.AnyRoute> = [...Cases.routes]
