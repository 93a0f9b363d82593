import { CivilDate, type JurisdictionProfile } from "@bashke/kernel"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as ReferralDeadlines from "../src/ReferralDeadlines"
import * as ReferralLifecycle from "../src/ReferralLifecycle"
import { actor, ids, profile, sent } from "./Fixtures"

const hour = 3_600_000
const zone = "Europe/Belgrade"

// The Kosovo profile with the decision deadline in another unit, to test
// calendar arithmetic the default hours do not reach.
const withDecideWithin = (
  value: number,
  unit: "days" | "working-days" | "weeks" | "months",
): JurisdictionProfile.JurisdictionProfile => ({
  ...profile,
  referrals: { ...profile.referrals, decideWithin: { value, unit, confirmed: false, source: "test" } },
})

describe("ReferralDeadlines.deadlines", () => {
  it("reads the profile: Kosovo runs in Europe/Belgrade with 4 h / 24 h / 72 h", () => {
    expect(profile.timezone).toBe(zone)
    const t = new Date("2026-03-02T09:00:00Z")
    expect(ReferralDeadlines.deadlines(t, "high", profile)).toEqual({
      acknowledgeBy: new Date("2026-03-02T13:00:00Z"),
      decideBy: new Date("2026-03-05T09:00:00Z"),
    })
    expect(ReferralDeadlines.deadlines(t, "standard", profile).acknowledgeBy).toEqual(new Date("2026-03-03T09:00:00Z"))
  })

  it("counts hours as elapsed time across the spring change (29 March 2026, 02:00 → 03:00)", () => {
    // Sent 00:30 local (CET); four real hours later the wall clock shows 05:30 CEST.
    const t = new Date("2026-03-28T23:30:00Z")
    const { acknowledgeBy, decideBy } = ReferralDeadlines.deadlines(t, "high", profile)
    expect(acknowledgeBy).toEqual(new Date("2026-03-29T03:30:00Z"))
    expect(acknowledgeBy.toLocaleTimeString("en-GB", { timeZone: zone })).toBe("05:30:00")
    expect(decideBy).toEqual(new Date("2026-03-31T23:30:00Z"))
  })

  it("counts hours as elapsed time across the autumn change (25 October 2026, 03:00 → 02:00)", () => {
    // Sent 01:30 local (CEST); four real hours later the wall clock shows 04:30 CET.
    const t = new Date("2026-10-24T23:30:00Z")
    const { acknowledgeBy } = ReferralDeadlines.deadlines(t, "high", profile)
    expect(acknowledgeBy).toEqual(new Date("2026-10-25T03:30:00Z"))
    expect(acknowledgeBy.toLocaleTimeString("en-GB", { timeZone: zone })).toBe("04:30:00")
    expect(ReferralDeadlines.deadlines(new Date("2026-10-24T10:00:00Z"), "standard", profile).acknowledgeBy).toEqual(
      new Date("2026-10-25T10:00:00Z"),
    )
  })

  it("keeps the local wall-clock time for calendar units across both changes", () => {
    // 10:00 CET on Friday 27 March → 10:00 CEST on Monday 30 March.
    expect(
      ReferralDeadlines.deadlines(new Date("2026-03-27T09:00:00Z"), "standard", withDecideWithin(3, "days")).decideBy,
    ).toEqual(new Date("2026-03-30T08:00:00Z"))
    expect(
      ReferralDeadlines.deadlines(new Date("2026-03-27T09:00:00Z"), "standard", withDecideWithin(1, "working-days"))
        .decideBy,
    ).toEqual(new Date("2026-03-30T08:00:00Z"))
    // 10:00 CEST on Friday 23 October → 10:00 CET on Monday 26 October.
    expect(
      ReferralDeadlines.deadlines(new Date("2026-10-23T08:00:00Z"), "standard", withDecideWithin(3, "days")).decideBy,
    ).toEqual(new Date("2026-10-26T09:00:00Z"))
    // 02:30 on 28 March + 1 day falls in the spring gap: the time just after it, 03:30 CEST.
    expect(
      ReferralDeadlines.deadlines(new Date("2026-03-28T01:30:00Z"), "standard", withDecideWithin(1, "days")).decideBy,
    ).toEqual(new Date("2026-03-29T01:30:00Z"))
    expect(
      ReferralDeadlines.deadlines(new Date("2026-01-31T09:00:00Z"), "standard", withDecideWithin(1, "months")).decideBy,
    ).toEqual(new Date("2026-02-28T09:00:00Z"))
  })

  const instant = fc
    .integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2035-12-31T00:00:00Z") })
    .map((t) => new Date(t))

  it("property: hour deadlines are exact elapsed hours, the high-risk one never later than the standard", () => {
    fc.assert(
      fc.property(instant, (t) => {
        const high = ReferralDeadlines.deadlines(t, "high", profile)
        const standard = ReferralDeadlines.deadlines(t, "standard", profile)
        expect(high.acknowledgeBy.getTime() - t.getTime()).toBe(
          profile.referrals.acknowledgeWithin.highRisk.value * hour,
        )
        expect(standard.decideBy.getTime() - t.getTime()).toBe(profile.referrals.decideWithin.value * hour)
        expect(high.acknowledgeBy.getTime()).toBeLessThanOrEqual(standard.acknowledgeBy.getTime())
      }),
    )
  })

  it("property: day deadlines land on the local date n days on", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (t, n) => {
        const { decideBy } = ReferralDeadlines.deadlines(t, "standard", withDecideWithin(n, "days"))
        expect(CivilDate.ofInstant(decideBy, zone)).toBe(CivilDate.addDays(CivilDate.ofInstant(t, zone), n))
      }),
    )
  })
})

describe("ReferralDeadlines.overdue", () => {
  const t0 = new Date("2026-03-02T09:00:00Z")
  const at = (hours: number) => new Date(t0.getTime() + hours * hour)
  const high = sent(t0, { urgency: "high" })
  const acknowledged = Either.getOrThrow(ReferralLifecycle.transition(high, { _tag: "Acknowledge" }, actor(), at(1)))
  const accepted = Either.getOrThrow(ReferralLifecycle.transition(acknowledged, { _tag: "Accept" }, actor(), at(2)))

  it("lists a high-risk referral not acknowledged after 4 h", () => {
    expect(ReferralDeadlines.overdue([high], at(3), profile)).toEqual([])
    expect(ReferralDeadlines.overdue([high], at(5), profile)).toEqual([
      {
        referral: ids.referral(1),
        case: high.case,
        mechanism: ids.mechanism,
        to: high.to,
        service: high.service,
        step: "acknowledge",
        due: at(4),
      },
    ])
    expect(ReferralDeadlines.overdue([sent(t0)], at(5), profile)).toEqual([])
  })

  it("lists an acknowledged referral not decided after 72 h, and never a decided one", () => {
    expect(ReferralDeadlines.overdue([acknowledged], at(71), profile)).toEqual([])
    expect(ReferralDeadlines.overdue([acknowledged, accepted], at(73), profile).map((o) => o.step)).toEqual(["decide"])
  })

  it("property: only sent or acknowledged referrals past a deadline, earliest due first", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sentHours: fc.integer({ min: 0, max: 200 }),
            urgency: fc.constantFrom("high" as const, "standard" as const),
            step: fc.constantFrom("none", "acknowledge", "accept"),
          }),
          { maxLength: 10 },
        ),
        fc.integer({ min: 0, max: 400 }),
        (specs, nowHours) => {
          const referrals = specs.map((spec, i) => {
            const base = sent(at(spec.sentHours), { id: ids.referral(i), urgency: spec.urgency })
            if (spec.step === "none") return base
            const tag = spec.step === "acknowledge" ? "Acknowledge" : "Accept"
            return Either.getOrThrow(ReferralLifecycle.transition(base, { _tag: tag }, actor(), at(spec.sentHours + 1)))
          })
          const now = at(nowHours)
          const late = ReferralDeadlines.overdue(referrals, now, profile)
          for (const item of late) {
            const referral = referrals.find((r) => r.id === item.referral)
            expect(referral?.status === "sent" || referral?.status === "acknowledged").toBe(true)
            expect(item.due.getTime()).toBeLessThan(now.getTime())
          }
          const dues = late.map((item) => item.due.getTime())
          expect([...dues].sort((a, b) => a - b)).toEqual(dues)
        },
      ),
    )
  })
})
