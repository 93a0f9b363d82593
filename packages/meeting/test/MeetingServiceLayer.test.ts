// The package's service (`MeetingService.layerSql`) and the scheduler's
// (`MeetingRounds.layerSql`) on SQLite and PostgreSQL, built over the ports
// alone: the repositories are provided inside their layers, so the context
// here holds none. The use cases answer as the module functions do; the reads
// for other packages (`history`) carry ids, dates and statuses only; every
// method asks its caller for the principal and nothing else.
import { Id, Principal } from "@bashke/kernel"
import { AuditLog, Vault } from "@bashke/security"
import { describe, expect, expectTypeOf, layer } from "@effect/vitest"
import { Effect, Layer, Option, TestClock } from "effect"
import {
  CaseAccess,
  CaseSummaries,
  MechanismRoster,
  MeetingRounds,
  MeetingService,
  OverdueReferrals,
} from "../src/index"
import { databases } from "./support/Databases"
import { bimonthlyRoster, cases, coordinator, ids, present, roster } from "./support/Fixtures"

const asCoordinator = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provideService(effect, Principal.CurrentPrincipal, coordinator)

const built = (db: (typeof databases)[number]) =>
  Layer.merge(MeetingService.layerSql, MeetingRounds.layerSql).pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        AuditLog.layer,
        MechanismRoster.layerTest([roster, bimonthlyRoster]),
        CaseSummaries.layerTest([{ mechanismId: ids.mechanism, cases }]),
        OverdueReferrals.layerTest([]),
        CaseAccess.layerTest(new Map()),
      ),
    ),
    Layer.provideMerge(Layer.mergeAll(db.layer, Vault.layerTest, Id.layer)),
  )

// Each method of each group asks its caller only for the principal (or nothing).
type Asks<F> = F extends (...args: ReadonlyArray<never>) => Effect.Effect<unknown, unknown, infer R>
  ? R
  : F extends Effect.Effect<unknown, unknown, infer R>
    ? R
    : never
type AllAsked = {
  [G in keyof MeetingService.Service]: Asks<MeetingService.Service[G][keyof MeetingService.Service[G]]>
}[keyof MeetingService.Service]
expectTypeOf<AllAsked>().toEqualTypeOf<Principal.CurrentPrincipal>()

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: MeetingService as a service`, () => {
    layer(built(db))((it) => {
      it.effect("runs a meeting through the service and answers the reads other packages count on", () =>
        Effect.gen(function* () {
          const service = yield* MeetingService.MeetingService
          const rounds = yield* MeetingRounds.MeetingRounds
          yield* TestClock.setTime(Date.parse("2026-03-01T08:00:00Z"))
          let meeting = yield* asCoordinator(
            service.meetings.schedule({
              mechanismId: ids.mechanism,
              kind: "regular",
              startsAt: "2026-03-05T09:00:00Z",
              endsAt: "2026-03-05T11:00:00Z",
              place: "Municipal hall, room 3",
            }),
          )
          expect(yield* service.meetings.mechanismOf(meeting.id)).toEqual(Option.some(ids.mechanism))
          expect(yield* service.meetings.mechanismOf("01JM00000000000000000000ZZ" as Id.MeetingId)).toEqual(
            Option.none(),
          )
          // Scheduled, not held: no decision counts yet.
          expect(yield* service.history.caseDecisions(ids.mechanism)).toEqual([])

          yield* TestClock.setTime(Date.parse("2026-03-05T09:10:00Z"))
          meeting = yield* asCoordinator(
            service.meetings.hold({
              meetingId: meeting.id,
              expectedVersion: meeting.version,
              attendance: present(ids.municipality, ids.police, ids.socialWork, ids.shelter),
            }),
          )
          const decision = yield* asCoordinator(
            service.meetings.recordDecision({ meetingId: meeting.id, text: "Refer to the shelter", caseId: ids.caseB }),
          )
          yield* asCoordinator(service.meetings.recordDecision({ meetingId: meeting.id, text: "Next meeting in May" }))
          const item = yield* asCoordinator(
            service.actionItems.add({
              meetingId: meeting.id,
              owner: ids.police,
              dueDate: "2026-03-27",
              link: { _tag: "activity", activityId: ids.activity },
              description: "Train the duty officers",
            }),
          )
          expect(yield* service.actionItems.mechanismOf(item.id)).toBe(ids.mechanism)
          expect((yield* asCoordinator(service.actionItems.byMeeting(meeting.id))).map((each) => each.id)).toEqual([
            item.id,
          ])

          expect(yield* service.history.schedules(ids.mechanism)).toEqual([
            { id: meeting.id, kind: "regular", status: "held", schedule: meeting.schedule },
          ])
          expect(yield* service.history.caseDecisions(ids.mechanism)).toEqual([
            { caseId: ids.caseB, recordedAt: decision.recordedAt },
          ])
          expect(yield* service.history.activityItems([ids.activity])).toEqual([
            {
              actionItemId: item.id,
              meetingId: meeting.id,
              activityId: ids.activity,
              dueDate: "2026-03-27",
              status: "open",
            },
          ])
          expect(yield* service.history.activityItems([])).toEqual([])

          // The scheduler's round sees the minutes to circulate and the item to complete.
          const due = yield* rounds.due(ids.mechanism)
          expect(due.map((each) => each.kind).sort()).toEqual(["meeting.action-item", "meeting.minutes"])
          expect(due.find((each) => each.kind === "meeting.action-item")?.subject).toMatchObject({ id: item.id })
        }),
      )
    })
  })
}
