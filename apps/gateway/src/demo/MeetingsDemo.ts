/**
 * The demo's meetings, run through the meeting package exactly as the API
 * would: two regular meetings held in the two quarters before this one (with
 * attendance, decisions, action items and approved minutes), one regular
 * meeting scheduled a fortnight ahead, and one ad hoc request from the shelter
 * waiting to be scheduled. Of the action items, the first meeting's is done,
 * the second meeting's are open: one about the high-risk case, due the day of
 * the next meeting, and one already overdue, so the upcoming agenda shows both
 * kinds.
 *
 * The past meetings are written as of their own dates (the clock moved back,
 * then forward), because the meeting rules refuse to schedule in the past and
 * to hold a meeting before it starts; their records, outbox events and audit
 * entries therefore carry those dates. Every text is invented and names nobody.
 */
import { CivilDate, Deadline, type Errors, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { type Attendance, MeetingService } from "@bashke/meeting"
import { Clock, Effect } from "effect"
import type { DemoCases } from "./CasesDemo"
import { institutions, type PersonName, principal } from "./World"

/** What the tests and the rest of the demo build on. */
export interface DemoMeetings {
  /** The two regular meetings held, oldest first; their minutes are approved. */
  readonly held: readonly [Id.MeetingId, Id.MeetingId]
  readonly upcoming: { readonly meetingId: Id.MeetingId; readonly version: number }
  readonly request: { readonly meetingId: Id.MeetingId; readonly version: number }
  readonly actionItems: {
    readonly done: Id.ActionItemId
    readonly caseLinked: { readonly actionItemId: Id.ActionItemId; readonly version: number }
    readonly overdue: { readonly actionItemId: Id.ActionItemId; readonly version: number }
  }
}

// The meeting package's service: each step names the principal it acts as.
type Requirements = MeetingService.MeetingService

const hour = 3_600_000
const day = 24 * hour
const place = "Municipal building, meeting room 2"

/** `effect` with the clock reading `instant` when it starts (and running on from there). */
const asOf =
  (instant: Date) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Clock.clockWith((clock) => {
      const offset = clock.unsafeCurrentTimeMillis() - instant.getTime()
      const shifted: Clock.Clock = {
        [Clock.ClockTypeId]: Clock.ClockTypeId,
        unsafeCurrentTimeMillis: () => clock.unsafeCurrentTimeMillis() - offset,
        currentTimeMillis: Effect.sync(() => clock.unsafeCurrentTimeMillis() - offset),
        unsafeCurrentTimeNanos: () => clock.unsafeCurrentTimeNanos() - BigInt(offset) * 1_000_000n,
        currentTimeNanos: Effect.sync(() => clock.unsafeCurrentTimeNanos() - BigInt(offset) * 1_000_000n),
        // Waiting stays real: only the reading of the time moves.
        sleep: (duration) => clock.sleep(duration),
      }
      return Effect.withClock(effect, shifted)
    })

/** The first working day on or after `date`. */
const workingDayFrom = (date: CivilDate.CivilDate): CivilDate.CivilDate =>
  CivilDate.isWorkingDay(date) ? date : workingDayFrom(CivilDate.addDays(date, 1))

/** The first day of the quarter `date` falls in. */
const quarterStart = (date: CivilDate.CivilDate): CivilDate.CivilDate => {
  const month = Number(date.slice(5, 7))
  const first = Math.floor((month - 1) / 3) * 3 + 1
  return `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01` as CivilDate.CivilDate
}

const attendance = (
  entries: ReadonlyArray<readonly [keyof typeof institutions, Attendance.Presence, Attendance.RepresentedBy?]>,
) =>
  entries.map(([name, presence, representedBy]) => ({
    institution: institutions[name].id,
    presence,
    ...(representedBy === undefined ? {} : { representedBy }),
  }))

export const seedMeetings = (
  mechanismId: Id.MechanismId,
  cases: DemoCases,
): Effect.Effect<DemoMeetings, Errors.DomainError, Requirements> =>
  Effect.gen(function* () {
    const { meetings, actionItems } = yield* MeetingService.MeetingService
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const today = yield* JurisdictionProfile.today
    const as = (name: PersonName) => Effect.provideService(Principal.CurrentPrincipal, principal(name, mechanismId))
    const at10 = (date: CivilDate.CivilDate) => Deadline.fromLocal({ date, millisOfDay: 10 * hour }, profile.timezone)
    // The 15th of the middle month of a quarter (or the next working day).
    const midQuarter = (quartersBack: number) =>
      at10(workingDayFrom(CivilDate.addDays(CivilDate.addMonths(quarterStart(today), 1 - 3 * quartersBack), 14)))
    // The next regular meeting: a fortnight ahead.
    const nextDay = workingDayFrom(CivilDate.addDays(today, 14))

    /** A regular meeting scheduled two weeks ahead of `startsAt`, then held. */
    const holdRegular = (
      startsAt: Date,
      present: Parameters<typeof attendance>[0],
    ): Effect.Effect<{ readonly id: Id.MeetingId; readonly version: number }, Errors.DomainError, Requirements> =>
      Effect.gen(function* () {
        const scheduled = yield* meetings
          .schedule({
            mechanismId,
            kind: "regular",
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * hour),
            place,
          })
          .pipe(as("coordinator"), asOf(new Date(startsAt.getTime() - 14 * day)))
        const held = yield* meetings
          .hold({
            meetingId: scheduled.id,
            expectedVersion: scheduled.version,
            attendance: attendance(present),
          })
          .pipe(as("coordinator"), asOf(new Date(startsAt.getTime() + 2 * hour)))
        return { id: held.id, version: held.version }
      })

    /** The minutes drafted the afternoon of the meeting and approved a week later. */
    const minute = (
      meeting: { readonly id: Id.MeetingId; readonly version: number },
      startsAt: Date,
      body: string,
    ): Effect.Effect<void, Errors.DomainError, Requirements> =>
      Effect.gen(function* () {
        const drafted = yield* meetings
          .draftMinutes({
            meetingId: meeting.id,
            expectedVersion: meeting.version,
            body,
          })
          .pipe(as("coordinator"), asOf(new Date(startsAt.getTime() + 5 * hour)))
        yield* meetings
          .approveMinutes({ meetingId: drafted.id, expectedVersion: drafted.version })
          .pipe(as("coordinator"), asOf(new Date(startsAt.getTime() + 7 * day)))
      })

    // 1. Two quarters back: the referral pathway.
    const firstStart = midQuarter(2)
    const first = yield* holdRegular(firstStart, [
      ["municipality", "present", "representative"],
      ["police", "present", "representative"],
      ["socialWork", "present", "deputy"],
      ["health", "present", "representative"],
      ["shelter", "present", "representative"],
      ["victimAdvocacy", "present", "representative"],
      ["education", "excused"],
      ["legalAid", "absent"],
    ])
    const afterFirst = asOf(new Date(firstStart.getTime() + 3 * hour))
    yield* meetings
      .recordDecision({
        meetingId: first.id,
        text: "The referral pathway leaflet will be updated to show the shelter's intake hours and the legal aid office's address.",
      })
      .pipe(as("coordinator"), afterFirst)
    yield* meetings
      .recordDecision({
        meetingId: first.id,
        text: "Regular meetings will be held in the middle month of each quarter, at the municipal building.",
      })
      .pipe(as("coordinator"), afterFirst)
    const leaflet = yield* actionItems
      .add({
        meetingId: first.id,
        owner: institutions.socialWork.id,
        dueDate: CivilDate.addDays(CivilDate.ofInstant(firstStart, profile.timezone), 30),
        description: "Update the referral pathway leaflet and send it to every member institution.",
      })
      .pipe(as("coordinator"), afterFirst)
    yield* minute(
      first,
      firstStart,
      [
        "Regular meeting of the mechanism. The coordinator opened the meeting and read the confidentiality statement.",
        "Six member institutions were present; the school excused itself; legal aid was absent. The quorum was met.",
        "The members reviewed how referrals move between the police, the centre for social work and the shelter, and agreed to update the pathway leaflet.",
        "Open cases were reviewed by reference only; no new concerns were raised.",
        "Decisions and action items are recorded with the meeting.",
      ].join("\n\n"),
    )
    yield* actionItems
      .close({
        actionItemId: leaflet.id,
        expectedVersion: leaflet.version,
        status: "done",
      })
      .pipe(as("caseManager"), asOf(new Date(firstStart.getTime() + 21 * day)))

    // 2. Last quarter: the high-risk case and screening at the health centre.
    const secondStart = midQuarter(1)
    const second = yield* holdRegular(secondStart, [
      ["municipality", "present", "representative"],
      ["police", "present", "representative"],
      ["socialWork", "present", "representative"],
      ["health", "present", "deputy"],
      ["shelter", "present", "representative"],
      ["victimAdvocacy", "present", "substitute"],
      ["education", "excused"],
      ["legalAid", "present", "representative"],
    ])
    const afterSecond = asOf(new Date(secondStart.getTime() + 3 * hour))
    yield* meetings
      .recordDecision({
        meetingId: second.id,
        text: "The case stays under review at every meeting while the protection order is in force.",
        caseId: cases.highRisk.caseId,
      })
      .pipe(as("coordinator"), afterSecond)
    yield* meetings
      .recordDecision({
        meetingId: second.id,
        text: "Health centre staff will be trained on the screening questions before the next meeting.",
      })
      .pipe(as("coordinator"), afterSecond)
    const caseLinked = yield* actionItems
      .add({
        meetingId: second.id,
        owner: institutions.police.id,
        dueDate: nextDay,
        link: { _tag: "case", caseId: cases.highRisk.caseId },
        description: "Confirm that the protection order was served and report back at the next meeting.",
      })
      .pipe(as("coordinator"), afterSecond)
    const overdue = yield* actionItems
      .add({
        meetingId: second.id,
        owner: institutions.health.id,
        dueDate: CivilDate.addDays(CivilDate.ofInstant(secondStart, profile.timezone), 14),
        description: "Hold a training session on the screening questions for the health centre staff.",
      })
      .pipe(as("coordinator"), afterSecond)
    yield* minute(
      second,
      secondStart,
      [
        "Regular meeting of the mechanism. The coordinator opened the meeting and read the confidentiality statement.",
        "Seven member institutions were present; the school excused itself. The quorum was met.",
        "The action item from the previous meeting was reported done: the updated pathway leaflet was sent to every member.",
        "The high-risk case was reviewed by reference; the police will confirm that the protection order was served.",
        "The health centre asked for training on the screening questions; the members agreed.",
      ].join("\n\n"),
    )

    // 3. The next regular meeting.
    const nextStart = at10(nextDay)
    const upcoming = yield* meetings
      .schedule({
        mechanismId,
        kind: "regular",
        startsAt: nextStart,
        endsAt: new Date(nextStart.getTime() + 2 * hour),
        place,
      })
      .pipe(as("coordinator"))

    // 4. The shelter asks for an ad hoc meeting; not scheduled yet.
    const request = yield* meetings
      .requestAdHoc({
        mechanismId,
        reason: "A shared case needs its safety plan reviewed before the next regular meeting.",
        urgency: "standard",
      })
      .pipe(as("shelterWorker"))

    return {
      held: [first.id, second.id],
      upcoming: { meetingId: upcoming.id, version: upcoming.version },
      request: { meetingId: request.id, version: request.version },
      actionItems: {
        done: leaflet.id,
        caseLinked: { actionItemId: caseLinked.id, version: caseLinked.version },
        overdue: { actionItemId: overdue.id, version: overdue.version },
      },
    } as const
  })
