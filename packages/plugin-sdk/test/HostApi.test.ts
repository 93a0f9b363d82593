// The host API range matcher: examples of each operator, and agreement with
// node-semver over random versions and ranges of the supported grammar.
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import semver from "semver"
import { HostApi } from "../src/index"

describe("HostApi.satisfies", () => {
  const cases: ReadonlyArray<readonly [string, string, boolean]> = [
    ["0.1.0", "^0.1.0", true],
    ["0.1.9", "^0.1.0", true],
    ["0.2.0", "^0.1.0", false],
    ["1.4.0", "^1.2.3", true],
    ["2.0.0", "^1.2.3", false],
    ["0.0.3", "^0.0.3", true],
    ["0.0.4", "^0.0.3", false],
    ["1.2.9", "~1.2.3", true],
    ["1.3.0", "~1.2.3", false],
    ["0.1.0", ">=0.1.0", true],
    ["0.0.9", ">=0.1.0", false],
    ["0.2.5", ">=0.1.0 <0.3.0", true],
    ["0.3.0", ">=0.1.0 <0.3.0", false],
    ["0.1.0", "0.1.0", true],
    ["0.1.1", "0.1.0", false],
    ["0.1.7", "0.1", true],
    ["0.1.7", "0.1.x", true],
    ["3.0.0", "*", true],
    ["3.0.0", "^1.0.0 || ^3.0.0", true],
    ["2.0.0", "^1.0.0 || ^3.0.0", false],
    ["1.0.0", ">= 1.0.0", true],
    ["1.0.0", "v1.0.0", true],
  ]
  for (const [version, range, expected] of cases) {
    it(`${version} ${expected ? "satisfies" : "does not satisfy"} ${range}`, () => {
      expect(HostApi.satisfies(version, range)).toBe(expected)
    })
  }

  it("refuses what it cannot read, naming the comparator", () => {
    expect(HostApi.parseRange("^banana")).toEqual(Either.left('"^banana" is not a version comparator'))
    expect(Either.isLeft(HostApi.parseRange("^1.0.0-beta.1"))).toBe(true)
    expect(HostApi.satisfies("0.1.0", "^banana")).toBe(false)
    expect(HostApi.satisfies("not-a-version", "*")).toBe(false)
  })

  it("accepts the host's own version with the range a new plugin states", () => {
    expect(HostApi.satisfies(HostApi.hostApiVersion, `^${HostApi.hostApiVersion}`)).toBe(true)
  })

  it("agrees with node-semver on the supported grammar", () => {
    const part = fc.integer({ min: 0, max: 3 })
    const version = fc.tuple(part, part, part).map(([a, b, c]) => `${a}.${b}.${c}`)
    const partial = fc.oneof(
      version,
      fc.tuple(part, part).map(([a, b]) => `${a}.${b}`),
      part.map(String),
      fc.tuple(part, fc.constantFrom("x", "*")).map(([a, x]) => `${a}.${x}`),
      fc.constant("*"),
    )
    const comparator = fc
      .tuple(fc.constantFrom("", "^", "~", ">=", ">", "<=", "<", "="), partial)
      .map(([operator, v]) => `${operator}${v}`)
    const conjunction = fc.array(comparator, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(" "))
    const range = fc.array(conjunction, { minLength: 1, maxLength: 2 }).map((parts) => parts.join(" || "))
    fc.assert(
      fc.property(version, range, (v, r) => HostApi.satisfies(v, r) === semver.satisfies(v, r)),
      { numRuns: 3000 },
    )
  })
})
