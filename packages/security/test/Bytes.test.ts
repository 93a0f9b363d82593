// The vault's base64url uses Node's native Buffer when there is one and
// Effect's encoder otherwise; both must write and accept exactly the same
// text, or a value sealed on Node would not open in a browser (or the other
// way round), and the native decoder's leniency would let corrupt text through.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Encoding } from "effect"
import * as fc from "fast-check"
import { fromBase64Url, toBase64Url } from "../src/internal/Bytes"
import { property } from "./support/Property"

const effectDecode = (text: string): Uint8Array | undefined => {
  const decoded = Encoding.decodeBase64Url(text)
  return Either.isRight(decoded) ? decoded.right : undefined
}

describe("base64url", () => {
  it("is the native encoder here (the fast path is the one under test)", () => {
    expect(typeof (globalThis as { Buffer?: unknown }).Buffer).toBe("function")
  })

  it.effect("writes what Effect's encoder writes, and reads it back", () =>
    property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
      Effect.sync(() => {
        const text = toBase64Url(bytes)
        expect(text).toBe(Encoding.encodeBase64Url(bytes))
        expect(fromBase64Url(text)).toEqual(new Uint8Array(bytes))
      }),
    ),
  )

  it.effect("accepts and refuses the same text as Effect's decoder", () =>
    property(
      fc.oneof(
        fc.string({ unit: fc.constantFrom(..."AZaz09-_+/=. \n!é"), maxLength: 40 }),
        fc.uint8Array({ maxLength: 40 }).map((bytes) => Encoding.encodeBase64Url(bytes)),
        fc.uint8Array({ maxLength: 40 }).map((bytes) => Encoding.encodeBase64(bytes)),
      ),
      (text) =>
        Effect.sync(() => {
          const expected = effectDecode(text)
          const actual = fromBase64Url(text)
          if (expected === undefined) expect(actual).toBeUndefined()
          else expect(actual).toEqual(new Uint8Array(expected))
        }),
      { numRuns: 2000 },
    ),
  )

  it("refuses the malformed texts Buffer alone would take", () => {
    for (const text of ["ab+c", "a/bc", "A", "AAAAA", "ab cd", "a=bc", "abc!"]) {
      expect(effectDecode(text), text).toBeUndefined()
      expect(fromBase64Url(text), text).toBeUndefined()
    }
  })
})
