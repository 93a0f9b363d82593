import { describe, expect, it } from "@effect/vitest"
import { Catalogue, Errors, kernelMessages } from "../src/index"

const examples: ReadonlyArray<readonly [Errors.DomainError, string, number]> = [
  [new Errors.NotFound({ entity: "Case", id: "x" }), "not-found", 404],
  [new Errors.Forbidden({ action: "case.read", rule: "case-team" }), "forbidden", 403],
  [new Errors.Unauthenticated({ rule: "token.expired" }), "unauthenticated", 401],
  [new Errors.Throttled({ rule: "identity.sign-in.throttled", retryAfter: 4 }), "rate-limited", 429],
  [new Errors.Conflict({ entity: "Case", id: "x", rule: "duplicate" }), "conflict", 409],
  [
    new Errors.Conflict({ entity: "Case", id: "x", rule: "version", expectedVersion: 1, actualVersion: 2 }),
    "stale-version",
    412,
  ],
  [new Errors.InvalidInput({ field: "limit", rule: "pagination.limit.out-of-range" }), "invalid-input", 422],
  [
    new Errors.InvalidTransition({ entity: "Referral", from: "completed", command: "accept" }),
    "invalid-transition",
    409,
  ],
]

describe("errors", () => {
  it.each(examples)("%s maps to a problem with a catalogue title", (error, type, status) => {
    expect(Errors.problemOf(error)).toEqual({ type, status })
    const key = Errors.titleKey(error)
    expect(key).toBe(`error.${type}.title`)
    expect(Catalogue.has(kernelMessages, key)).toBe(true)
    expect(Catalogue.format(kernelMessages, "sq", key).length).toBeGreaterThan(0)
  })

  it("refuses a wait that is not a whole number of seconds, at least one", () => {
    for (const retryAfter of [0, -1, 1.5, Number.NaN])
      expect(() => new Errors.Throttled({ rule: "identity.sign-in.throttled", retryAfter })).toThrow()
  })

  it("lists every problem type once", () => {
    expect([...new Set(examples.map(([, type]) => type))].sort()).toEqual([...Errors.problemTypes].sort())
  })
})
