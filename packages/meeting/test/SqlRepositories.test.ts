// The SQL adapters on SQLite and PostgreSQL: round trips, optimistic
// concurrency, approved minutes never rewritten, free texts sealed at rest.
import { Errors, Id } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Either, Option } from "effect"
import {
  type ActionItem,
  ActionItemExtension,
  ActionItemLifecycle,
  ActionItemRepository,
  type Decision,
  type Meeting,
  MeetingLifecycle,
  MeetingRepository,
} from "../src/index"
import { databases, rawSql, services } from "./support/Databases"
import { ids, openItem, present } from "./support/Fixtures"

const { Command } = MeetingLifecycle
const by = ids.coordinatorPrincipal
const t = (iso: string) => new Date(iso)
const schedule: Meeting.Schedule = {
  startsAt: t("2026-03-20T09:00:00Z"),
  endsAt: t("2026-03-20T11:00:00Z"),
  place: "Municipal hall, room 3",
}
const meetings = Effect.map(MeetingRepository.MeetingRepository, (repository) => repository)
const actionItems = Effect.map(ActionItemRepository.ActionItemRepository, (repository) => repository)
const step = (meeting: Meeting.Meeting, command: MeetingLifecycle.Command) =>
  Either.getOrThrow(MeetingLifecycle.transition(meeting, command))

const newRequested = Effect.gen(function* () {
  return MeetingLifecycle.requested({
    id: yield* Id.MeetingId.generate,
    mechanismId: ids.mechanism,
    request: {
      institution: ids.police,
      principal: ids.policePrincipal,
      reason: "Escalation in case GJL-2026-0042: Vjosa K. was threatened again",
      urgency: "urgent",
      requestedAt: t("2026-03-10T14:00:00Z"),
      deadline: t("2026-03-12T23:00:00Z"),
      profileVersion: 1,
    },
  })
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: SqlMeetingRepository`, () => {
    layer(services(db))((it) => {
      it.effect("stores a meeting through its lifecycle and reads it back whole", () =>
        Effect.gen(function* () {
          const repository = yield* meetings
          let meeting = yield* newRequested
          yield* repository.insert(meeting)
          expect(yield* repository.find(meeting.id)).toEqual(meeting)
          const commands = [
            Command.Schedule({ schedule, at: t("2026-03-11T08:00:00Z") }),
            Command.Hold({
              attendance: [...present(ids.municipality, ids.police), { institution: ids.shelter, presence: "excused" }],
              at: t("2026-03-20T09:10:00Z"),
            }),
            Command.DraftMinutes({ body: "Minutes, draft 1", by, at: t("2026-03-20T12:00:00Z") }),
            Command.DraftMinutes({ body: "Minutes, draft 2", by, at: t("2026-03-21T12:00:00Z") }),
            Command.ApproveMinutes({ quorumMet: true, by, at: t("2026-03-23T10:00:00Z") }),
            Command.AmendMinutes({
              amendment: {
                id: yield* Id.make("AmendmentId").generate,
                author: by,
                reason: "Wrong date",
                text: "Item 3 is due on 30 April.",
                at: t("2026-03-25T10:00:00Z"),
              },
              at: t("2026-03-25T10:00:00Z"),
            }),
          ]
          for (const command of commands) {
            const next = step(meeting, command)
            const stored = yield* repository.update(next, meeting.version)
            expect(stored.version).toBe(meeting.version + 1)
            meeting = stored
            expect(yield* repository.find(meeting.id)).toEqual(meeting)
          }
          expect(meeting.status).toBe("minutes-approved")
          expect(meeting.minutes?.amendments).toHaveLength(1)
        }),
      )

      it.effect("refuses a stale version and changes nothing", () =>
        Effect.gen(function* () {
          const repository = yield* meetings
          const meeting = yield* newRequested
          yield* repository.insert(meeting)
          const scheduled = step(meeting, Command.Schedule({ schedule, at: t("2026-03-11T08:00:00Z") }))
          const error = yield* Effect.flip(repository.update(scheduled, 7))
          expect(error).toEqual(
            new Errors.Conflict({
              entity: "Meeting",
              id: meeting.id,
              rule: "version.stale",
              expectedVersion: 7,
              actualVersion: 1,
            }),
          )
          expect(yield* repository.find(meeting.id)).toEqual(meeting)
          const missing = yield* Effect.flip(repository.find("01JG00000000000000000000ZZ" as Id.MeetingId))
          expect(missing).toEqual(new Errors.NotFound({ entity: "Meeting", id: "01JG00000000000000000000ZZ" }))
        }),
      )

      it.effect("never rewrites approved minutes, even when asked to", () =>
        Effect.gen(function* () {
          const repository = yield* meetings
          let meeting = yield* newRequested
          yield* repository.insert(meeting)
          for (const command of [
            Command.Schedule({ schedule, at: t("2026-03-11T08:00:00Z") }),
            Command.Hold({ attendance: present(ids.municipality), at: t("2026-03-20T09:10:00Z") }),
            Command.DraftMinutes({ body: "The approved text", by, at: t("2026-03-20T12:00:00Z") }),
            Command.ApproveMinutes({ quorumMet: true, by, at: t("2026-03-23T10:00:00Z") }),
          ])
            meeting = yield* repository.update(step(meeting, command), meeting.version)
          // A buggy caller bypassing the lifecycle:
          const tampered: Meeting.Meeting = {
            ...meeting,
            minutes: { ...meeting.minutes!, body: "Quietly changed", revision: 9 },
          }
          yield* repository.update(tampered, meeting.version)
          expect((yield* repository.find(meeting.id)).minutes).toMatchObject({ body: "The approved text", revision: 1 })
        }),
      )

      it.effect("seals free texts at rest, bound to their record", () =>
        Effect.gen(function* () {
          const repository = yield* meetings
          const meeting = yield* newRequested
          yield* repository.insert(meeting)
          const sql = yield* rawSql
          const rows = yield* sql<{
            request_reason: string
          }>`SELECT request_reason FROM meeting_meetings WHERE id = ${meeting.id}`
          expect(rows[0]?.request_reason).toMatch(/^v1\./)
          expect(rows[0]?.request_reason).not.toContain("Vjosa")
          // Moved to another record, it no longer opens.
          const other = yield* newRequested
          yield* repository.insert(other)
          yield* sql`UPDATE meeting_meetings SET request_reason = ${rows[0]!.request_reason} WHERE id = ${other.id}`
          const exit = yield* Effect.exit(repository.find(other.id))
          expect(exit._tag).toBe("Failure")
        }),
      )

      it.effect("lists a mechanism's meetings by start and finds the previous held meeting", () =>
        Effect.gen(function* () {
          const repository = yield* meetings
          const make = (startsAt: string, held: boolean) =>
            Effect.gen(function* () {
              const start = t(startsAt)
              let meeting = Either.getOrThrow(
                MeetingLifecycle.scheduled({
                  id: yield* Id.MeetingId.generate,
                  mechanismId: ids.otherMechanism,
                  kind: "regular",
                  schedule: { startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), place: "Hall" },
                  at: t("2020-01-01T00:00:00Z"),
                }),
              )
              yield* repository.insert(meeting)
              if (held) {
                meeting = yield* repository.update(
                  step(meeting, Command.Hold({ attendance: present(ids.police), at: start })),
                  meeting.version,
                )
              }
              return meeting
            })
          const may = yield* make("2025-05-20T08:00:00Z", true)
          const february = yield* make("2025-02-12T09:00:00Z", true)
          const september = yield* make("2025-09-10T08:00:00Z", false)
          const listed = yield* repository.list(ids.otherMechanism)
          expect(listed.map((m) => m.id)).toEqual([february.id, may.id, september.id])
          expect(listed[1]?.attendance).toEqual(present(ids.police))
          expect(listed.every((m) => !("minutes" in m))).toBe(true)
          const range = yield* repository.list(ids.otherMechanism, {
            from: t("2025-03-01T00:00:00Z"),
            to: t("2025-09-10T08:00:00Z"),
          })
          expect(range.map((m) => m.id)).toEqual([may.id])
          expect(yield* repository.previousHeldStart(ids.otherMechanism, september.schedule!.startsAt)).toEqual(
            Option.some(may.schedule!.startsAt),
          )
          expect(yield* repository.previousHeldStart(ids.otherMechanism, february.schedule!.startsAt)).toEqual(
            Option.none(),
          )
        }),
      )

      it.effect("stores decisions, text sealed", () =>
        Effect.gen(function* () {
          const repository = yield* meetings
          const meeting = yield* newRequested
          yield* repository.insert(meeting)
          const decision: Decision.Decision = {
            id: yield* Id.make("DecisionId").generate,
            meetingId: meeting.id,
            mechanismId: meeting.mechanismId,
            text: "The shelter keeps the placement for 30 more days.",
            caseId: ids.caseB,
            recordedAt: t("2026-03-20T10:30:00Z"),
            recordedBy: by,
          }
          yield* repository.insertDecision(decision)
          expect(yield* repository.decisions(meeting.id)).toEqual([decision])
        }),
      )
    })
  })

  describe.skipIf(db.skip)(`${db.name}: SqlActionItemRepository`, () => {
    layer(services(db))((it) => {
      it.effect("stores, finds, lists open items, and closes one with optimistic concurrency", () =>
        Effect.gen(function* () {
          const repository = yield* actionItems
          const meeting = yield* newRequested
          yield* (yield* meetings).insert(meeting)
          const first = openItem({ id: yield* Id.ActionItemId.generate, meetingId: meeting.id })
          const second = openItem({
            id: yield* Id.ActionItemId.generate,
            meetingId: meeting.id,
            dueDate: "2026-01-20" as ActionItem.DueDate,
            link: { _tag: "activity", activityId: ids.activity },
          })
          const third = openItem({ id: yield* Id.ActionItemId.generate, meetingId: meeting.id })
          const { link: _link, ...withoutLink } = third
          yield* repository.insert(first)
          yield* repository.insert(second)
          yield* repository.insert(withoutLink)
          expect(yield* repository.find(first.id)).toEqual(first)
          expect(yield* repository.find(withoutLink.id)).toEqual(withoutLink)
          expect((yield* repository.open(ids.mechanism)).map((item) => item.id)).toEqual([
            second.id,
            first.id,
            third.id,
          ])
          const closed = Either.getOrThrow(
            ActionItemLifecycle.transition(
              second,
              ActionItemLifecycle.Command.MarkNotDone({
                reason: "circumstances-changed",
                by,
                at: t("2026-02-01T10:00:00Z"),
              }),
            ),
          )
          const stored = yield* repository.update(closed, 1)
          expect(stored.version).toBe(2)
          expect(yield* repository.find(second.id)).toEqual(stored)
          expect(yield* Effect.flip(repository.update(closed, 1))).toMatchObject({
            _tag: "Conflict",
            rule: "version.stale",
          })
          expect((yield* repository.open(ids.mechanism)).map((item) => item.id)).toEqual([first.id, third.id])
          expect((yield* repository.byMeeting(meeting.id)).map((item) => item.id)).toEqual([
            first.id,
            second.id,
            third.id,
          ])
          const sql = yield* rawSql
          const rows = yield* sql<{
            description: string
          }>`SELECT description FROM meeting_action_items WHERE id = ${first.id}`
          expect(rows[0]?.description).not.toContain("family")
        }),
      )

      it.effect("finds the items linked to plan activities, whatever their status, by due date", () =>
        Effect.gen(function* () {
          const repository = yield* actionItems
          const meeting = yield* newRequested
          yield* (yield* meetings).insert(meeting)
          // Activities of their own: the test above linked an item to `ids.activity`.
          const activity = "01JT0000000000000000000011" as Id.ActivityId
          const otherActivity = "01JT0000000000000000000012" as Id.ActivityId
          const unlinkedActivity = "01JT0000000000000000000013" as Id.ActivityId
          const item = (dueDate: string, link: ActionItem.Link | undefined) =>
            Effect.map(Id.ActionItemId.generate, (id) => {
              const { link: _link, ...rest } = openItem({
                id,
                meetingId: meeting.id,
                dueDate: dueDate as ActionItem.DueDate,
              })
              return link === undefined ? rest : { ...rest, link }
            })
          const late = yield* item("2026-04-30", { _tag: "activity", activityId: activity })
          const early = yield* item("2026-02-15", { _tag: "activity", activityId: otherActivity })
          const done = yield* item("2026-03-01", { _tag: "activity", activityId: activity })
          // A case link whose id happens to equal an activity id is not an activity link.
          const caseLinked = yield* item("2026-02-01", { _tag: "case", caseId: activity as unknown as Id.CaseId })
          const unlinked = yield* item("2026-02-02", undefined)
          for (const each of [late, early, done, caseLinked, unlinked]) yield* repository.insert(each)
          const closed = Either.getOrThrow(
            ActionItemLifecycle.transition(
              done,
              ActionItemLifecycle.Command.Complete({ by, at: t("2026-02-20T10:00:00Z") }),
            ),
          )
          const stored = yield* repository.update(closed, 1)

          expect(yield* repository.byActivities([activity])).toEqual([stored, late])
          expect((yield* repository.byActivities([activity, otherActivity, activity])).map((i) => i.id)).toEqual([
            early.id,
            done.id,
            late.id,
          ])
          expect(yield* repository.byActivities([unlinkedActivity])).toEqual([])
          expect(yield* repository.byActivities([])).toEqual([])
        }),
      )

      it.effect("pages a case's items by id, and reads the extensions of several items at once", () =>
        Effect.gen(function* () {
          const repository = yield* actionItems
          const meeting = yield* newRequested
          yield* (yield* meetings).insert(meeting)
          const caseId = "01JT0000000000000000000021" as Id.CaseId
          const otherCase = "01JT0000000000000000000022" as Id.CaseId
          const item = (link: ActionItem.Link) =>
            Effect.map(Id.ActionItemId.generate, (id) => ({
              ...openItem({ id, meetingId: meeting.id, dueDate: "2026-04-01" as ActionItem.DueDate }),
              link,
            }))
          const first = yield* item({ _tag: "case", caseId })
          const other = yield* item({ _tag: "case", caseId: otherCase })
          // An activity link whose id equals the case's is not a case link.
          const activity = yield* item({ _tag: "activity", activityId: caseId as unknown as Id.ActivityId })
          const second = yield* item({ _tag: "case", caseId })
          const third = yield* item({ _tag: "case", caseId })
          for (const each of [first, other, activity, second, third]) yield* repository.insert(each)

          expect(yield* repository.byCase(caseId, { limit: 10, after: undefined })).toEqual([first, second, third])
          expect((yield* repository.byCase(caseId, { limit: 1, after: first.id })).map((each) => each.id)).toEqual([
            second.id,
          ])
          expect(yield* repository.byCase(caseId, { limit: 10, after: third.id })).toEqual([])

          const extension = (of: ActionItem.ActionItem, previous: string, next: string) =>
            Effect.map(ActionItemExtension.ExtensionId.generate, (id) => ({
              id,
              actionItemId: of.id,
              previousDueDate: previous as ActionItem.DueDate,
              dueDate: next as ActionItem.DueDate,
              reason: "The family moved; Arta's school needs a new visit.",
              extendedBy: by,
              institution: ids.police,
              extendedAt: t("2026-03-25T10:00:00Z"),
            }))
          const once = yield* extension(first, "2026-04-01", "2026-04-15")
          const again = yield* extension(first, "2026-04-15", "2026-05-01")
          const elsewhere = yield* extension(other, "2026-04-01", "2026-06-01")
          for (const each of [once, elsewhere, again]) yield* repository.recordExtension(each)

          expect(yield* repository.extensionsOf([first.id, second.id])).toEqual([once, again])
          expect((yield* repository.extensionsOf([first.id, other.id, first.id])).map((e) => e.id)).toEqual([
            once.id,
            again.id,
            elsewhere.id,
          ])
          expect(yield* repository.extensionsOf([])).toEqual([])
          const sql = yield* rawSql
          const rows = yield* sql<{ reason: string }>`SELECT reason FROM meeting_action_item_extensions`
          expect(JSON.stringify(rows)).not.toContain("Arta")
        }),
      )
    })
  })
}
