// The gateway writes every case it answers with through a compiled encoder
// (`PlainEncoder`): it must cover the whole case (or the answer would fall back
// to Effect's interpreter on every request) and agree with Effect on every case.
import { PlainEncoder } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import * as Case from "../../src/Case"
import * as Person from "../../src/Person"

describe("a case's answer, compiled", () => {
  for (const [name, schema] of Object.entries({ Case: Case.Case, PersonalDetails: Person.PersonalDetails })) {
    const any = schema as unknown as Schema.Schema<unknown, unknown>
    it(`${name}: covered, and encoded as Effect encodes it`, () => {
      const fast = PlainEncoder.encoderOf(any)
      expect(fast).toBeDefined()
      const effect = Schema.encodeUnknownEither(any)
      fc.assert(
        fc.property(Arbitrary.make(any), (value) => {
          expect(fast?.(value)?.value).toEqual(Either.getOrThrow(effect(value)))
        }),
        { numRuns: 100 },
      )
    })
  }
})
