import { JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import type * as Meeting from "../src/Meeting"
import * as SchedulingDeadline from "../src/SchedulingDeadline"

const { kosovo } = JurisdictionProfile
const belgrade = "Europe/Belgrade"

const localParts = (instant: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: belgrade,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(instant)

describe("SchedulingDeadline.deadline (Kosovo profile, calendar days in Europe/Belgrade)", () => {
  it("gives 7 calendar days, ending at local midnight", () => {
    // Tuesday 10 March 2026, 15:00 in Pristina (CET, UTC+1).
    const requestedAt = new Date("2026-03-10T14:00:00Z")
    expect(SchedulingDeadline.deadline(kosovo, requestedAt, "standard").toISOString()).toBe("2026-03-17T23:00:00.000Z")
  })

  it("gives 2 calendar days for an urgent request", () => {
    const requestedAt = new Date("2026-03-10T14:00:00Z")
    expect(SchedulingDeadline.deadline(kosovo, requestedAt, "urgent").toISOString()).toBe("2026-03-12T23:00:00.000Z")
  })

  it("counts the local day, not the UTC day, of a request made just after local midnight", () => {
    // 00:30 on 11 March in Pristina is still 10 March in UTC.
    const requestedAt = new Date("2026-03-10T23:30:00Z")
    expect(SchedulingDeadline.deadline(kosovo, requestedAt, "urgent").toISOString()).toBe("2026-03-13T23:00:00.000Z")
  })

  it("crosses the change to summer time (29 March 2026) in local days", () => {
    const requestedAt = new Date("2026-03-27T09:00:00Z")
    // 3 April ends at local midnight CEST (UTC+2).
    expect(SchedulingDeadline.deadline(kosovo, requestedAt, "standard").toISOString()).toBe("2026-04-03T22:00:00.000Z")
  })

  it("crosses the change back to winter time (25 October 2026)", () => {
    const requestedAt = new Date("2026-10-23T09:00:00Z")
    expect(SchedulingDeadline.deadline(kosovo, requestedAt, "urgent").toISOString()).toBe("2026-10-25T23:00:00.000Z")
  })

  it("takes the numbers from the profile, never literals", () => {
    const stricter: JurisdictionProfile.JurisdictionProfile = {
      ...kosovo,
      meetings: {
        ...kosovo.meetings,
        adHocScheduleWithin: { ...kosovo.meetings.adHocScheduleWithin, value: 3, unit: "working-days" },
        adHocUrgentScheduleWithin: { ...kosovo.meetings.adHocUrgentScheduleWithin, value: 24, unit: "hours" },
      },
    }
    // Friday 13 March 2026: three working days are Mon 16, Tue 17, Wed 18.
    const friday = new Date("2026-03-13T10:00:00Z")
    expect(SchedulingDeadline.deadline(stricter, friday, "standard").toISOString()).toBe("2026-03-18T23:00:00.000Z")
    expect(SchedulingDeadline.deadline(stricter, friday, "urgent").toISOString()).toBe("2026-03-14T10:00:00.000Z")
  })

  it("handles weeks and months", () => {
    const requestedAt = new Date("2026-01-31T10:00:00Z")
    expect(SchedulingDeadline.after(requestedAt, { value: 1, unit: "months" }, belgrade).toISOString()).toBe(
      "2026-02-28T23:00:00.000Z",
    )
    expect(SchedulingDeadline.after(requestedAt, { value: 2, unit: "weeks" }, belgrade).toISOString()).toBe(
      "2026-02-14T23:00:00.000Z",
    )
  })

  const instants = fc.date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2040-12-31T00:00:00Z"),
    noInvalidDate: true,
  })

  it("property: a day-counted deadline is a local midnight, after the request, at least N days later", () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 60 }), (requestedAt, days) => {
        const deadline = SchedulingDeadline.after(requestedAt, { value: days, unit: "days" }, belgrade)
        expect(localParts(deadline)).toBe("00:00:00")
        expect(deadline.getTime()).toBeGreaterThan(requestedAt.getTime())
        // N full days plus what is left of the request's day (a DST day is 23 h).
        expect(deadline.getTime() - requestedAt.getTime()).toBeGreaterThanOrEqual(days * 86_400_000 - 3_600_000)
        expect(deadline.getTime() - requestedAt.getTime()).toBeLessThanOrEqual((days + 1) * 86_400_000 + 3_600_000)
      }),
    )
  })

  it("property: urgent never later than standard; later requests never get earlier deadlines", () => {
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        const [first, second] = a.getTime() <= b.getTime() ? [a, b] : [b, a]
        expect(SchedulingDeadline.deadline(kosovo, first, "urgent").getTime()).toBeLessThanOrEqual(
          SchedulingDeadline.deadline(kosovo, first, "standard").getTime(),
        )
        for (const urgency of ["standard", "urgent"] as const) {
          expect(SchedulingDeadline.deadline(kosovo, first, urgency).getTime()).toBeLessThanOrEqual(
            SchedulingDeadline.deadline(kosovo, second, urgency).getTime(),
          )
        }
      }),
    )
  })
})

describe("SchedulingDeadline.timeliness", () => {
  const request: Meeting.Request = {
    institution: "01JB000000000000000000000B" as Meeting.Request["institution"],
    principal: "01JP0000000000000000000002" as Meeting.Request["principal"],
    reason: "Escalation in a shared case",
    urgency: "urgent",
    requestedAt: new Date("2026-03-10T14:00:00Z"),
    deadline: new Date("2026-03-12T23:00:00Z"),
    profileVersion: 1,
  }

  it("is pending, then overdue from the deadline on", () => {
    expect(SchedulingDeadline.timeliness({ request, status: "requested" }, new Date("2026-03-12T22:59:59Z"))).toBe(
      "pending",
    )
    expect(SchedulingDeadline.timeliness({ request, status: "requested" }, new Date("2026-03-12T23:00:00Z"))).toBe(
      "overdue",
    )
    expect(SchedulingDeadline.isOverdue({ request, status: "requested" }, new Date("2026-03-20T00:00:00Z"))).toBe(true)
  })

  it("tells a request scheduled in time from one scheduled late, and a meeting nobody requested", () => {
    const at = new Date("2026-03-20T00:00:00Z")
    expect(
      SchedulingDeadline.timeliness(
        { request, status: "scheduled", scheduledAt: new Date("2026-03-11T08:00:00Z") },
        at,
      ),
    ).toBe("scheduled-in-time")
    expect(
      SchedulingDeadline.timeliness({ request, status: "held", scheduledAt: new Date("2026-03-13T08:00:00Z") }, at),
    ).toBe("scheduled-late")
    expect(SchedulingDeadline.timeliness({ request, status: "cancelled" }, at)).toBe("cancelled")
    expect(SchedulingDeadline.timeliness({ status: "scheduled" }, at)).toBe("not-requested")
  })
})
