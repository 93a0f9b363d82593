// The encoding step on its own: the answer encoded with the route's schema
// (what the OpenAPI document says), its version for the ETag, a file passed on;
// a frozen answer encoded once, with its JSON text.
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Schema } from "effect"
import * as Encode from "../../src/pipeline/Encode"
import * as Route from "../../src/Route"

const Answer = Schema.Struct({ at: Schema.Date, version: Schema.Number })

const base = {
  method: "get",
  path: "/v1/things/:thingId",
  operationId: "getThing",
  tag: "things",
  summary: "A thing",
  pathSchema: Schema.Struct({ thingId: Schema.String }),
} as const

describe("the encoding step", () => {
  it("encodes the answer with the success schema and names its version", async () => {
    const route = Route.make({
      ...base,
      success: { status: 200, schema: Answer },
      etag: (answer) => answer.version,
      handle: () => Effect.succeed({ at: new Date(0), version: 4 }),
    })
    const input = { path: { thingId: "t" }, query: {}, body: undefined, expectedVersion: undefined }
    const encoded = await Effect.runPromise(Encode.encoder(route)({ at: new Date(0), version: 4 }, input))
    expect(encoded).toEqual({ wire: { at: "1970-01-01T00:00:00.000Z", version: 4 }, download: undefined, version: 4 })
  })

  it("leaves the version out on an unversioned answer, and passes a file on unencoded", async () => {
    const file: Route.Download = {
      mediaType: "application/pdf",
      size: 1,
      fileName: "a.pdf",
      chunkCount: 1,
      chunk: () => Effect.succeed(new Uint8Array([1])),
    }
    const route = Route.make({
      ...base,
      success: { status: 200, schema: Schema.declare((u): u is Route.Download => typeof u === "object") },
      download: true,
      handle: () => Effect.succeed(file),
    })
    const input = { path: { thingId: "t" }, query: {}, body: undefined, expectedVersion: undefined }
    expect(await Effect.runPromise(Encode.encoder(route)(file, input))).toEqual({
      wire: undefined,
      download: file,
      version: undefined,
    })
  })

  it("makes an answer its schema cannot encode a defect, never a partial body", async () => {
    const route = Route.make({
      ...base,
      success: { status: 200, schema: Answer },
      handle: () => Effect.succeed({ at: new Date(0), version: 1 }),
    })
    const input = { path: { thingId: "t" }, query: {}, body: undefined, expectedVersion: undefined }
    const exit = await Effect.runPromiseExit(Encode.encoder(route)({ at: new Date(Number.NaN), version: 1 }, input))
    expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
  })

  it("encodes a frozen answer once (the same value again, ADR 0037), every other answer each time", async () => {
    let encodings = 0
    // A schema whose encoding is counted: Effect's interpreter calls the transformation once per encoding.
    const Counted = Schema.transform(Schema.Number, Schema.Number, {
      strict: true,
      decode: (n) => n,
      encode: (n) => {
        encodings += 1
        return n
      },
    })
    const route = Route.make({
      ...base,
      success: { status: 200, schema: Schema.Struct({ at: Schema.Date, version: Counted }) },
      handle: () => Effect.succeed({ at: new Date(0), version: 1 }),
    })
    const input = { path: { thingId: "t" }, query: {}, body: undefined, expectedVersion: undefined }
    const encode = Encode.encoder(route)
    const kept = Object.freeze({ at: new Date(0), version: 1 })
    const first = await Effect.runPromise(encode(kept, input))
    const again = await Effect.runPromise(encode(kept, input))
    expect(again.wire).toBe(first.wire)
    expect(encodings).toBe(1)
    // Its JSON text is made with it (ADR 0039), and is the text of the same wire form.
    expect(first.json).toBe(JSON.stringify(first.wire))
    expect(again.json).toBe(first.json)
    // Another frozen value, even an equal one, and an unfrozen one are encoded anew.
    const other = await Effect.runPromise(encode(Object.freeze({ at: new Date(1), version: 2 }), input))
    expect(other.wire).toEqual({ at: "1970-01-01T00:00:00.001Z", version: 2 })
    await Effect.runPromise(encode({ at: new Date(0), version: 1 }, input))
    // An answer encoded each time is written by `c.json`: no text of its own.
    expect((await Effect.runPromise(encode({ at: new Date(0), version: 1 }, input))).json).toBeUndefined()
    expect(encodings).toBe(4)
  })
})
