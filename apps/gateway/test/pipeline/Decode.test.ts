// The decoding step on its own: a route's path, query and JSON body decoded
// with its schemas into what its handler takes, every refusal naming the part
// and the field, never the value.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import * as Decode from "../../src/pipeline/Decode"
import type { Refused } from "../../src/pipeline/Refused"
import * as Route from "../../src/Route"
import { thing } from "../support/ThingRoute"

const route = Route.make({
  ...thing,
  pathSchema: Schema.Struct({ thingId: Schema.NumberFromString }),
  querySchema: Schema.Struct({ limit: Schema.optional(Schema.NumberFromString) }),
  bodySchema: Schema.Struct({ at: Schema.Date, name: Schema.String }),
  success: { status: 201, schema: Schema.String },
  handle: ({ body }) => Effect.succeed(body.name),
})
const decode = Decode.decoder(route)

const sent = (over: Partial<Decode.Sent> = {}): Decode.Sent => ({
  params: { thingId: "7" },
  query: { limit: "5" },
  contentType: "application/json",
  text: async () => JSON.stringify({ at: "2026-03-05T09:00:00.000Z", name: "Arta" }),
  ...over,
})

const refusal = (request: Decode.Sent) =>
  Effect.runPromise(Effect.flip(decode(request))).then((refused: Refused) => ({
    type: refused.error._tag,
    rule: "rule" in refused.error ? refused.error.rule : undefined,
    field: "field" in refused.error ? refused.error.field : undefined,
    location: refused.location ?? ("location" in refused.error ? refused.error.location : undefined),
    echoed: JSON.stringify(refused).includes("Arta"),
  }))

describe("the decoding step", () => {
  it("decodes path, query and body into the handler's types, the body once", async () => {
    const decoded = await Effect.runPromise(decode(sent()))
    expect(decoded.path).toEqual({ thingId: 7 })
    expect(decoded.query).toEqual({ limit: 5 })
    expect(decoded.body.at).toEqual(new Date("2026-03-05T09:00:00.000Z"))
    expect(decoded.body.name).toBe("Arta")
    // The text is kept for the idempotency key's fingerprint.
    expect(JSON.parse(decoded.text)).toEqual({ at: "2026-03-05T09:00:00.000Z", name: "Arta" })
  })

  it("refuses each part with the field named and the value never echoed", async () => {
    expect(await refusal(sent({ params: { thingId: "seven" } }))).toMatchObject({
      type: "InvalidInput",
      field: "thingId",
      location: "path",
      echoed: false,
    })
    expect(await refusal(sent({ query: { limit: "x", extra: "Arta" } }))).toMatchObject({
      type: "InvalidInput",
      location: "query",
      echoed: false,
    })
    expect(await refusal(sent({ text: async () => JSON.stringify({ at: "Arta", name: "x" }) }))).toMatchObject({
      type: "InvalidInput",
      field: "at",
      location: "body",
      echoed: false,
    })
    expect(await refusal(sent({ text: async () => JSON.stringify({ at: "2026-03-05", nmae: "Arta" }) }))).toMatchObject(
      {
        type: "InvalidInput",
        location: "body",
        echoed: false,
      },
    )
  })

  it("refuses a body that is not JSON, or nested deeper than any schema, before decoding it", async () => {
    expect(await refusal(sent({ contentType: "text/plain" }))).toMatchObject({
      type: "GatewayProblem",
      rule: "gateway.content-type.json-required",
      location: "header",
    })
    expect(await refusal(sent({ text: async () => '{"name":"Arta"' }))).toMatchObject({
      type: "GatewayProblem",
      rule: "gateway.json.malformed",
      location: "body",
      echoed: false,
    })
    const deep = `${"[".repeat(20_000)}1${"]".repeat(20_000)}`
    expect(await refusal(sent({ text: async () => deep }))).toMatchObject({
      type: "InvalidInput",
      rule: "gateway.input.invalid",
      field: "input",
      location: "body",
    })
  })

  it("reads no body on a route that takes none", async () => {
    let read = false
    const get = Route.make({
      method: "get",
      path: "/v1/things",
      operationId: "listThings",
      tag: "things",
      summary: "Things",
      success: { status: 200, schema: Schema.Number },
      handle: () => Effect.succeed(1),
    })
    const decoded = await Effect.runPromise(
      Decode.decoder(get)(
        sent({
          text: async () => {
            read = true
            return ""
          },
        }),
      ),
    )
    expect(decoded).toEqual({ path: {}, query: {}, body: undefined, text: "" })
    expect(read).toBe(false)
  })

  it("tells a nesting deeper than a limit without recursing", () => {
    expect(Decode.deeperThan({ a: [{ b: 1 }] }, 3)).toBe(false)
    expect(Decode.deeperThan({ a: [{ b: {} }] }, 3)).toBe(true)
  })
})
