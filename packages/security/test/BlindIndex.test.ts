import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Encoding, Redacted } from "effect"
import * as fc from "fast-check"
import { BlindIndex } from "../src"
import { property } from "./support/Property"

const compute = (kind: BlindIndex.Kind, value: string) =>
  Effect.flatMap(BlindIndex.BlindIndex, (index) => index.compute(kind, value))

// Separators a clerk might type inside a personal number.
const separator = fc.constantFrom(" ", "-", ".", "\t", "\u2011", "\u2013")
const personalNumber = fc.string({ unit: fc.constantFrom(..."0123456789abcdefXYZ"), minLength: 1, maxLength: 14 })
const decorated = (value: string) =>
  fc
    .array(separator, { minLength: value.length + 1, maxLength: value.length + 1 })
    .map((seps) => [...value].map((char, i) => `${seps[i]}${char}`).join("") + seps[value.length])

describe("BlindIndex", () => {
  it.layer(BlindIndex.layerTest)("with the test key", (it) => {
    it.effect("is deterministic and hides the value", () =>
      Effect.gen(function* () {
        const a = yield* compute("personal-number", "1234567890")
        const b = yield* compute("personal-number", "1234567890")
        expect(a).toBe(b)
        expect(a).toMatch(/^[0-9a-f]{64}$/)
        expect(a).not.toContain("1234567890")
      }),
    )

    it.effect("equal for the same personal number however it is written", () =>
      Effect.gen(function* () {
        const plain = yield* compute("personal-number", "AB12345678")
        for (const written of [
          "ab 123 456 78",
          "AB-123-456-78",
          "ab.123.456.78",
          " Ab12345678 ",
          "ＡＢ１２３４５６７８",
        ]) {
          expect(yield* compute("personal-number", written)).toBe(plain)
        }
        expect(yield* compute("personal-number", "AB12345679")).not.toBe(plain)
      }),
    )

    it.effect("different kinds never share an index for the same text", () =>
      Effect.gen(function* () {
        const asNumber = yield* compute("personal-number", "38944123456")
        const asPhone = yield* compute("phone-number", "38944123456")
        expect(asNumber).not.toBe(asPhone)
      }),
    )

    it.effect("phone numbers and e-mail addresses normalize", () =>
      Effect.gen(function* () {
        expect(yield* compute("phone-number", "+383 44 123 456")).toBe(
          yield* compute("phone-number", "+383-44-123-456"),
        )
        expect(yield* compute("phone-number", "+38344123456")).not.toBe(yield* compute("phone-number", "38344123456"))
        expect(yield* compute("email", " Vjosa@Example.org ")).toBe(yield* compute("email", "vjosa@example.org"))
      }),
    )

    it.effect("an empty value is refused, naming the rule and not the value", () =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(compute("personal-number", " - . "))
        expect(error).toMatchObject({ _tag: "InvalidInput", field: "personal-number", rule: "blind-index.empty" })
      }),
    )

    it.effect("computeAll gives each value's own index, in order; an empty one is refused by its position", () =>
      Effect.gen(function* () {
        const index = yield* BlindIndex.BlindIndex
        const values = ["AB12345678", "ab-123 456 78", "38944123456", "1234567890"]
        const all = yield* index.computeAll("personal-number", values)
        expect(all).toEqual(yield* Effect.forEach(values, (value) => compute("personal-number", value)))
        expect(yield* index.computeAll("personal-number", [])).toEqual([])
        const error = yield* Effect.flip(index.computeAll("personal-number", ["1234567890", "1234567891", " - "]))
        expect(error).toMatchObject({ _tag: "InvalidInput", field: "2", rule: "blind-index.empty" })
      }),
    )

    it.effect("separators and case never change the index of a personal number", () =>
      property(
        personalNumber.chain((value) => decorated(value).map((written) => [value, written] as const)),
        ([value, written]) =>
          Effect.gen(function* () {
            expect(yield* compute("personal-number", written)).toBe(
              yield* compute("personal-number", value.toUpperCase()),
            )
          }),
        { numRuns: 100 },
      ),
    )

    it.effect("equal normalized values, and only those, have equal indexes", () =>
      property(
        fc.tuple(personalNumber, personalNumber),
        ([a, b]) =>
          Effect.gen(function* () {
            const same = BlindIndex.normalizePersonalNumber(a) === BlindIndex.normalizePersonalNumber(b)
            const equal = (yield* compute("personal-number", a)) === (yield* compute("personal-number", b))
            expect(equal).toBe(same)
          }),
        { numRuns: 100 },
      ),
    )
  })

  // Stored indexes must not depend on the runtime: Node computes them with
  // `node:crypto`, Workers with WebCrypto, and both must give these bytes.
  it.effect("is WebCrypto's HMAC-SHA256 of the documented message, wherever it is computed", () =>
    Effect.gen(function* () {
      const index = yield* Effect.orDie(BlindIndex.make(BlindIndex.testKey))
      const key = yield* Effect.promise(() =>
        crypto.subtle.importKey("raw", new Uint8Array(32).fill(0x33), { name: "HMAC", hash: "SHA-256" }, false, [
          "sign",
        ]),
      )
      for (const [kind, value, normalized] of [
        ["personal-number", " ab-123.456 78 ", "AB12345678"],
        ["email", " Vjosa@Example.org ", "vjosa@example.org"],
        ["provider-subject", "https://idp.example\u0000Ë-ç 😀", "https://idp.example\u0000Ë-ç 😀"],
      ] as const) {
        const mac = yield* Effect.promise(() =>
          crypto.subtle.sign(
            "HMAC",
            key,
            new TextEncoder().encode(`bashke.blind-index.v1\u0000${kind}\u0000${normalized}`),
          ),
        )
        expect(yield* index.compute(kind, value)).toBe(Buffer.from(mac).toString("hex"))
      }
    }),
  )

  it.effect("another key gives other indexes", () =>
    Effect.gen(function* () {
      const other = yield* Effect.orDie(BlindIndex.make(Redacted.make(new Uint8Array(32).fill(0x44))))
      const test = yield* Effect.orDie(BlindIndex.make(BlindIndex.testKey))
      expect(yield* other.compute("personal-number", "1234567890")).not.toBe(
        yield* test.compute("personal-number", "1234567890"),
      )
    }),
  )

  it.effect("reads BASHKE_BLIND_INDEX_KEY; missing or short keys fail naming the variable", () =>
    Effect.gen(function* () {
      const good = Encoding.encodeBase64(new Uint8Array(32).fill(0x33))
      const key = yield* Effect.withConfigProvider(
        BlindIndex.keyConfig(),
        ConfigProvider.fromJson({ BASHKE_BLIND_INDEX_KEY: good }),
      )
      expect(Redacted.value(key)).toEqual(new Uint8Array(32).fill(0x33))
      const missing = yield* Effect.flip(Effect.withConfigProvider(BlindIndex.keyConfig(), ConfigProvider.fromJson({})))
      expect(String(missing)).toContain("BASHKE_BLIND_INDEX_KEY is not set")
      const short = Encoding.encodeBase64(new Uint8Array(20).fill(0x55))
      const wrong = yield* Effect.flip(
        Effect.withConfigProvider(BlindIndex.keyConfig(), ConfigProvider.fromJson({ BASHKE_BLIND_INDEX_KEY: short })),
      )
      expect(String(wrong)).toContain("BASHKE_BLIND_INDEX_KEY: the key must decode to 32 bytes, it decodes to 20")
      expect(String(wrong)).not.toContain(short)
    }),
  )
})
