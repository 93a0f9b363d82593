import { CivilDate, Due, type Id, JurisdictionProfile } from "@bashke/kernel"
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as MeetingDue from "../src/MeetingDue"
import { ids } from "./support/Fixtures"

const profile = JurisdictionProfile.kosovo
const keys = (audience: ReadonlyArray<Due.Audience>) => audience.map(Due.audienceKey)
const meetingId = "01JG0000000000000000000001" as Id.MeetingId
const itemId = "01JA0000000000000000000001" as Id.ActionItemId

describe("MeetingDue", () => {
  it("a request not scheduled by its deadline is told to the coordinator and the requesting institution", () => {
    const deadline = new Date("2026-03-17T23:00:00Z")
    const [item] = MeetingDue.meetingItems(
      {
        id: meetingId,
        mechanismId: ids.mechanism,
        status: "requested",
        request: {
          institution: ids.police,
          principal: ids.policePrincipal,
          reason: "A case needs the members",
          urgency: "standard",
          requestedAt: new Date("2026-03-10T14:00:00Z"),
          deadline,
          profileVersion: 1,
        },
      },
      profile,
    )
    expect(item).toMatchObject({ key: `meeting.schedule:${meetingId}`, kind: "meeting.schedule", dueAt: deadline })
    expect(item?.reminders.map((r) => [r.stage, r.at, keys(r.audience)])).toEqual([
      ["overdue", deadline, ["coordinator", `institution:${ids.police}`]],
    ])
    expect(item?.case).toBeUndefined()
  })

  it("minutes not circulated within 3 working days of a Friday meeting are late from Wednesday's end", () => {
    const [item] = MeetingDue.meetingItems(
      { id: meetingId, mechanismId: ids.mechanism, status: "held", heldAt: new Date("2026-03-27T10:00:00Z") },
      profile,
    )
    // Friday 27 March + 3 working days = Wednesday 1 April, late from local midnight (UTC+2).
    expect(item?.dueAt.toISOString()).toBe("2026-04-01T22:00:00.000Z")
    expect(keys(item?.reminders[0]?.audience ?? [])).toEqual(["coordinator"])
    expect(
      MeetingDue.meetingItems({ id: meetingId, mechanismId: ids.mechanism, status: "minutes-drafted" }, profile),
    ).toEqual([])
  })

  it("an action item: the owner reminded 3 days ahead at 08:00, on the morning of its day, and once it is past", () => {
    const [item] = MeetingDue.actionItemItems(
      {
        id: itemId,
        mechanismId: ids.mechanism,
        owner: ids.shelter,
        dueDate: "2026-03-30",
        status: "open",
        link: { _tag: "case", caseId: ids.caseA },
      },
      profile,
    )
    expect(item).toMatchObject({ case: ids.caseA, day: "2026-03-30", subject: { type: "action-item", id: itemId } })
    expect(item?.reminders.map((r) => [r.stage, r.at.toISOString(), keys(r.audience)])).toEqual([
      // 27 March is still winter time (UTC+1); 30 March summer time (UTC+2).
      ["approaching", "2026-03-27T07:00:00.000Z", [`institution:${ids.shelter}`]],
      ["due", "2026-03-30T06:00:00.000Z", [`institution:${ids.shelter}`]],
      ["overdue", "2026-03-30T22:00:00.000Z", [`institution:${ids.shelter}`]],
    ])
    expect(
      MeetingDue.actionItemItems(
        { id: itemId, mechanismId: ids.mechanism, owner: ids.shelter, dueDate: "2026-03-30", status: "done" },
        profile,
      ),
    ).toEqual([])
  })

  it("property: an action item's reminders are in order, each the owner's, the last at the end of its day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const dueDate = CivilDate.addDays("2024-01-01", offset)
        const [item] = MeetingDue.actionItemItems(
          { id: itemId, mechanismId: ids.mechanism, owner: ids.shelter, dueDate, status: "open" },
          profile,
        )
        const times = item?.reminders.map((r) => r.at.getTime()) ?? []
        expect([...times].sort((a, b) => a - b)).toEqual(times)
        expect(times.at(-1)).toBe(Due.endOf(dueDate, profile).getTime())
        expect(CivilDate.ofInstant(item?.reminders.at(-2)?.at ?? new Date(0), profile.timezone)).toBe(dueDate)
        for (const reminder of item?.reminders ?? [])
          expect(keys(reminder.audience)).toEqual([`institution:${ids.shelter}`])
      }),
    )
  })
})
