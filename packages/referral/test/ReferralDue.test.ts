import { Due, type Id } from "@bashke/kernel"
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as ReferralDeadlines from "../src/ReferralDeadlines"
import * as ReferralDue from "../src/ReferralDue"
import * as ReferralLifecycle from "../src/ReferralLifecycle"
import { actor, ids, institutions, profile, sent } from "./Fixtures"

const hour = 3_600_000

const waiting = (overrides: Partial<ReferralDue.Awaiting> = {}): ReferralDue.Awaiting => ({
  id: ids.referral(1),
  mechanism: ids.mechanism,
  case: ids.case,
  from: institutions.socialWork,
  to: institutions.shelter,
  urgency: "high",
  status: "sent",
  sentAt: new Date("2026-03-02T09:00:00Z"),
  ...overrides,
})

const audienceKeys = (audience: ReadonlyArray<Due.Audience>) => audience.map(Due.audienceKey)

describe("ReferralDue.items", () => {
  it("an urgent referral just sent: acknowledge in 4 h (reminded at 3 h, overdue to both institutions, escalated 2 h late) and decide in 72 h", () => {
    const [acknowledge, decide] = ReferralDue.items(waiting(), profile)
    expect(acknowledge).toMatchObject({
      key: `referral.acknowledge:${ids.referral(1)}`,
      kind: "referral.acknowledge",
      case: ids.case,
      subject: { type: "referral", id: ids.referral(1) },
      dueAt: new Date("2026-03-02T13:00:00Z"),
    })
    expect(audienceKeys(acknowledge!.responsible)).toEqual([`institution:${institutions.shelter}`])
    expect(
      acknowledge!.reminders.map((r) => [
        r.stage,
        r.at.toISOString(),
        r.until?.toISOString(),
        audienceKeys(r.audience),
      ]),
    ).toEqual([
      ["approaching", "2026-03-02T12:00:00.000Z", "2026-03-02T13:00:00.000Z", [`institution:${institutions.shelter}`]],
      [
        "overdue",
        "2026-03-02T13:00:00.000Z",
        undefined,
        [`institution:${institutions.shelter}`, `institution:${institutions.socialWork}`],
      ],
      ["escalated", "2026-03-02T15:00:00.000Z", undefined, ["coordinator"]],
    ])
    expect(decide).toMatchObject({ kind: "referral.decide", dueAt: new Date("2026-03-05T09:00:00Z") })
  })

  it("a standard referral: reminded 4 h ahead, escalated a day late", () => {
    const [acknowledge] = ReferralDue.items(waiting({ urgency: "standard" }), profile)
    expect(acknowledge!.reminders.map((r) => [r.stage, r.at.toISOString()])).toEqual([
      ["approaching", "2026-03-03T05:00:00.000Z"],
      ["overdue", "2026-03-03T09:00:00.000Z"],
      ["escalated", "2026-03-04T09:00:00.000Z"],
    ])
  })

  it("an acknowledged referral owes only its decision; an answered one owes nothing", () => {
    expect(ReferralDue.items(waiting({ status: "acknowledged" }), profile).map((item) => item.kind)).toEqual([
      "referral.decide",
    ])
    const referral = sent()
    const accepted = ReferralLifecycle.transition(
      referral,
      { _tag: "Accept" },
      actor(),
      new Date("2026-03-02T10:00:00Z"),
    )
    expect(accepted._tag).toBe("Right")
    if (accepted._tag === "Right") expect(ReferralDue.awaiting(accepted.right)).toBeUndefined()
    expect(ReferralDue.awaiting(referral)).toMatchObject({
      id: referral.id,
      status: "sent",
      sentAt: referral.history[0].at,
    })
  })

  it("never reminds before the referral was sent, however long the lead", () => {
    const eager = {
      ...profile,
      referrals: {
        ...profile.referrals,
        reminderBeforeDeadline: {
          highRisk: { value: 10, unit: "hours" as const, confirmed: false, source: "test" },
          standard: { value: 10, unit: "hours" as const, confirmed: false, source: "test" },
        },
      },
    }
    const [acknowledge] = ReferralDue.items(waiting(), eager)
    expect(acknowledge!.reminders.map((r) => r.stage)).toEqual(["overdue", "escalated"])
  })

  const arbitraryWaiting = fc.record({
    sentAt: fc.date({
      min: new Date("2025-01-01T00:00:00Z"),
      max: new Date("2027-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    urgency: fc.constantFrom("high" as const, "standard" as const),
    status: fc.constantFrom("sent" as const, "acknowledged" as const),
  })

  it("property: stages come in order after sending; the deadline is ReferralDeadlines'; the coordinator only at escalation", () => {
    fc.assert(
      fc.property(arbitraryWaiting, (fields) => {
        const referral = waiting(fields)
        const deadlines = ReferralDeadlines.deadlines(referral.sentAt, referral.urgency, profile)
        for (const item of ReferralDue.items(referral, profile)) {
          expect(item.dueAt).toEqual(
            item.kind === "referral.acknowledge" ? deadlines.acknowledgeBy : deadlines.decideBy,
          )
          const times = item.reminders.map((r) => r.at.getTime())
          expect([...times].sort((a, b) => a - b)).toEqual(times)
          expect(times[0]).toBeGreaterThan(referral.sentAt.getTime())
          for (const reminder of item.reminders) {
            const coordinator = reminder.audience.some((a) => a._tag === "Coordinator")
            expect(coordinator).toBe(reminder.stage === "escalated")
            if (reminder.stage === "approaching") expect(reminder.until).toEqual(item.dueAt)
            if (reminder.stage === "overdue") expect(reminder.at).toEqual(item.dueAt)
            if (reminder.stage === "escalated") expect(reminder.at.getTime()).toBeGreaterThan(item.dueAt.getTime())
          }
        }
      }),
    )
  })

  it("property: keys are unique per kind and referral, and agree with the overdue rule", () => {
    fc.assert(
      fc.property(arbitraryWaiting, fc.integer({ min: 0, max: 200 }), (fields, hoursLater) => {
        const referral = sent()
        const awaiting = waiting({ ...fields, id: referral.id })
        const items = ReferralDue.items(awaiting, profile)
        expect(new Set(items.map((item) => item.key)).size).toBe(items.length)
        const now = new Date(awaiting.sentAt.getTime() + hoursLater * hour)
        const overdue = items.filter((item) => Due.state(item, now) === "overdue").map((item) => item.kind)
        // The decision deadline comes after the acknowledgement's: overdue to decide implies overdue to acknowledge.
        if (overdue.includes("referral.decide") && awaiting.status === "sent")
          expect(overdue).toContain("referral.acknowledge")
      }),
    )
  })

  it("names the referral's ids only", () => {
    for (const item of ReferralDue.items(waiting(), profile)) {
      expect(Object.keys(item).sort()).toEqual(
        ["key", "kind", "mechanism", "case", "subject", "dueAt", "responsible", "reminders"].sort(),
      )
      expect(item.mechanism).toBe(ids.mechanism as Id.MechanismId)
    }
  })
})
