// The idempotency step on its own, over both real databases: which routes
// need a key, and a retry with the same key answered from the stored answer
// (the work not run again), a key reused for another request refused.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Ref, Schema } from "effect"
import * as Idempotency from "../../src/pipeline/Idempotency"
import * as RequestFingerprint from "../../src/RequestFingerprint"
import type * as Route from "../../src/Route"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const post: Route.Description = {
  method: "post",
  path: "/v1/things",
  operationId: "addThing",
  tag: "things",
  summary: "A thing",
  success: { status: 201, schema: Schema.Number },
}

describe("the idempotency step: which requests need a key", () => {
  it("asks a key of a POST that changes something, and of nothing else", () => {
    expect(Idempotency.needsKey(post)).toBe(true)
    expect(Idempotency.needsKey({ ...post, safe: true })).toBe(false)
    expect(Idempotency.needsKey({ ...post, credential: true })).toBe(false)
    expect(Idempotency.needsKey({ ...post, method: "put" })).toBe(false)
    expect(Idempotency.needsKey({ ...post, method: "get" })).toBe(false)
  })

  it("takes printable ASCII of 1 to 255 characters, and refuses anything else with 400", () => {
    expect(Idempotency.key(post, "k-1")).toEqual(Either.right("k-1"))
    expect(Idempotency.key({ ...post, safe: true }, undefined)).toEqual(Either.right(undefined))
    for (const header of [undefined, "", "a b", "é", "x".repeat(256)]) {
      const refused = Either.getLeft(Idempotency.key(post, header))
      expect(refused._tag, String(header)).toBe("Some")
      if (refused._tag === "Some")
        expect(refused.value.error).toMatchObject({
          status: 400,
          rule: "gateway.idempotency-key.required",
          field: "Idempotency-Key",
        })
    }
  })
})

for (const db of databases) {
  describe(`${db.name}: the idempotency step: a retry`, () => {
    let gateway: Gateway
    let fingerprint: RequestFingerprint.Fingerprint
    beforeAll(async () => {
      gateway = await makeGateway(db)
      fingerprint = await RequestFingerprint.make(new Uint8Array(32).fill(7))
    })
    afterAll(async () => {
      await gateway?.close()
    })

    it("answers a retry with the stored answer without running the work again, and refuses the key for another request", async () => {
      const runs = await Effect.runPromise(Ref.make(0))
      const work = Ref.updateAndGet(runs, (n) => n + 1)
      const claim = (request: string) => ({ scope: Idempotency.scopeOf("p1", "addThing"), key: "k-1", request })
      const first = await gateway.runtime.runPromise(
        Idempotency.once(fingerprint, claim("POST /v1/things\n{}"), work, Schema.Number),
      )
      const again = await gateway.runtime.runPromise(
        Idempotency.once(fingerprint, claim("POST /v1/things\n{}"), work, Schema.Number),
      )
      expect(first).toEqual({ value: 1, replayed: false })
      expect(again).toEqual({ value: 1, replayed: true })
      expect(await Effect.runPromise(Ref.get(runs))).toBe(1)
      const other = await gateway.runtime.runPromise(
        Effect.flip(Idempotency.once(fingerprint, claim('POST /v1/things\n{"a":1}'), work, Schema.Number)),
      )
      expect(other).toMatchObject({ _tag: "Conflict", rule: "idempotency-key.reused" })
      // Without a key the work simply runs.
      const unkeyed = await gateway.runtime.runPromise(
        Idempotency.once(fingerprint, { ...claim("x"), key: undefined }, work, Schema.Number),
      )
      expect(unkeyed).toEqual({ value: 2, replayed: false })
    })

    it("fingerprints an upload's key by the headers that describe its file, never its content", async () => {
      const headers: Record<string, string> = { "content-type": "application/pdf", "content-length": "10" }
      const claim = { scope: "p1:upload", key: "k-2", request: "post /v1/cases/1/documents" }
      const one = await Idempotency.uploadKey(fingerprint, claim, (name) => headers[name])
      const same = await Idempotency.uploadKey(fingerprint, claim, (name) => headers[name])
      const longer = await Idempotency.uploadKey(fingerprint, claim, (name) =>
        name === "content-length" ? "11" : headers[name],
      )
      expect(one).toEqual(same)
      expect(one.fingerprint).not.toBe(longer.fingerprint)
      expect({ scope: one.scope, key: one.key }).toEqual({ scope: "p1:upload", key: "k-2" })
    })
  })
}
