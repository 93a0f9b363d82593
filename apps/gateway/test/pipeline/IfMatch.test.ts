// The If-Match step on its own: a versioned change names its version, or is refused with 428.
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import * as IfMatch from "../../src/pipeline/IfMatch"

const rule = (either: Either.Either<number | undefined, { readonly error: unknown }>) =>
  Either.match(either, {
    onLeft: (refused) => refused.error as { rule: string; status: number; field: string },
    onRight: (version) => version,
  })

describe("the If-Match step", () => {
  it("hands a versioned change the version it was decided on", () => {
    expect(rule(IfMatch.expectedVersion(true, '"3"'))).toBe(3)
    expect(rule(IfMatch.expectedVersion(true, '"12"'))).toBe(12)
  })

  it("refuses a versioned change without a version, or with one that is none, with 428", () => {
    expect(rule(IfMatch.expectedVersion(true, undefined))).toMatchObject({
      status: 428,
      rule: "gateway.if-match.required",
      field: "If-Match",
    })
    for (const header of ["*", '"three"', '"-1"', ""]) {
      expect(rule(IfMatch.expectedVersion(true, header))).toMatchObject({
        status: 428,
        rule: "gateway.if-match.malformed",
      })
    }
  })

  it("asks nothing of a route that is not versioned", () => {
    expect(rule(IfMatch.expectedVersion(false, undefined))).toBeUndefined()
    expect(rule(IfMatch.expectedVersion(false, "*"))).toBeUndefined()
  })
})
