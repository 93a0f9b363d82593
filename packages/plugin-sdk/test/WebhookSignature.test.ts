// Signing and verifying webhook calls, without a host.
import { createHmac } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, FastCheck as fc, Redacted } from "effect"
import { WebhookSignature } from "../src/index"

const secret = "s3cret-for-the-court-0123"
const now = Date.parse("2026-03-02T09:00:00.000Z")

const verify = (headers: Record<string, string>, body: string, nowMillis = now, secrets = [secret]) =>
  WebhookSignature.verify({
    secrets: secrets.map((s) => Redacted.make(s)) as [Redacted.Redacted<string>],
    headers,
    body: new TextEncoder().encode(body),
    nowMillis,
  })

describe("WebhookSignature", () => {
  it.effect("signs HMAC-SHA256 over `<timestamp>.<body>`, as documented", () =>
    Effect.gen(function* () {
      // Node's own HMAC as the independent reference an upstream would use.
      const expected = createHmac("sha256", "key").update("1767225600.{}").digest("hex")
      expect(yield* WebhookSignature.sign("key", 1767225600, "{}")).toBe(`sha256=${expected}`)
      const headers = yield* WebhookSignature.headers(secret, "{}", now)
      expect(headers["x-bashke-timestamp"]).toBe(String(now / 1000))
      expect(headers["x-bashke-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/)
    }),
  )

  it.effect("accepts what it signed and refuses any change of body, secret or time", () =>
    Effect.gen(function* () {
      const body = '{"orderReference":"C-1/2026","status":"issued"}'
      const headers = yield* WebhookSignature.headers(secret, body, now)
      expect(yield* verify(headers, body)).toBe("valid")
      expect(yield* verify(headers, body.replace("issued", "expired"))).toBe("mismatch")
      expect(yield* verify(headers, body, now, ["another-secret-0123456789"])).toBe("mismatch")
      expect(yield* verify(headers, body, now, ["another-secret-0123456789", secret])).toBe("valid")
      expect(yield* verify(headers, body, now + 300_000)).toBe("valid")
      expect(yield* verify(headers, body, now + 301_000)).toBe("stale")
      expect(yield* verify({}, body)).toBe("missing")
      expect(yield* verify({ ...headers, "x-bashke-signature": "md5=abc" }, body)).toBe("malformed")
    }),
  )

  it("compares in constant time: equal exactly when the bytes are equal", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        const same = a.length === b.length && a.every((byte, i) => byte === b[i])
        return WebhookSignature.constantTimeEqual(a, b) === same && WebhookSignature.constantTimeEqual(a, a)
      }),
    )
  })
})
