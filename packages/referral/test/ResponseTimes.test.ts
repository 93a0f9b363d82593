import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import type * as Referral from "../src/Referral"
import * as ReferralLifecycle from "../src/ReferralLifecycle"
import * as ResponseTimes from "../src/ResponseTimes"
import { actor, ids, institutions, sent, services } from "./Fixtures"

const hour = 3_600_000
const t0 = new Date("2026-03-02T09:00:00Z")
const at = (hours: number) => new Date(t0.getTime() + hours * hour)

// A referral acknowledged `ack` hours after sending and decided `decide` hours after.
const answered = (
  n: number,
  ack: number | undefined,
  decide: number | undefined,
  overrides: Partial<Referral.Referral> = {},
): Referral.Referral => {
  let referral = sent(t0, { id: ids.referral(n), ...overrides })
  if (ack !== undefined)
    referral = Either.getOrThrow(ReferralLifecycle.transition(referral, { _tag: "Acknowledge" }, actor(), at(ack)))
  if (decide !== undefined)
    referral = Either.getOrThrow(ReferralLifecycle.transition(referral, { _tag: "Accept" }, actor(), at(decide)))
  return referral
}

describe("ResponseTimes.figures", () => {
  it("worked examples: median of odd and even counts, p90 by nearest rank", () => {
    expect(ResponseTimes.figures([])).toEqual({ count: 0, median: undefined, p90: undefined })
    expect(ResponseTimes.figures([5])).toEqual({ count: 1, median: 5, p90: 5 })
    // 1 2 3 4: median (2 + 3) / 2; p90 rank ceil(3.6) = 4 → 4.
    expect(ResponseTimes.figures([4, 1, 3, 2])).toEqual({ count: 4, median: 2.5, p90: 4 })
    // 1 … 10: median 5.5; p90 rank 9 → 9.
    expect(ResponseTimes.figures([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ count: 10, median: 5.5, p90: 9 })
    // 1 … 11: median 6; p90 rank ceil(9.9) = 10 → 10.
    expect(ResponseTimes.figures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90).toBe(10)
  })

  it("property: min ≤ median ≤ p90 ≤ max, and p90 is one of the values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const { count, median, p90 } = ResponseTimes.figures(values)
          expect(count).toBe(values.length)
          expect(median).toBeGreaterThanOrEqual(Math.min(...values))
          expect(p90).toBeGreaterThanOrEqual(median ?? 0)
          expect(p90).toBeLessThanOrEqual(Math.max(...values))
          expect(values).toContain(p90)
        },
      ),
    )
  })
})

describe("ResponseTimes per institution and service", () => {
  it("worked example: a shelter acknowledging in 1, 2 and 6 h and deciding in 3 and 10 h", () => {
    const referrals = [
      answered(1, 1, 3),
      answered(2, 2, 10),
      answered(3, 6, undefined),
      // Accepted without acknowledging first: the decision counts as both.
      answered(4, undefined, 4, { to: institutions.legalAid, service: services.legalAid }),
      // Never answered: counted in neither figure.
      answered(5, undefined, undefined, { to: institutions.legalAid, service: services.legalAid }),
    ]
    const byInstitution = ResponseTimes.perInstitution(referrals)
    const shelter = byInstitution.find((r) => r.key === institutions.shelter)
    expect(shelter).toEqual({
      key: institutions.shelter,
      acknowledge: { count: 3, median: 2, p90: 6 },
      decide: { count: 2, median: 6.5, p90: 10 },
    })
    const legalAid = ResponseTimes.perService(referrals).find((r) => r.key === services.legalAid)
    expect(legalAid).toEqual({
      key: services.legalAid,
      acknowledge: { count: 1, median: 4, p90: 4 },
      decide: { count: 1, median: 4, p90: 4 },
    })
    expect(byInstitution.map((r) => r.key)).toEqual([...byInstitution.map((r) => r.key)].sort())
  })
})
