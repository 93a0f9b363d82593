// What the types promise, checked by `tsc` (the typecheck script covers test/):
// each `@ts-expect-error` below must stay an error, or the typecheck fails.
import { describe, expectTypeOf, it } from "@effect/vitest"
import { BashkeClient, type BashkeProblem, type Paths, type paths, type RequestBody, type Schemas } from "../src/index"

const bashke = BashkeClient.make({ baseUrl: "https://bashke.test", fetch: async () => Response.json({}) })
const caseId = "01JC0000000000000000000001"
const mechanismId = "01JM0000000000000000000001"

describe("types", () => {
  it("types a call's data by the operation's success schema", () => {
    expectTypeOf<Awaited<ReturnType<typeof open>>["data"]>().toEqualTypeOf<Schemas["Case"]>()
    expectTypeOf<Awaited<ReturnType<typeof open>>["etag"]>().toEqualTypeOf<string | undefined>()
  })

  it("makes Idempotency-Key optional and keeps If-Match required", () => {
    expectTypeOf<paths["/v1/cases"]["post"]["parameters"]["header"]>().toEqualTypeOf<{ "Idempotency-Key": string }>()
    expectTypeOf<NonNullable<Paths["/v1/cases"]["post"]["parameters"]["header"]>>().toEqualTypeOf<{
      "Idempotency-Key"?: string
    }>()
    expectTypeOf<Paths["/v1/cases/{caseId}/transitions"]["post"]["parameters"]["header"]>().toEqualTypeOf<{
      "If-Match": string
      "Idempotency-Key"?: string
    }>()
  })

  it("names the problem kinds", () => {
    expectTypeOf<"stale-version">().toExtend<BashkeProblem["kind"]>()
    expectTypeOf<"about:blank">().toExtend<BashkeProblem["kind"]>()
    expectTypeOf<"no-such-kind">().not.toExtend<BashkeProblem["kind"]>()
  })
})

export const open = () =>
  bashke.POST("/v1/cases", { body: { mechanismId, municipality: "GJI", persons: [{ role: "victim", sex: "female" }] } })

// Refused by the compiler (never called): the types are the API's, not `any`.
export const refused = (): ReadonlyArray<Promise<unknown>> => [
  // @ts-expect-error an unknown path
  bashke.GET("/v1/no-such-path", {}),
  // @ts-expect-error a path without this method
  bashke.PUT("/v1/cases", {}),
  // @ts-expect-error a body is required
  bashke.POST("/v1/cases"),
  // @ts-expect-error municipality must be one of the 38 codes
  bashke.POST("/v1/cases", { body: { mechanismId, municipality: "XXX", persons: [] } }),
  bashke.POST("/v1/cases/{caseId}/transitions", {
    // @ts-expect-error If-Match is required on a change of an existing case
    params: { path: { caseId } },
    body: { command: "assess" },
  }),
  // @ts-expect-error the path parameter is required
  bashke.GET("/v1/cases/{caseId}", { params: { path: {} } }),
]

describe("RequestBody", () => {
  it("names an operation's JSON body, and never for an operation without one", () => {
    expectTypeOf<RequestBody<"recordIncident">["forms"]>().toEqualTypeOf<
      Array<"physical" | "sexual" | "psychological" | "economic">
    >()
    expectTypeOf<RequestBody<"getCase">>().toBeNever()
  })
})
