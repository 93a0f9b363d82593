import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import * as CaseReference from "../../src/CaseReference"

describe("CaseReference", () => {
  it("formats and parses the issue's example", () => {
    expect(CaseReference.format({ municipality: "GJI" as never, year: 2026, sequence: 42 })).toEqual(
      Either.right("GJI-2026-0042"),
    )
    expect(CaseReference.parse("GJI-2026-0042")).toEqual(
      Either.right({ municipality: "GJI", year: 2026, sequence: 42 }),
    )
    expect(Schema.is(CaseReference.CaseReference)("PRZ-2027-9999")).toBe(true)
  })

  it("refuses malformed references, naming the rule", () => {
    const malformed = new Errors.InvalidInput({ field: "reference", rule: "case.reference.malformed" })
    for (const text of [
      "gji-2026-0042",
      "XXX-2026-0042",
      "GJI-26-0042",
      "GJI-2026-42",
      "GJI-2026-0000",
      "GJI-2026-00042",
      " GJI-2026-0042",
    ])
      expect(CaseReference.parse(text)).toEqual(Either.left(malformed))
    expect(CaseReference.format({ municipality: "GJI" as never, year: 2026, sequence: 10_000 })).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "reference.sequence", rule: "case.reference.sequence-out-of-range" }),
      ),
    )
    expect(CaseReference.format({ municipality: "GJI" as never, year: 2026, sequence: 0 })._tag).toBe("Left")
    const decoded = Schema.decodeUnknownEither(CaseReference.CaseReference)("GJI-2026-0")
    expect(Either.isLeft(decoded) && decoded.left.message).toContain("case.reference.malformed")
  })

  it("property: format and parse round-trip", () => {
    fc.assert(
      fc.property(Arbitrary.make(CaseReference.Parts), (parts) => {
        const text = Either.getOrThrow(CaseReference.format(parts))
        expect(text).toMatch(/^[A-Z]{3}-\d{4}-\d{4}$/)
        expect(CaseReference.parse(text)).toEqual(Either.right(parts))
      }),
    )
  })

  it("property: every generated reference parses and formats back to itself", () => {
    fc.assert(
      fc.property(Arbitrary.make(CaseReference.CaseReference), (reference) => {
        const parts = Either.getOrThrow(CaseReference.parse(reference))
        expect(CaseReference.format(parts)).toEqual(Either.right(reference))
      }),
    )
  })

  it("property: references of one municipality and year sort by sequence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        const ref = (sequence: number) =>
          Either.getOrThrow(CaseReference.format({ municipality: "GJI" as never, year: 2026, sequence }))
        expect(Math.sign(CaseReference.compare(ref(a), ref(b)))).toBe(Math.sign(a - b))
      }),
    )
  })
})
