import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as CivilDate from "../src/CivilDate"
import * as Due from "../src/Due"
import type { InstitutionId, MechanismId } from "../src/Id"
import { kosovo } from "../src/JurisdictionProfile"

const at = (iso: string) => new Date(iso)

const item = (reminders: ReadonlyArray<Due.Reminder>, dueAt: Date): Due.Item => ({
  key: "referral.acknowledge:r1",
  kind: "referral.acknowledge",
  mechanism: "01JM0000000000000000000001" as MechanismId,
  subject: { type: "referral", id: "r1" },
  dueAt,
  responsible: [Due.institution("01JK0000000000000000000001" as InstitutionId)],
  reminders,
})

describe("Due", () => {
  it("sends a day's reminder at the profile's morning hour, local time, across both changes of 2026", () => {
    // 08:00 local: UTC+1 on 28 March, UTC+2 from 29 March, UTC+1 again from 25 October.
    expect(Due.morningOf("2026-03-28", kosovo).toISOString()).toBe("2026-03-28T07:00:00.000Z")
    expect(Due.morningOf("2026-03-29", kosovo).toISOString()).toBe("2026-03-29T06:00:00.000Z")
    expect(Due.morningOf("2026-10-25", kosovo).toISOString()).toBe("2026-10-25T07:00:00.000Z")
    expect(Due.endOf("2026-03-28", kosovo).toISOString()).toBe("2026-03-28T23:00:00.000Z")
    expect(Due.endOf("2026-10-24", kosovo).toISOString()).toBe("2026-10-24T22:00:00.000Z")
  })

  it("states an item: upcoming, due once its first reminder has come, overdue from its deadline", () => {
    const dueAt = at("2026-03-10T12:00:00Z")
    const subject = item(
      [
        { stage: "approaching", at: at("2026-03-10T11:00:00Z"), audience: [] },
        { stage: "escalated", at: at("2026-03-10T14:00:00Z"), audience: [Due.coordinator] },
      ],
      dueAt,
    )
    expect(Due.state(subject, at("2026-03-10T10:59:59Z"))).toBe("upcoming")
    expect(Due.state(subject, at("2026-03-10T11:00:00Z"))).toBe("due")
    expect(Due.state(subject, dueAt)).toBe("overdue")
    expect(Due.escalated(subject, at("2026-03-10T13:59:59Z"))).toBe(false)
    expect(Due.escalated(subject, at("2026-03-10T14:00:00Z"))).toBe(true)
  })

  it("names the messages of a kind in its domain's catalogue", () => {
    expect(Due.titleKey("referral.acknowledge")).toBe("referral.due.acknowledge")
    expect(Due.messageKey("case.order.expiry", "approaching")).toBe("case.due.order.expiry.approaching")
  })

  it("keys a reminder by its item and stage, and drops repeated audiences", () => {
    expect(Due.reminderKey({ key: "k" }, { stage: "overdue" })).toBe("k#overdue")
    const police = Due.institution("01JK0000000000000000000001" as InstitutionId)
    expect(Due.distinctAudiences([police, Due.coordinator, police, Due.coordinator])).toEqual([police, Due.coordinator])
  })

  it("property: the due reminders are exactly those whose time has come, earliest first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (offsets, now) => {
          const base = Date.UTC(2026, 0, 1)
          const reminders = offsets.map((offset, index) => ({
            stage: Due.stages[index % Due.stages.length] as Due.Stage,
            at: new Date(base + offset),
            audience: [],
          }))
          const due = Due.dueReminders({ reminders }, new Date(base + now))
          expect(due.length).toBe(offsets.filter((offset) => offset <= now).length)
          for (const reminder of due) expect(reminder.at.getTime()).toBeLessThanOrEqual(base + now)
          for (let i = 1; i < due.length; i++)
            expect(due[i]!.at.getTime()).toBeGreaterThanOrEqual(due[i - 1]!.at.getTime())
        },
      ),
    )
  })

  it("property: a day's morning falls on that day, before its end, in the profile's zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const day = CivilDate.addDays("2024-01-01", offset)
        const morning = Due.morningOf(day, kosovo)
        expect(CivilDate.ofInstant(morning, kosovo.timezone)).toBe(day)
        expect(morning.getTime()).toBeLessThan(Due.endOf(day, kosovo).getTime())
      }),
    )
  })
})
