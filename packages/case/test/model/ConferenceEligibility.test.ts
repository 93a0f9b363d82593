import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as ConferenceEligibility from "../../src/ConferenceEligibility"
import { dashAssessment, incident, profile } from "./Fixtures"

const at = new Date("2026-06-15T10:00:00Z")
const nothing = { assessments: [], incidents: [], orders: [] }
const reasons = (record: ConferenceEligibility.Record, when = at) =>
  ConferenceEligibility.reasons(record, when, profile)
const breach = (iso: string) => ({ breaches: [{ at: new Date(iso) }] })

describe("conference eligibility (RULES.md examples)", () => {
  it("a case with nothing on record is not eligible", () => {
    expect(reasons(nothing)).toEqual([])
    expect(ConferenceEligibility.eligible(nothing, at, profile)).toBe(false)
  })

  it("visible high risk: 14 yes answers on the checklist", () => {
    expect(reasons({ ...nothing, assessments: [dashAssessment(14, new Date("2026-06-01T10:00:00Z"))] })).toEqual([
      "high-risk",
    ])
    expect(reasons({ ...nothing, assessments: [dashAssessment(13, new Date("2026-06-01T10:00:00Z"))] })).toEqual([])
  })

  it("professional judgement: 9 yes answers raised to high by the practitioner", () => {
    const raised = dashAssessment(9, new Date("2026-06-01T10:00:00Z"), { level: "high", reason: "child-at-risk" })
    expect(reasons({ ...nothing, assessments: [raised] })).toEqual(["professional-judgement"])
    const toMedium = dashAssessment(9, new Date("2026-06-01T10:00:00Z"), { level: "medium", reason: "child-at-risk" })
    expect(reasons({ ...nothing, assessments: [toMedium] })).toEqual([])
  })

  it("only the latest assessment counts", () => {
    const old = dashAssessment(20, new Date("2026-01-01T10:00:00Z"), undefined, 1)
    const recent = dashAssessment(4, new Date("2026-05-01T10:00:00Z"), undefined, 2)
    expect(reasons({ ...nothing, assessments: [old, recent] })).toEqual([])
  })

  it("escalation: 3 incidents within 12 months, not 2, not 3 spread over more than 12 months", () => {
    const three = [incident(1, "2025-07-01"), incident(2, "2026-01-10"), incident(3, "2026-06-14")]
    expect(reasons({ ...nothing, incidents: three })).toEqual(["escalation"])
    expect(reasons({ ...nothing, incidents: three.slice(1) })).toEqual([])
    const spread = [incident(1, "2025-06-15"), incident(2, "2026-01-10"), incident(3, "2026-06-14")]
    expect(reasons({ ...nothing, incidents: spread })).toEqual([])
    // One day later the window still holds the first incident of `three` …
    expect(reasons({ ...nothing, incidents: three }, new Date("2026-06-30T10:00:00Z"))).toEqual(["escalation"])
    // … and on 1 July 2026 it has left it.
    expect(reasons({ ...nothing, incidents: three }, new Date("2026-07-01T10:00:00Z"))).toEqual([])
  })

  it("repeat: a new incident within 12 months of the last review", () => {
    const reviewed = new Date("2026-01-20T10:00:00Z")
    expect(reasons({ ...nothing, incidents: [incident(1, "2026-05-01")], lastReviewedAt: reviewed })).toEqual([
      "repeat",
    ])
    expect(reasons({ ...nothing, incidents: [incident(1, "2026-01-10")], lastReviewedAt: reviewed })).toEqual([])
    const longAgo = new Date("2025-01-20T10:00:00Z")
    expect(reasons({ ...nothing, incidents: [incident(1, "2026-05-01")], lastReviewedAt: longAgo })).toEqual([])
  })

  it("a breach of a protection order since the last review makes the case eligible", () => {
    expect(reasons({ ...nothing, orders: [breach("2026-06-01T21:00:00Z")] })).toEqual(["order-breach"])
    expect(
      reasons({
        ...nothing,
        orders: [breach("2026-06-01T21:00:00Z")],
        lastReviewedAt: new Date("2026-06-10T10:00:00Z"),
      }),
    ).toEqual([])
  })

  it("lists every ground met, in order", () => {
    const record = {
      assessments: [dashAssessment(16, new Date("2026-06-01T10:00:00Z"))],
      incidents: [incident(1, "2026-02-01"), incident(2, "2026-04-01"), incident(3, "2026-06-01")],
      orders: [breach("2026-06-02T10:00:00Z")],
      lastReviewedAt: new Date("2026-03-01T10:00:00Z"),
    }
    expect(reasons(record)).toEqual(["high-risk", "escalation", "repeat", "order-breach"])
  })
})

describe("properties", () => {
  const day = fc
    .integer({ min: 0, max: 900 })
    .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
  const incidents = fc.array(day, { maxLength: 8 }).map((days) => days.map((d, i) => incident(i, d)))

  it("adding an incident never takes escalation or repeat away", () => {
    fc.assert(
      fc.property(
        incidents,
        day,
        fc.option(fc.constant(new Date("2025-03-01T10:00:00Z")), { nil: undefined }),
        (list, extra, lastReviewedAt) => {
          const when = new Date("2026-07-01T10:00:00Z")
          const before = reasons({ ...nothing, incidents: list, lastReviewedAt }, when)
          const after = reasons({ ...nothing, incidents: [...list, incident(99, extra)], lastReviewedAt }, when)
          for (const reason of before) expect(after).toContain(reason)
        },
      ),
    )
  })

  it("escalation holds exactly when enough incidents fall in the window", () => {
    fc.assert(
      fc.property(incidents, (list) => {
        const when = new Date("2026-07-01T10:00:00Z")
        const inWindow = list.filter((i) => i.occurredOn > "2025-07-01" && i.occurredOn <= "2026-07-01").length
        expect(reasons({ ...nothing, incidents: list }, when).includes("escalation")).toBe(
          inWindow >= profile.risk.conference.escalationIncidents.value,
        )
      }),
    )
  })

  it("the reasons are distinct and in the declared order", () => {
    fc.assert(
      fc.property(incidents, fc.nat(24), fc.boolean(), (list, yes, breached) => {
        const result = reasons(
          {
            assessments: [dashAssessment(yes, new Date("2026-05-01T10:00:00Z"))],
            incidents: list,
            orders: breached ? [breach("2026-05-02T10:00:00Z")] : [],
          },
          new Date("2026-07-01T10:00:00Z"),
        )
        const order = ConferenceEligibility.Reason.literals
        expect([...result].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(result)
        expect(new Set(result).size).toBe(result.length)
      }),
    )
  })
})
