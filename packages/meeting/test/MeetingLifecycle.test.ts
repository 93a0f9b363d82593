import { Errors, type Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import type * as Attendance from "../src/Attendance"
import * as Meeting from "../src/Meeting"
import * as MeetingLifecycle from "../src/MeetingLifecycle"
import { ids, present } from "./support/Fixtures"

const { Command } = MeetingLifecycle
const meetingId = "01JG0000000000000000000001" as Id.MeetingId
const by = ids.coordinatorPrincipal
const t = (iso: string) => new Date(iso)

const schedule: Meeting.Schedule = {
  startsAt: t("2026-03-20T09:00:00Z"),
  endsAt: t("2026-03-20T11:00:00Z"),
  place: "Municipal hall, room 3",
}

const request: Meeting.Request = {
  institution: ids.police,
  principal: ids.policePrincipal,
  reason: "Escalation in a shared case",
  urgency: "urgent",
  requestedAt: t("2026-03-10T14:00:00Z"),
  deadline: t("2026-03-12T23:00:00Z"),
  profileVersion: 1,
}

const requested = MeetingLifecycle.requested({ id: meetingId, mechanismId: ids.mechanism, request })

const run = (meeting: Meeting.Meeting, ...commands: ReadonlyArray<MeetingLifecycle.Command>) =>
  commands.reduce<Either.Either<Meeting.Meeting, MeetingLifecycle.Refusal>>(
    (state, command) => Either.flatMap(state, (current) => MeetingLifecycle.transition(current, command)),
    Either.right(meeting),
  )

const amendment = (n: number, at: Date): Meeting.Amendment => ({
  id: `01JN00000000000000000000${String(n).padStart(2, "0")}` as Meeting.AmendmentId,
  author: by,
  reason: "Wrong due date in item 3",
  text: `Item 3 is due on 30 April (${n}).`,
  at,
})

const approved = Either.getOrThrow(
  run(
    requested,
    Command.Schedule({ schedule, at: t("2026-03-11T08:00:00Z") }),
    Command.Hold({ attendance: present(ids.municipality), at: t("2026-03-20T09:05:00Z") }),
    Command.DraftMinutes({ body: "Approved text", by, at: t("2026-03-20T12:00:00Z") }),
    Command.ApproveMinutes({ quorumMet: true, by, at: t("2026-03-23T10:00:00Z") }),
  ),
)

describe("MeetingLifecycle: worked examples", () => {
  it("walks requested → scheduled → held → minutes-drafted → minutes-approved, then amended", () => {
    const result = run(
      requested,
      Command.Schedule({ schedule, at: t("2026-03-11T08:00:00Z") }),
      Command.Hold({
        attendance: present(ids.municipality, ids.police, ids.socialWork),
        at: t("2026-03-20T09:05:00Z"),
      }),
      Command.DraftMinutes({ body: "Draft 1", by, at: t("2026-03-20T12:00:00Z") }),
      Command.DraftMinutes({ body: "Draft 2", by, at: t("2026-03-21T12:00:00Z") }),
      Command.ApproveMinutes({ quorumMet: true, by, at: t("2026-03-23T10:00:00Z") }),
      Command.AmendMinutes({ amendment: amendment(1, t("2026-03-25T10:00:00Z")), at: t("2026-03-25T10:00:00Z") }),
    )
    const meeting = Either.getOrThrow(result)
    expect(meeting.status).toBe("minutes-approved")
    expect(meeting.minutes).toMatchObject({ body: "Draft 2", revision: 2, approval: { by } })
    expect(meeting.minutes?.amendments).toHaveLength(1)
    expect(meeting.scheduledAt).toEqual(t("2026-03-11T08:00:00Z"))
    expect(meeting.sequence).toBe(0)
    expect(MeetingLifecycle.violations(meeting)).toEqual([])
  })

  it("counts in SEQUENCE each change of date, time or place, and the cancellation", () => {
    const at = t("2026-03-11T08:00:00Z")
    const moved = { ...schedule, startsAt: t("2026-03-21T09:00:00Z"), endsAt: t("2026-03-21T11:00:00Z") }
    const result = Either.getOrThrow(
      run(
        requested,
        Command.Schedule({ schedule, at }),
        Command.Reschedule({ schedule, at }),
        Command.Reschedule({ schedule: moved, at }),
        Command.Reschedule({ schedule: { ...moved, place: "Police station" }, at }),
        Command.Cancel({ reason: "The requesting member withdrew", by, at }),
      ),
    )
    expect(result.sequence).toBe(3)
    expect(result.status).toBe("cancelled")
    expect(result.cancellation).toEqual({ reason: "The requesting member withdrew", by, at })
  })

  it("refuses scheduling in the past and a meeting that ends before it starts", () => {
    const at = t("2026-03-21T00:00:00Z")
    expect(run(requested, Command.Schedule({ schedule, at }))).toEqual(
      Either.left(new Errors.InvalidInput({ field: "startsAt", rule: "meeting.schedule.in-past" })),
    )
    expect(
      run(
        requested,
        Command.Schedule({ schedule: { ...schedule, endsAt: schedule.startsAt }, at: t("2026-03-11T00:00:00Z") }),
      ),
    ).toEqual(Either.left(new Errors.InvalidInput({ field: "endsAt", rule: "meeting.schedule.ends-before-start" })))
  })

  it("refuses holding a meeting before it starts", () => {
    const result = run(
      requested,
      Command.Schedule({ schedule, at: t("2026-03-11T08:00:00Z") }),
      Command.Hold({ attendance: [], at: t("2026-03-19T09:00:00Z") }),
    )
    expect(result).toEqual(
      Either.left(new Errors.Conflict({ entity: "Meeting", id: meetingId, rule: "meeting.hold.not-started" })),
    )
  })

  const locked = Either.left(new Errors.Conflict({ entity: "Meeting", id: meetingId, rule: "meeting.minutes.locked" }))

  it("locks approved minutes: no new draft, no second approval, no attendance change", () => {
    const at = t("2026-03-24T10:00:00Z")
    expect(MeetingLifecycle.transition(approved, Command.DraftMinutes({ body: "Edited", by, at }))).toEqual(locked)
    expect(MeetingLifecycle.transition(approved, Command.ApproveMinutes({ quorumMet: true, by, at }))).toEqual(locked)
    expect(MeetingLifecycle.transition(approved, Command.RecordAttendance({ attendance: [], at }))).toEqual(locked)
  })

  it("refuses approval without quorum", () => {
    const drafted = Either.getOrThrow(
      run(
        requested,
        Command.Schedule({ schedule, at: t("2026-03-11T08:00:00Z") }),
        Command.Hold({ attendance: present(ids.municipality), at: t("2026-03-20T09:05:00Z") }),
        Command.DraftMinutes({ body: "Text", by, at: t("2026-03-20T12:00:00Z") }),
      ),
    )
    expect(
      MeetingLifecycle.transition(
        drafted,
        Command.ApproveMinutes({ quorumMet: false, by, at: t("2026-03-23T10:00:00Z") }),
      ),
    ).toEqual(
      Either.left(new Errors.Conflict({ entity: "Meeting", id: meetingId, rule: "meeting.minutes.quorum-required" })),
    )
  })

  it("refuses commands the status does not allow", () => {
    const at = t("2026-03-11T08:00:00Z")
    expect(MeetingLifecycle.transition(requested, Command.Hold({ attendance: [], at }))).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "Meeting", from: "requested", command: "hold" })),
    )
    expect(MeetingLifecycle.transition(approved, Command.Cancel({ reason: "No", by, at }))).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "Meeting", from: "minutes-approved", command: "cancel" })),
    )
    expect(MeetingLifecycle.acceptsRecords(approved, "record-decision")).toEqual(locked)
    expect(MeetingLifecycle.acceptsRecords(requested, "record-decision")).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "Meeting", from: "requested", command: "record-decision" })),
    )
  })

  it("refuses a new scheduled meeting in the past", () => {
    expect(
      MeetingLifecycle.scheduled({
        id: meetingId,
        mechanismId: ids.mechanism,
        kind: "regular",
        schedule,
        at: t("2026-04-01T00:00:00Z"),
      }),
    ).toEqual(Either.left(new Errors.InvalidInput({ field: "startsAt", rule: "meeting.schedule.in-past" })))
  })
})

// Commands with times around March 2026 and a few distinct values, so that
// random sequences often hit every status and every rule.
const base = Date.parse("2026-03-01T00:00:00Z")
const day = 86_400_000
const instant = fc.integer({ min: 0, max: 60 * day }).map((offset) => new Date(base + offset))
const scheduleArbitrary: fc.Arbitrary<Meeting.Schedule> = fc
  .tuple(
    fc.integer({ min: 0, max: 60 * day }),
    fc.integer({ min: -3_600_000, max: 4 * 3_600_000 }),
    fc.constantFrom("Hall", "Room 3", "Police station"),
  )
  .map(([start, length, place]) => ({
    startsAt: new Date(base + start),
    endsAt: new Date(base + start + length),
    place,
  }))
const institutions = [ids.municipality, ids.police, ids.socialWork, ids.shelter, ids.health]
// Duplicates included: the lifecycle must refuse them itself.
const attendanceArbitrary: fc.Arbitrary<ReadonlyArray<Attendance.Attendance>> = fc.array(
  fc
    .constantFrom(...institutions)
    .chain((institution) =>
      fc.constantFrom<Attendance.Attendance>(
        { institution, presence: "present", representedBy: "deputy" },
        { institution, presence: "excused" },
        { institution, presence: "absent" },
      ),
    ),
  { maxLength: 6 },
)
let amendments = 0
const commandArbitrary: fc.Arbitrary<MeetingLifecycle.Command> = fc.oneof(
  fc.record({ schedule: scheduleArbitrary, at: instant }).map(Command.Schedule),
  fc.record({ schedule: scheduleArbitrary, at: instant }).map(Command.Reschedule),
  fc.record({ attendance: attendanceArbitrary, at: instant }).map(Command.Hold),
  fc.record({ attendance: attendanceArbitrary, at: instant }).map(Command.RecordAttendance),
  fc
    .record({ body: fc.constantFrom("A", "B", "C"), at: instant })
    .map(({ body, at }) => Command.DraftMinutes({ body, by, at })),
  fc
    .record({ quorumMet: fc.boolean(), at: instant })
    .map(({ quorumMet, at }) => Command.ApproveMinutes({ quorumMet, by, at })),
  instant.map((at) => Command.AmendMinutes({ amendment: amendment(++amendments % 100, at), at })),
  instant.map((at) => Command.Cancel({ reason: "Reason", by, at })),
)
const startArbitrary: fc.Arbitrary<Meeting.Meeting> = fc.oneof(
  fc.constant(requested),
  fc
    .tuple(scheduleArbitrary, fc.constantFrom<Meeting.Kind>("regular", "ad-hoc"))
    .map(([schedule, kind]) =>
      Either.getOrElse(
        MeetingLifecycle.scheduled({ id: meetingId, mechanismId: ids.mechanism, kind, schedule, at: new Date(base) }),
        () => requested,
      ),
    ),
)

describe("MeetingLifecycle: properties", () => {
  it("no sequence of commands reaches an illegal state; refusals change nothing", () => {
    fc.assert(
      fc.property(startArbitrary, fc.array(commandArbitrary, { maxLength: 30 }), (start, commands) => {
        let meeting = start
        expect(MeetingLifecycle.violations(meeting)).toEqual([])
        for (const command of commands) {
          const before = structuredClone(meeting)
          const result = MeetingLifecycle.transition(meeting, command)
          expect(meeting).toEqual(before)
          if (Either.isRight(result)) {
            expect(MeetingLifecycle.violations(result.right)).toEqual([])
            expect(result.right.sequence).toBeGreaterThanOrEqual(meeting.sequence)
            expect(result.right.id).toBe(meeting.id)
            meeting = result.right
          }
        }
      }),
      { numRuns: 500 },
    )
  })

  it("approved minutes change only by appended amendments", () => {
    fc.assert(
      fc.property(fc.array(commandArbitrary, { maxLength: 30 }), (commands) => {
        let meeting = approved
        for (const command of commands) {
          const result = MeetingLifecycle.transition(meeting, command)
          if (Either.isLeft(result)) continue
          const next = result.right
          expect(next.status).toBe("minutes-approved")
          expect(next.minutes?.body).toBe(approved.minutes?.body)
          expect(next.minutes?.approval).toEqual(approved.minutes?.approval)
          expect(next.minutes?.revision).toBe(approved.minutes?.revision)
          expect(next.attendance).toEqual(approved.attendance)
          const read = Meeting.minutesAsRead(meeting.minutes!)
          const nextRead = Meeting.minutesAsRead(next.minutes!)
          // What was there is still there, in order; something may follow.
          expect(nextRead.slice(0, read.length)).toEqual(read)
          expect(command._tag).toBe("AmendMinutes")
          meeting = next
        }
      }),
      { numRuns: 300 },
    )
  })

  it("a cancelled meeting accepts nothing more", () => {
    const cancelled = Either.getOrThrow(
      MeetingLifecycle.transition(requested, Command.Cancel({ reason: "Withdrawn", by, at: new Date(base) })),
    )
    fc.assert(
      fc.property(commandArbitrary, (command) => {
        expect(Either.isLeft(MeetingLifecycle.transition(cancelled, command))).toBe(true)
      }),
    )
  })
})
