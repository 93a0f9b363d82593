// The ports the application joins between packages, with worked examples on
// SQLite and PostgreSQL: the meeting action items behind plan activities, and
// the three computed indicators counted from what the case, referral and
// meeting packages stored.
import { ActivityActionItems, IndicatorSources, type Period } from "@bashke/action-plan"
import { CaseService, CaseworkService, Dash } from "@bashke/case"
import { CivilDate, Id, JurisdictionProfile, Municipality, Principal } from "@bashke/kernel"
import {
  type ActionItem,
  ActionItemRepository,
  type Decision,
  type Meeting,
  MeetingLifecycle,
  MeetingRepository,
} from "@bashke/meeting"
import { type Referral, ReferralRepository } from "@bashke/referral"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Either } from "effect"
import { type Seeded, seed } from "../src/demo/Seed"
import { institutions, principal } from "../src/demo/World"
import type { GatewayServices } from "../src/Services"
import { databases, type Gateway, makeGateway, ulid } from "./support/Gateway"
import * as Repositories from "./support/Repositories"

const hour = 3_600_000
const day = 24 * hour
const t = (iso: string) => new Date(iso)

/** A clock stopped at `millis`: what runs on it happens then. */
const stoppedAt = (millis: number): Clock.Clock => ({
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: () => millis,
  currentTimeMillis: Effect.succeed(millis),
  unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
  currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
  sleep: () => Effect.void,
})
const at =
  (millis: number) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.withClock(effect, stoppedAt(millis))

const measure = (query: IndicatorSources.QueryName, mechanismId: string, period: Period.Period) =>
  Effect.flatMap(IndicatorSources.IndicatorSources, (sources) => sources.measure(query, mechanismId, period))

/** A regular meeting of `mechanismId` scheduled a week ahead and held at `startsAt`. */
const heldMeeting = (mechanismId: Id.MechanismId, startsAt: Date, kind: Meeting.Kind = "regular") =>
  Effect.gen(function* () {
    const repository = yield* MeetingRepository.MeetingRepository
    const scheduled = Either.getOrThrow(
      MeetingLifecycle.scheduled({
        id: yield* Id.MeetingId.generate,
        mechanismId,
        kind,
        schedule: { startsAt, endsAt: new Date(startsAt.getTime() + 2 * hour), place: "Salla e kuvendit" },
        at: new Date(startsAt.getTime() - 7 * day),
      }),
    )
    yield* repository.insert(scheduled)
    const held = Either.getOrThrow(
      MeetingLifecycle.transition(
        scheduled,
        MeetingLifecycle.Command.Hold({
          attendance: [
            { institution: institutions.municipality.id, presence: "present", representedBy: "representative" },
          ],
          at: new Date(startsAt.getTime() + 10 * 60_000),
        }),
      ),
    )
    return yield* repository.update(held, scheduled.version)
  })

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: ports`, () => {
    let gateway: Gateway
    let seeded: Seeded
    // Fixture rows are written through the packages' repositories, provided to the test only.
    const run = <A, E>(effect: Effect.Effect<A, E, GatewayServices | Repositories.Repositories>) =>
      gateway.runtime.runPromise(Repositories.provide(effect))

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await run(seed)
    })
    afterAll(() => gateway.close())

    it("ActivityActionItems: the action items linked to the activities asked for, ids and status only", async () => {
      const mechanismId = ulid(1) as Id.MechanismId
      const planned = ulid(2) as Id.ActivityId
      const other = ulid(3) as Id.ActivityId
      const unlinked = ulid(4) as Id.ActivityId
      const result = await run(
        Effect.gen(function* () {
          const meeting = yield* heldMeeting(mechanismId, t("2026-03-20T09:00:00Z"))
          const items = yield* ActionItemRepository.ActionItemRepository
          const item = (n: number, dueDate: string, link: ActionItem.Link | undefined): ActionItem.ActionItem => ({
            id: ulid(10 + n) as Id.ActionItemId,
            mechanismId,
            meetingId: meeting.id,
            decidedAt: t("2026-03-20T09:00:00Z"),
            owner: institutions.municipality.id,
            dueDate: dueDate as CivilDate.CivilDate,
            ...(link === undefined ? {} : { link }),
            description: "Ftesë për fushatën në shkolla",
            status: "open",
            version: 1,
            createdAt: t("2026-03-20T10:00:00Z"),
            updatedAt: t("2026-03-20T10:00:00Z"),
          })
          yield* items.insert(item(1, "2026-05-31", { _tag: "activity", activityId: planned }))
          yield* items.insert(item(2, "2026-04-15", { _tag: "activity", activityId: planned }))
          yield* items.insert(item(3, "2026-04-01", { _tag: "activity", activityId: other }))
          yield* items.insert(item(4, "2026-04-01", { _tag: "case", caseId: planned as unknown as Id.CaseId }))
          yield* items.insert(item(5, "2026-04-01", undefined))
          const port = yield* ActivityActionItems.ActivityActionItems
          return {
            meetingId: meeting.id,
            planned: yield* port.byActivities([planned]),
            both: yield* port.byActivities([planned, other, unlinked]),
            none: yield* port.byActivities([unlinked]),
          }
        }),
      )
      expect(result.planned).toEqual([
        {
          actionItemId: ulid(12),
          meetingId: result.meetingId,
          activityId: planned,
          dueDate: "2026-04-15",
          status: "open",
        },
        {
          actionItemId: ulid(11),
          meetingId: result.meetingId,
          activityId: planned,
          dueDate: "2026-05-31",
          status: "open",
        },
      ])
      expect(result.both.map((item) => item.actionItemId)).toEqual([ulid(13), ulid(12), ulid(11)])
      expect(result.none).toEqual([])
    })

    it("referrals-acknowledged-in-time: referrals sent in March, answered by their deadline", async () => {
      const mechanismId = ulid(20) as Id.MechanismId
      const service = ulid(21) as Id.ServiceId
      // A provider of its own: the demo's directory already lists the shelter.
      const provider = ulid(23) as Id.InstitutionId
      const actor = { principal: ulid(22) as Id.PrincipalId, institution: provider }
      const referral = (
        n: number,
        sent: string,
        urgency: Referral.Urgency,
        steps: ReadonlyArray<readonly [Referral.Status, string]>,
      ): Referral.Referral => {
        const history: Referral.Referral["history"] = [
          { status: "sent", at: t(sent), actor },
          ...steps.map(([status, stepAt]) => ({ status, at: t(stepAt), actor })),
        ]
        return {
          id: ulid(30 + n) as Id.ReferralId,
          mechanism: mechanismId,
          case: ulid(50 + n) as Id.CaseId,
          from: institutions.socialWork.id,
          to: provider,
          service,
          reason: "shelter-needed",
          urgency,
          basis: { _tag: "Consent", consent: ulid(70 + n) as Id.ConsentId },
          status: history[history.length - 1]?.status ?? "sent",
          history,
          version: history.length,
        }
      }
      const march: Period.Period = { start: "2026-03-01", end: "2026-03-31" }
      const ratios = await run(
        Effect.gen(function* () {
          const repository = yield* ReferralRepository.ReferralRepository
          yield* repository.insertOrganization({ institution: provider, name: "Strehimorja" })
          yield* repository.insertService({
            id: service,
            institution: provider,
            name: "Strehim",
            type: "shelter",
            municipality: Municipality.MunicipalityCode.make("GJI"),
            languages: ["sq"],
            locations: [],
            active: true,
          })
          for (const each of [
            referral(1, "2026-03-02T09:00:00Z", "standard", [["acknowledged", "2026-03-02T15:00:00Z"]]),
            referral(2, "2026-03-05T09:00:00Z", "high", [["acknowledged", "2026-03-05T14:00:00Z"]]),
            referral(3, "2026-03-10T09:00:00Z", "standard", [["accepted", "2026-03-11T08:00:00Z"]]),
            referral(4, "2026-03-12T09:00:00Z", "standard", []),
            referral(5, "2026-03-20T09:00:00Z", "standard", [["cancelled", "2026-03-20T12:00:00Z"]]),
            referral(6, "2026-02-27T09:00:00Z", "standard", [["acknowledged", "2026-02-27T10:00:00Z"]]),
            referral(7, "2026-03-31T21:30:00Z", "standard", [["acknowledged", "2026-04-01T08:00:00Z"]]),
            referral(8, "2026-03-31T22:30:00Z", "standard", [["acknowledged", "2026-04-01T08:00:00Z"]]),
          ])
            yield* repository.insert(each)
          return {
            // 1, 3 and 7 in time; 2 and 4 late; 5 withdrawn in time; 6 and 8 not sent in March (local time).
            april: yield* measure("referrals-acknowledged-in-time", mechanismId, march).pipe(
              at(Date.parse("2026-04-10T00:00:00Z")),
            ),
            onTwelfth: yield* measure("referrals-acknowledged-in-time", mechanismId, {
              start: "2026-03-01",
              end: "2026-03-12",
            }).pipe(at(Date.parse("2026-03-12T10:00:00Z"))),
          }
        }),
      )
      expect(ratios.april).toEqual({ numerator: 3, denominator: 5 })
      // From 1 to 12 March, seen at 10:00 on the 12th: referral 4, waiting but within its 24 hours, is not counted yet.
      expect(ratios.onTwelfth).toEqual({ numerator: 2, denominator: 3 })
    })

    it("meetings-held-vs-required: the regular meetings held in the period against the cadence", async () => {
      // No mechanism of that id: the profile's minimum cadence (four a year) applies.
      const mechanismId = ulid(80) as Id.MechanismId
      const ratios = await run(
        Effect.gen(function* () {
          yield* heldMeeting(mechanismId, t("2025-02-10T09:00:00Z"))
          yield* heldMeeting(mechanismId, t("2025-05-12T09:00:00Z"))
          yield* heldMeeting(mechanismId, t("2025-07-01T09:00:00Z"), "ad-hoc")
          yield* heldMeeting(mechanismId, t("2025-11-03T09:00:00Z"))
          const profile = yield* JurisdictionProfile.CurrentJurisdiction
          const now = at(Date.parse("2026-02-01T00:00:00Z"))
          return {
            minimum: profile.meetings.minimumPerYear.value,
            year: yield* measure("meetings-held-vs-required", mechanismId, {
              start: "2025-01-01",
              end: "2025-12-31",
            }).pipe(now),
            secondQuarter: yield* measure("meetings-held-vs-required", mechanismId, {
              start: "2025-04-01",
              end: "2025-06-30",
            }).pipe(now),
            thirdQuarter: yield* measure("meetings-held-vs-required", mechanismId, {
              start: "2025-07-01",
              end: "2025-09-30",
            }).pipe(now),
          }
        }),
      )
      expect(ratios.minimum).toBe(4)
      expect(ratios.year).toEqual({ numerator: 3, denominator: 4 })
      expect(ratios.secondQuarter).toEqual({ numerator: 1, denominator: 1 })
      // July's meeting was ad hoc: it answers a request, it is not the cadence.
      expect(ratios.thirdQuarter).toEqual({ numerator: 0, denominator: 1 })
    })

    it("high-risk-cases-reviewed-within-30-days: by a recorded review or a meeting's decision on the case", async () => {
      const mechanismId = seeded.mechanismId
      const base = Math.floor((Date.now() - 90 * day) / day) * day + 9 * hour
      const answers = (yes: number) =>
        Object.fromEntries(Dash.questionIds.map((question, i) => [question, i < yes ? "yes" : "no"] as const))
      const ratio = await run(
        Effect.gen(function* () {
          const cases = yield* CaseService.CaseService
          const openCase = (opened: number, yes: number, reviewedAfterDays: number | undefined) =>
            Effect.gen(function* () {
              const aCase = yield* cases
                .openCase({
                  mechanismId,
                  municipality: "GJI",
                  persons: [{ role: "victim", sex: "female", birthYear: 1990 }],
                })
                .pipe(at(opened))
              yield* cases
                .assessRisk({
                  caseId: aCase.id,
                  instrument: { id: Dash.id, version: 1 },
                  answers: answers(yes),
                  expectedVersion: aCase.version,
                })
                .pipe(at(opened + hour))
              if (reviewedAfterDays !== undefined)
                yield* Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
                  casework.reviews.record({
                    caseId: aCase.id,
                    expectedVersion: aCase.version + 1,
                    wishesHeard: "through-representative",
                    wishes: "Her advocate says she wants the children to stay at their school.",
                    outcomes: ["continue-monitoring"],
                  }),
                ).pipe(at(opened + reviewedAfterDays * day))
              return aCase.id
            }).pipe(Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", mechanismId)))
          yield* openCase(base, 24, 10) // reviewed after 10 days: in time
          yield* openCase(base + day, 24, 40) // reviewed after 40 days: late
          const decided = yield* openCase(base + 2 * day, 24, undefined) // a meeting decided on it after 20 days
          yield* openCase(base + 3 * day, 11, 5) // medium risk: not counted
          yield* openCase(base + 30 * day, 24, 1) // opened after the period: not counted
          const meeting = yield* heldMeeting(mechanismId, new Date(base + 22 * day))
          yield* (yield* MeetingRepository.MeetingRepository).insertDecision({
            id: ulid(90) as Decision.DecisionId,
            meetingId: meeting.id,
            mechanismId,
            text: "Rasti shqyrtohet sërish pas një muaji.",
            caseId: decided,
            recordedAt: new Date(base + 22 * day + hour),
            recordedBy: ulid(91) as Id.PrincipalId,
          })
          const profile = yield* JurisdictionProfile.CurrentJurisdiction
          const first = CivilDate.ofInstant(new Date(base), profile.timezone)
          return yield* measure("high-risk-cases-reviewed-within-30-days", mechanismId, {
            start: first,
            end: CivilDate.addDays(first, 5),
          })
        }),
      )
      expect(ratio).toEqual({ numerator: 2, denominator: 3 })
    })
  })
}
