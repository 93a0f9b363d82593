// The rules issue 16 added to meetings, as pure functions: a requested meeting
// starts within its scheduling deadline; minutes are circulated within the
// profile's working days; a decision's owner and due date; the coordinator's
// agenda edits. Examples and properties.
import { CivilDate, type Id, JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as Agenda from "../src/Agenda"
import * as AgendaEdits from "../src/AgendaEdits"
import * as DecisionOwnership from "../src/DecisionOwnership"
import type * as Meeting from "../src/Meeting"
import * as MeetingLifecycle from "../src/MeetingLifecycle"
import * as MinutesCirculation from "../src/MinutesCirculation"
import * as SchedulingDeadline from "../src/SchedulingDeadline"
import { cases, ids, openItem } from "./support/Fixtures"

const { kosovo } = JurisdictionProfile
const instant = fc.date({
  min: new Date("2024-01-01T00:00:00Z"),
  max: new Date("2028-12-31T00:00:00Z"),
  noInvalidDate: true,
})
const hour = 3_600_000

const request = (requestedAt: Date, urgency: Meeting.Urgency): Meeting.Request => ({
  institution: ids.police,
  principal: ids.policePrincipal,
  reason: "A shared case needs review",
  urgency,
  requestedAt,
  deadline: SchedulingDeadline.deadline(kosovo, requestedAt, urgency),
  profileVersion: kosovo.version,
})

describe("SchedulingDeadline.checkStart: a requested meeting starts within its deadline", () => {
  const requestedAt = new Date("2026-03-10T14:00:00Z")
  const urgent = { request: request(requestedAt, "urgent") }

  it("accepts a start before the deadline and refuses one on or after it, naming startsAt", () => {
    const at = new Date("2026-03-11T08:00:00Z")
    expect(
      Either.isRight(SchedulingDeadline.checkStart(urgent, { startsAt: new Date("2026-03-12T22:59:00Z") }, at, kosovo)),
    ).toBe(true)
    expect(SchedulingDeadline.checkStart(urgent, { startsAt: new Date("2026-03-12T23:00:00Z") }, at, kosovo)).toEqual(
      Either.left(expect.objectContaining({ field: "startsAt", rule: "meeting.schedule.past-deadline" })),
    )
  })

  it("once the deadline has passed, allows the profile's time again, from the moment of scheduling", () => {
    const late = new Date("2026-03-13T08:00:00Z")
    expect(SchedulingDeadline.latestStart(urgent.request, late, kosovo).toISOString()).toBe("2026-03-15T23:00:00.000Z")
    expect(
      Either.isRight(
        SchedulingDeadline.checkStart(urgent, { startsAt: new Date("2026-03-15T09:00:00Z") }, late, kosovo),
      ),
    ).toBe(true)
    expect(
      Either.isLeft(
        SchedulingDeadline.checkStart(urgent, { startsAt: new Date("2026-03-20T09:00:00Z") }, late, kosovo),
      ),
    ).toBe(true)
  })

  it("leaves a meeting nobody requested free", () => {
    expect(
      Either.isRight(
        SchedulingDeadline.checkStart({}, { startsAt: new Date("2030-01-01T00:00:00Z") }, requestedAt, kosovo),
      ),
    ).toBe(true)
  })

  it("property: the latest start is never before the scheduling time, and is the deadline while it lies ahead", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 30 * 24 }),
        fc.constantFrom<Meeting.Urgency>("standard", "urgent"),
        (asked, hours, urgency) => {
          const made = request(asked, urgency)
          const at = new Date(asked.getTime() + hours * hour)
          const latest = SchedulingDeadline.latestStart(made, at, kosovo)
          expect(latest.getTime()).toBeGreaterThan(at.getTime())
          if (at.getTime() < made.deadline.getTime()) expect(latest).toEqual(made.deadline)
          // A start at the latest is refused; a minute before it is accepted.
          expect(
            Either.isLeft(SchedulingDeadline.checkStart({ request: made }, { startsAt: latest }, at, kosovo)),
          ).toBe(true)
          expect(
            Either.isRight(
              SchedulingDeadline.checkStart(
                { request: made },
                { startsAt: new Date(latest.getTime() - 60_000) },
                at,
                kosovo,
              ),
            ),
          ).toBe(true)
        },
      ),
    )
  })
})

describe("MinutesCirculation: minutes circulated within the profile's working days", () => {
  it("gives 3 working days from the meeting, ending at local midnight", () => {
    // Thursday 12 March 2026: Friday 13, Monday 16, Tuesday 17.
    expect(MinutesCirculation.due(new Date("2026-03-12T10:00:00Z"), kosovo).toISOString()).toBe(
      "2026-03-17T23:00:00.000Z",
    )
    // Friday 13 March: Monday 16, Tuesday 17, Wednesday 18.
    expect(MinutesCirculation.due(new Date("2026-03-13T10:00:00Z"), kosovo).toISOString()).toBe(
      "2026-03-18T23:00:00.000Z",
    )
  })

  it("takes the number from the profile", () => {
    const five = {
      ...kosovo,
      meetings: {
        ...kosovo.meetings,
        minutesCirculatedWithin: { ...kosovo.meetings.minutesCirculatedWithin, value: 5 },
      },
    }
    expect(MinutesCirculation.due(new Date("2026-03-12T10:00:00Z"), five).toISOString()).toBe(
      "2026-03-19T23:00:00.000Z",
    )
  })

  it("tells pending, overdue, in time and late apart", () => {
    const minutesDue = new Date("2026-03-17T23:00:00Z")
    const before = new Date("2026-03-16T09:00:00Z")
    const after = new Date("2026-03-18T09:00:00Z")
    expect(MinutesCirculation.timeliness({}, after)).toBe("not-due")
    expect(MinutesCirculation.timeliness({ minutesDue }, before)).toBe("pending")
    expect(MinutesCirculation.timeliness({ minutesDue }, after)).toBe("overdue")
    expect(MinutesCirculation.timeliness({ minutesDue, minutesCirculatedAt: before }, after)).toBe("circulated-in-time")
    expect(MinutesCirculation.timeliness({ minutesDue, minutesCirculatedAt: after }, after)).toBe("circulated-late")
  })

  it("property: the deadline falls at a local midnight after the meeting, on the profile's working day", () => {
    fc.assert(
      fc.property(instant, (heldAt) => {
        const due = MinutesCirculation.due(heldAt, kosovo)
        expect(due.getTime()).toBeGreaterThan(heldAt.getTime())
        const lastDay = CivilDate.addDays(CivilDate.ofInstant(due, kosovo.timezone), -1)
        expect(CivilDate.isWorkingDay(lastDay)).toBe(true)
        expect(CivilDate.startOfDay(CivilDate.ofInstant(due, kosovo.timezone), kosovo.timezone)).toEqual(due)
      }),
    )
  })

  it("is set when a meeting is held and the first draft circulates the minutes (a second draft does not move it)", () => {
    const startsAt = new Date("2026-03-12T09:00:00Z")
    const scheduled = Either.getOrThrow(
      MeetingLifecycle.scheduled({
        id: "01JG0000000000000000000001" as Id.MeetingId,
        mechanismId: ids.mechanism,
        kind: "regular",
        schedule: { startsAt, endsAt: new Date(startsAt.getTime() + 2 * hour), place: "Hall" },
        at: new Date("2026-03-01T09:00:00Z"),
      }),
    )
    const heldAt = new Date("2026-03-12T10:00:00Z")
    const held = Either.getOrThrow(
      MeetingLifecycle.transition(
        scheduled,
        MeetingLifecycle.Command.Hold({
          attendance: [],
          at: heldAt,
          minutesDue: MinutesCirculation.due(heldAt, kosovo),
        }),
      ),
    )
    expect(held.minutesDue?.toISOString()).toBe("2026-03-17T23:00:00.000Z")
    const first = new Date("2026-03-13T09:00:00Z")
    const drafted = Either.getOrThrow(
      MeetingLifecycle.transition(
        held,
        MeetingLifecycle.Command.DraftMinutes({ body: "One", by: ids.coordinatorPrincipal, at: first }),
      ),
    )
    const again = Either.getOrThrow(
      MeetingLifecycle.transition(
        drafted,
        MeetingLifecycle.Command.DraftMinutes({
          body: "Two",
          by: ids.coordinatorPrincipal,
          at: new Date("2026-03-19T09:00:00Z"),
        }),
      ),
    )
    expect(again.minutesCirculatedAt).toEqual(first)
    expect(MinutesCirculation.timeliness(again, new Date("2026-03-20T09:00:00Z"))).toBe("circulated-in-time")
    expect(MeetingLifecycle.violations(again)).toEqual([])
  })
})

describe("DecisionOwnership.check", () => {
  const context = { members: [ids.police, ids.socialWork], meetingDay: "2026-03-12" as CivilDate.CivilDate }

  it("takes an owner that is a member and a due date from the meeting's day on", () => {
    expect(
      DecisionOwnership.check({ owner: ids.police, dueDate: "2026-03-12" as CivilDate.CivilDate }, context),
    ).toEqual(Either.right({ owner: ids.police, dueDate: "2026-03-12" }))
    expect(DecisionOwnership.check({}, context)).toEqual(Either.right({}))
  })

  it("names the field of the first rule broken", () => {
    const field = (given: DecisionOwnership.Ownership) =>
      Either.match(DecisionOwnership.check(given, context), {
        onLeft: (e) => `${e.field}:${e.rule}`,
        onRight: () => "ok",
      })
    expect(field({ owner: ids.shelter })).toBe("owner:meeting.decision.owner-not-a-member")
    expect(field({ dueDate: "2026-03-20" as CivilDate.CivilDate })).toBe(
      "dueDate:meeting.decision.due-date-without-owner",
    )
    expect(field({ owner: ids.police, dueDate: "2026-03-11" as CivilDate.CivilDate })).toBe(
      "dueDate:meeting.decision.due-in-past",
    )
  })
})

describe("AgendaEdits", () => {
  const meeting = {
    id: "01JG0000000000000000000009" as Id.MeetingId,
    mechanismId: ids.mechanism,
    startsAt: new Date("2026-03-20T09:00:00Z"),
  }
  const built = Agenda.build({
    meeting,
    actionItems: [
      openItem({ id: "01JA0000000000000000000001" as Id.ActionItemId, dueDate: "2026-02-01" as CivilDate.CivilDate }),
    ],
    cases,
    profile: kosovo,
  })
  const topic = (n: number, section: Agenda.TopicSection): AgendaEdits.Topic => ({
    id: `01JT000000000000000000000${n}` as Agenda.TopicId,
    section,
    title: `Topic ${n}`,
  })

  it("adds topics at the end of their sections and leaves out items by key", () => {
    const review = built.items.find((item) => item._tag === "CaseReview")!
    const edited = AgendaEdits.apply(built, {
      topics: [topic(1, "other-business"), topic(2, "case-reviews"), topic(3, "action-items")],
      omitted: [Agenda.keyOf(review)],
    })
    expect(edited.items.map((item) => (item._tag === "Topic" ? item.title : item._tag))).toEqual([
      "ConfidentialityStatement",
      "ActionItemReview",
      "Topic 3",
      "CaseReview",
      "Topic 2",
      "AnniversaryNotice",
      "AnniversaryNotice",
      "OtherBusiness",
      "Topic 1",
    ])
    expect(edited.omitted).toEqual([Agenda.keyOf(review)])
    expect(Agenda.title(edited.items.at(-1)!, "sq", kosovo)).toBe("Topic 1")
  })

  it("keeps the confidentiality statement and other business, and refuses a key of no item", () => {
    const fail = (edits: AgendaEdits.Edits) =>
      Either.match(AgendaEdits.check(edits), { onLeft: (e) => `${e.field}:${e.rule}`, onRight: () => "ok" })
    expect(fail({ topics: [], omitted: ["confidentiality"] })).toBe("omitted.0:meeting.agenda.item-fixed")
    expect(fail({ topics: [], omitted: [`case-review:${ids.caseA}`, "other-business"] })).toBe(
      "omitted.1:meeting.agenda.item-fixed",
    )
    expect(fail({ topics: [], omitted: ["case-review:Vjosa"] })).toBe("omitted.0:meeting.agenda.key-invalid")
    expect(fail({ topics: Array.from({ length: 31 }, (_, n) => topic(n % 10, "notices")), omitted: [] })).toBe(
      "topics:meeting.agenda.too-many-topics",
    )
    expect(fail({ topics: [topic(1, "notices")], omitted: [`action-item:${"01JA0000000000000000000001"}`] })).toBe("ok")
  })

  it("property: no edits change nothing; leaving out keeps the rest in order; every topic shows once", () => {
    const keys = built.items.map(Agenda.keyOf).filter((key) => key !== "confidentiality" && key !== "other-business")
    fc.assert(
      fc.property(
        fc.subarray(keys),
        fc.array(fc.record({ section: Arbitrary.make(Agenda.TopicSection), title: fc.constant("T") }), {
          maxLength: 5,
        }),
        (omitted, given) => {
          expect(AgendaEdits.apply(built, AgendaEdits.none)).toEqual(built)
          const topics = given.map((t, n) => ({ ...t, id: `01JT000000000000000000000${n}` as Agenda.TopicId }))
          const edited = AgendaEdits.apply(built, { topics, omitted })
          const rest = edited.items.filter((item) => item._tag !== "Topic")
          expect(rest).toEqual(built.items.filter((item) => !omitted.includes(Agenda.keyOf(item))))
          expect(edited.items.filter((item) => item._tag === "Topic")).toHaveLength(topics.length)
          const order = edited.items.map((item) => Agenda.sections.indexOf(Agenda.sectionOf(item)))
          expect([...order].sort((a, b) => a - b)).toEqual(order)
        },
      ),
    )
  })
})
