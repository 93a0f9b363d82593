// Type tests of the route table, checked by `pnpm typecheck` (tsc compiles the
// test folder): a route's handler receives the decoded path, query and body
// its schemas describe; an answer its success schema does not describe, or a
// field its schemas do not have, fails to compile; the table holds routes
// without `any`, and opening one gives its types back.
import { Effect, Schema } from "effect"
import { expectTypeOf } from "vitest"
import * as Route from "../src/Route"
import { routes } from "../src/Routes"

const Answer = Schema.Struct({ id: Schema.String, at: Schema.Date })

const route = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/things",
  operationId: "addThing",
  tag: "things",
  summary: "A thing",
  pathSchema: Schema.Struct({ caseId: Schema.String.pipe(Schema.brand("CaseId")) }),
  querySchema: Schema.Struct({ limit: Schema.NumberFromString }),
  bodySchema: Schema.Struct({ at: Schema.Date, note: Schema.optional(Schema.String) }),
  success: { status: 201, schema: Answer },
  handle: ({ path, query, body }) => {
    // Decoded, not as sent: a brand, a number from the query string, a Date from the body.
    expectTypeOf(path.caseId).toEqualTypeOf<string & import("effect").Brand.Brand<"CaseId">>()
    expectTypeOf(query.limit).toEqualTypeOf<number>()
    expectTypeOf(body.at).toEqualTypeOf<Date>()
    expectTypeOf(body.note).toEqualTypeOf<string | undefined>()
    return Effect.succeed({ id: path.caseId, at: body.at })
  },
})

// The handler's input and answer, as the route's own type says.
expectTypeOf<Parameters<typeof route.handle>[0]["body"]>().toEqualTypeOf<{
  readonly at: Date
  readonly note?: string | undefined
}>()
expectTypeOf<Effect.Effect.Success<ReturnType<typeof route.handle>>>().toEqualTypeOf<typeof Answer.Type>()

// A route without schemas has an empty path and query and no body.
Route.make({
  method: "get",
  path: "/v1/nothing",
  operationId: "nothing",
  tag: "things",
  summary: "Nothing",
  success: { status: 200, schema: Schema.Number },
  handle: ({ path, query, body }) => {
    expectTypeOf(path).toEqualTypeOf<Record<never, never>>()
    expectTypeOf(query).toEqualTypeOf<Record<never, never>>()
    expectTypeOf(body).toEqualTypeOf<undefined>()
    return Effect.succeed(1)
  },
})

// A wrong answer type fails to compile: the answer is inferred from the success schema only.
Route.make({
  method: "get",
  path: "/v1/wrong",
  operationId: "wrongAnswer",
  tag: "things",
  summary: "Wrong",
  success: { status: 200, schema: Answer },
  // @ts-expect-error a number is not what `Answer` describes
  handle: () => Effect.succeed(42),
})

// So does an answer missing a field its schema requires.
Route.make({
  method: "get",
  path: "/v1/wrong",
  operationId: "partialAnswer",
  tag: "things",
  summary: "Partial",
  success: { status: 200, schema: Answer },
  // @ts-expect-error `at` is missing
  handle: () => Effect.succeed({ id: "x" }),
})

// And reading a body field its schema does not have.
Route.make({
  method: "post",
  path: "/v1/wrong",
  operationId: "unknownField",
  tag: "things",
  summary: "Unknown field",
  bodySchema: Schema.Struct({ at: Schema.Date }),
  success: { status: 200, schema: Schema.Date },
  // @ts-expect-error the body has no `when`
  handle: ({ body }) => Effect.succeed(body.when),
})

// The body is the decoded command, not what was sent: a string is no Date.
Route.make({
  method: "post",
  path: "/v1/wrong",
  operationId: "encodedBody",
  tag: "things",
  summary: "Encoded body",
  bodySchema: Schema.Struct({ at: Schema.Date }),
  success: { status: 200, schema: Schema.String },
  // @ts-expect-error `body.at` is a Date
  handle: ({ body }) => Effect.succeed(body.at satisfies string),
})

// An etag reads the answer as the schema decodes it.
Route.make({
  method: "get",
  path: "/v1/versioned",
  operationId: "versioned",
  tag: "things",
  summary: "Versioned",
  success: { status: 200, schema: Schema.Struct({ version: Schema.Number }) },
  etag: (answer) => answer.version,
  handle: () => Effect.succeed({ version: 1 }),
})

// The table: every route a member without a cast; its handler is reached only by opening it.
expectTypeOf(routes).toEqualTypeOf<ReadonlyArray<Route.AnyRoute>>()
expectTypeOf(route).toMatchTypeOf<Route.AnyRoute>()
const first = routes[0] as Route.AnyRoute
// @ts-expect-error a member of the table does not expose an untyped handler
first.handle
first.open((typed) => {
  // Opened, the route's types are its own (generic here), never `any`: nothing
  // else may be assumed of them, so these fail to compile (they would with `any`).
  const probe = (input: Parameters<typeof typed.handle>[0]) => {
    // @ts-expect-error the path is the route's own type, not any number
    const path: number = input.path
    // @ts-expect-error the body is the route's own type, not any string
    const body: string = input.body
    return `${path}${body}`
  }
  return probe.length === 1 ? typed.operationId : ""
})
