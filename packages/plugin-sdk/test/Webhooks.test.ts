// Webhook routes under /v1/plugins/<id>/: answered only with a valid
// signature (HMAC-SHA256 over the timestamp and the raw body, constant-time
// compared, timestamp within tolerance), records stored in the inbox before
// the answer, every refusal a problem+json with a catalogue rule.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted, TestClock } from "effect"
import { TestHost } from "../src/testing"
import { start } from "./support/Databases"
import { importer, record, upstream } from "./support/Plugins"

const config = { baseUrl: "http://127.0.0.1:4000" }

const setup = (options: TestHost.Options = {}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(start)
    return yield* TestHost.make(importer(upstream(0)), { config, ...options })
  })

describe("webhooks", () => {
  it.scoped("a signed call reaches the route; its records go to the inbox", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      const answer = yield* test.webhook("POST", "/records", [record(1), record(2)])
      expect(answer.status).toBe(202)
      expect(answer.body).toEqual({ accepted: 2 })
      expect(answer.headers.get("content-type")).toBe("application/json")
      expect((yield* test.inbox).map((row) => [row.source, row.recordId])).toEqual([
        ["incidents-api", record(1).id],
        ["incidents-api", record(2).id],
      ])
      const status = yield* test.webhook("GET", "/status/PK%2F7", undefined)
      expect(status).toMatchObject({ status: 200, body: { reference: "PK/7" } })
    }).pipe(Effect.provide(TestHost.database)),
  )

  const refusals = [
    ["the wrong secret", { secret: "another-secret-0123456789" }, "plugin.webhook.signature-invalid"],
    ["a tampered body", { signedBody: "[]" }, "plugin.webhook.signature-invalid"],
    ["a stale timestamp", { timestampMillis: start - 301_000 }, "plugin.webhook.signature-stale"],
    ["a timestamp from the future", { timestampMillis: start + 301_000 }, "plugin.webhook.signature-stale"],
    ["no signature", { unsigned: true }, "plugin.webhook.signature-missing"],
    ["a malformed signature", { headers: { "x-bashke-signature": "sha256=zz" } }, "plugin.webhook.signature-malformed"],
    ["a malformed timestamp", { headers: { "x-bashke-timestamp": "yesterday" } }, "plugin.webhook.signature-malformed"],
  ] as const
  for (const [what, options, rule] of refusals) {
    it.scoped(`${what} is refused with 401 and nothing is stored`, () =>
      Effect.gen(function* () {
        const test = yield* setup()
        const answer = yield* test.webhook("POST", "/records", [record(1)], options)
        expect(answer.status).toBe(401)
        expect(answer.headers.get("content-type")).toBe("application/problem+json")
        expect(answer.body).toMatchObject({ status: 401, rule })
        expect(yield* test.inbox).toEqual([])
      }).pipe(Effect.provide(TestHost.database)),
    )
  }

  it.scoped("a timestamp just within the tolerance is accepted", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      const answer = yield* test.webhook("POST", "/records", [record(1)], { timestampMillis: start - 299_000 })
      expect(answer.status).toBe(202)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("during a rotation every configured secret is accepted", () =>
    Effect.gen(function* () {
      const test = yield* setup({
        settings: {
          webhook: { secrets: [Redacted.make("new-secret-0123456789"), Redacted.make(TestHost.webhookSecret)] },
        },
      })
      expect((yield* test.webhook("POST", "/records", [])).status).toBe(202)
      expect((yield* test.webhook("POST", "/records", [], { secret: "new-secret-0123456789" })).status).toBe(202)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("unknown plugins and routes answer 404, a known path with another method 405", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      expect((yield* test.webhook("POST", "/nothing", [])).status).toBe(404)
      const wrongMethod = yield* test.webhook("PUT", "/records", [])
      expect(wrongMethod.status).toBe(405)
      expect(wrongMethod.headers.get("allow")).toBe("POST")
      const elsewhere = yield* test.host.dispatch(new Request("http://127.0.0.1/v1/plugins/unknown/records"))
      expect(elsewhere.status).toBe(404)
      const outside = yield* test.host.dispatch(new Request("http://127.0.0.1/v1/cases"))
      expect(outside.status).toBe(404)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a permanent failure of the handler is 422, with its code", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      const answer = yield* test.webhook("POST", "/records", { not: "a list" })
      expect(answer).toMatchObject({ status: 422, body: { rule: "plugin.webhook.rejected", code: "body.not-a-list" } })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a body over the limit is refused with 413 before it is read", () =>
    Effect.gen(function* () {
      const test = yield* setup()
      const answer = yield* test.webhook("POST", "/records", [], { headers: { "content-length": String(2 ** 21) } })
      expect(answer.status).toBe(413)
    }).pipe(Effect.provide(TestHost.database)),
  )
})
