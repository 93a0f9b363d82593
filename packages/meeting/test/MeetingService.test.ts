// The use cases on SQLite and PostgreSQL: each command writes its row, its
// outbox event (and for minutes its audit entry) in one transaction; every
// refusal names its rule and writes nothing.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import ICAL from "ical.js"
import { ActionItemService, type Attendance, MeetingService, OverdueReferrals, SchedulingDeadline } from "../src/index"
import { counts, databases, payloads, services, topics } from "./support/Databases"
import { coordinator, healthRepresentative, ids, outsider, policeRepresentative, present } from "./support/Fixtures"

const as =
  (principal: Principal.Principal) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.provideService(effect, Principal.CurrentPrincipal, principal)
const asCoordinator = as(coordinator)
const asPolice = as(policeRepresentative)
const setNow = (iso: string) => TestClock.setTime(Date.parse(iso))

/** Runs a command that must be refused; checks that no table changed and returns the error. */
const refused = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const before = yield* counts
    const error = yield* Effect.flip(effect)
    expect(yield* counts).toEqual(before)
    return error
  })

const scheduleRegular = (startsAt: string, mechanismId: Id.MechanismId = ids.mechanism, hours = 2) =>
  asCoordinator(
    MeetingService.schedule({
      mechanismId,
      kind: "regular",
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + hours * 3_600_000),
      place: "Municipal hall, room 3",
    }),
  )

/** A regular meeting scheduled, held with the given attendance, and its minutes drafted. */
const drafted = (startsAt: string, attendance: ReadonlyArray<Attendance.Attendance>) =>
  Effect.gen(function* () {
    yield* setNow("2026-03-01T08:00:00Z")
    let meeting = yield* scheduleRegular(startsAt)
    yield* TestClock.setTime(Date.parse(startsAt) + 600_000)
    meeting = yield* asCoordinator(
      MeetingService.hold({ meetingId: meeting.id, expectedVersion: meeting.version, attendance }),
    )
    return yield* asCoordinator(
      MeetingService.draftMinutes({ meetingId: meeting.id, expectedVersion: meeting.version, body: "Minutes" }),
    )
  })

const parseFeed = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue("uid")),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    status: String(vevent.getFirstPropertyValue("status")),
    summary: String(vevent.getFirstPropertyValue("summary")),
  }))

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: MeetingService`, () => {
    layer(services(db))((it) => {
      it.effect("takes an ad hoc request through to amended minutes, one event per command", () =>
        Effect.gen(function* () {
          const reason = "Escalation in case GJL-2026-0042: Vjosa K. was threatened again"
          yield* setNow("2026-03-10T14:00:00Z")
          let meeting = yield* asPolice(
            MeetingService.requestAdHoc({ mechanismId: ids.mechanism, reason, urgency: "urgent" }),
          )
          expect(meeting).toMatchObject({ status: "requested", kind: "ad-hoc", version: 1 })
          expect(meeting.request?.deadline.toISOString()).toBe("2026-03-12T23:00:00.000Z")
          expect(meeting.request?.institution).toBe(ids.police)
          expect(yield* asPolice(MeetingService.overdueRequests(ids.mechanism))).toEqual([])

          // Nobody scheduled it in two days: it is overdue.
          yield* setNow("2026-03-13T08:00:00Z")
          const overdue = yield* asPolice(MeetingService.overdueRequests(ids.mechanism))
          expect(overdue.map((m) => m.id)).toEqual([meeting.id])

          meeting = yield* asCoordinator(
            MeetingService.scheduleRequested({
              meetingId: meeting.id,
              expectedVersion: 1,
              startsAt: "2026-03-20T09:00:00Z",
              endsAt: "2026-03-20T11:00:00Z",
              place: "Municipal hall, room 3",
            }),
          )
          expect(SchedulingDeadline.timeliness(meeting, new Date())).toBe("scheduled-late")
          meeting = yield* asCoordinator(
            MeetingService.reschedule({
              meetingId: meeting.id,
              expectedVersion: 2,
              startsAt: new Date("2026-03-20T10:00:00Z"),
              endsAt: new Date("2026-03-20T12:00:00Z"),
              place: "Municipal hall, room 3",
            }),
          )
          expect(meeting.sequence).toBe(1)

          yield* setNow("2026-03-20T10:05:00Z")
          meeting = yield* asCoordinator(
            MeetingService.hold({
              meetingId: meeting.id,
              expectedVersion: 3,
              attendance: [
                ...present(ids.municipality, ids.police, ids.socialWork),
                { institution: ids.shelter, presence: "excused" },
              ],
            }),
          )
          const decision = yield* asCoordinator(
            MeetingService.recordDecision({ meetingId: meeting.id, text: "Refer to the shelter", caseId: ids.caseB }),
          )
          const item = yield* asCoordinator(
            ActionItemService.add({
              meetingId: meeting.id,
              owner: ids.police,
              dueDate: "2026-03-27",
              link: { _tag: "case", caseId: ids.caseB },
              description: "Serve the protection order on the alleged perpetrator",
            }),
          )
          meeting = yield* asCoordinator(
            MeetingService.draftMinutes({ meetingId: meeting.id, expectedVersion: 4, body: "Draft one" }),
          )
          meeting = yield* asCoordinator(
            MeetingService.draftMinutes({ meetingId: meeting.id, expectedVersion: 5, body: "Draft two" }),
          )
          yield* setNow("2026-03-23T09:00:00Z")
          meeting = yield* asCoordinator(MeetingService.approveMinutes({ meetingId: meeting.id, expectedVersion: 6 }))
          meeting = yield* asCoordinator(
            MeetingService.amendMinutes({
              meetingId: meeting.id,
              expectedVersion: 7,
              reason: "Wrong due date",
              text: "The protection order is to be served by 27 March.",
            }),
          )
          expect(meeting.status).toBe("minutes-approved")

          const minutes = Option.getOrThrow(yield* asPolice(MeetingService.minutes(meeting.id)))
          expect(minutes.body).toBe("Draft two")
          expect(minutes.revision).toBe(2)
          expect(minutes.amendments.map((a) => [a.author, a.reason])).toEqual([
            [ids.coordinatorPrincipal, "Wrong due date"],
          ])
          expect((yield* asPolice(MeetingService.decisions(meeting.id))).map((d) => d.id)).toEqual([decision.id])

          const closed = yield* asPolice(
            ActionItemService.close({ actionItemId: item.id, expectedVersion: 1, status: "done" }),
          )
          expect(closed).toMatchObject({ status: "done", closedBy: ids.policePrincipal, version: 2 })

          expect(yield* topics).toEqual([
            "meeting.request.created",
            "meeting.meeting.scheduled",
            "meeting.meeting.rescheduled",
            "meeting.meeting.held",
            "meeting.decision.recorded",
            "meeting.action-item.created",
            "meeting.minutes.drafted",
            "meeting.minutes.drafted",
            "meeting.minutes.approved",
            "meeting.minutes.amended",
            "meeting.action-item.updated",
          ])
          // No free text, and so no name, ever reaches the outbox.
          for (const payload of yield* payloads) {
            for (const text of ["Vjosa", "Escalation", "Draft", "shelter", "protection order", "Wrong"])
              expect(payload).not.toContain(text)
          }
          const held = JSON.parse((yield* payloads)[3]!)
          expect(held).toEqual({
            meetingId: meeting.id,
            mechanismId: ids.mechanism,
            present: 3,
            members: 5,
            quorumMet: true,
          })

          // Minutes writes (2 drafts, approval, amendment) and reads of sealed text (the overdue
          // request's reason, the minutes, the decision about case B) are audited.
          const log = yield* AuditLog.AuditLog
          const verdict = yield* log.verify
          expect(verdict).toMatchObject({ ok: true, entries: 7 })
          expect((yield* log.forCase(ids.caseB)).map((entry) => [entry.principalId, entry.action])).toEqual([
            [ids.policePrincipal, "read"],
          ])

          const feed = parseFeed(yield* asPolice(MeetingService.calendar(ids.mechanism, "en")))
          expect(feed).toEqual([
            {
              uid: `${meeting.id}@bashke`,
              sequence: 1,
              status: "CONFIRMED",
              summary: "Ad hoc meeting of the coordination mechanism",
            },
          ])
        }),
      )

      it.effect("refuses bad input with the rule's key and writes nothing", () =>
        Effect.gen(function* () {
          yield* setNow("2026-03-10T14:00:00Z")
          // A non-member requesting a meeting.
          expect(
            yield* refused(
              as(outsider)(
                MeetingService.requestAdHoc({ mechanismId: ids.mechanism, reason: "Please", urgency: "standard" }),
              ),
            ),
          ).toEqual(new Errors.Forbidden({ action: "meeting.request", rule: "meeting.request.not-a-member" }))
          // An unknown mechanism.
          expect(
            yield* refused(
              asPolice(
                MeetingService.requestAdHoc({ mechanismId: ids.otherMechanism, reason: "Please", urgency: "standard" }),
              ),
            ),
          ).toEqual(new Errors.NotFound({ entity: "Mechanism", id: ids.otherMechanism }))
          // A blank reason.
          expect(
            yield* refused(
              asPolice(MeetingService.requestAdHoc({ mechanismId: ids.mechanism, reason: "  ", urgency: "urgent" })),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "reason", rule: "meeting.reason.invalid" }))
          // Scheduling in the past.
          expect(yield* refused(scheduleRegular("2026-03-09T09:00:00Z"))).toEqual(
            new Errors.InvalidInput({ field: "startsAt", rule: "meeting.schedule.in-past" }),
          )
          // Scheduling by someone who is not the coordinator.
          expect(
            yield* refused(
              asPolice(
                MeetingService.schedule({
                  mechanismId: ids.mechanism,
                  kind: "regular",
                  startsAt: "2026-04-09T09:00:00Z",
                  endsAt: "2026-04-09T10:00:00Z",
                  place: "Hall",
                }),
              ),
            ),
          ).toMatchObject({ _tag: "Forbidden", rule: "meeting.coordinator.required" })

          const meeting = yield* scheduleRegular("2026-03-20T09:00:00Z")
          yield* setNow("2026-03-20T09:10:00Z")
          // An unknown member in the attendance.
          expect(
            yield* refused(
              asCoordinator(
                MeetingService.hold({
                  meetingId: meeting.id,
                  expectedVersion: 1,
                  attendance: present(ids.police, ids.outsider),
                }),
              ),
            ),
          ).toEqual(
            new Errors.InvalidInput({ field: "attendance.1.institution", rule: "meeting.attendance.unknown-member" }),
          )
          // A present institution without its representative.
          expect(
            yield* refused(
              asCoordinator(
                MeetingService.hold({
                  meetingId: meeting.id,
                  expectedVersion: 1,
                  attendance: [{ institution: ids.police, presence: "present" }],
                }),
              ),
            ),
          ).toEqual(
            new Errors.InvalidInput({
              field: "attendance.0.representedBy",
              rule: "meeting.attendance.representative-required",
            }),
          )
          // A stale version.
          expect(
            yield* refused(
              asCoordinator(
                MeetingService.hold({ meetingId: meeting.id, expectedVersion: 5, attendance: present(ids.police) }),
              ),
            ),
          ).toMatchObject({ _tag: "Conflict", rule: "version.stale", expectedVersion: 5, actualVersion: 1 })
        }),
      )

      it.effect("refuses to approve minutes without quorum, and to edit approved minutes", () =>
        Effect.gen(function* () {
          // Two of five members present: "more-than-half" needs three.
          const thin = yield* drafted("2026-03-20T09:00:00Z", [
            ...present(ids.municipality, ids.police),
            { institution: ids.health, presence: "absent" },
          ])
          expect(
            yield* refused(
              asCoordinator(MeetingService.approveMinutes({ meetingId: thin.id, expectedVersion: thin.version })),
            ),
          ).toEqual(new Errors.Conflict({ entity: "Meeting", id: thin.id, rule: "meeting.minutes.quorum-required" }))

          // With a corrected attendance the quorum is met.
          const corrected = yield* asCoordinator(
            MeetingService.recordAttendance({
              meetingId: thin.id,
              expectedVersion: thin.version,
              attendance: present(ids.municipality, ids.police, ids.health),
            }),
          )
          const approved = yield* asCoordinator(
            MeetingService.approveMinutes({ meetingId: thin.id, expectedVersion: corrected.version }),
          )
          const locked = new Errors.Conflict({ entity: "Meeting", id: thin.id, rule: "meeting.minutes.locked" })
          expect(
            yield* refused(
              asCoordinator(
                MeetingService.draftMinutes({ meetingId: thin.id, expectedVersion: approved.version, body: "Changed" }),
              ),
            ),
          ).toEqual(locked)
          expect(
            yield* refused(
              asCoordinator(
                MeetingService.recordAttendance({
                  meetingId: thin.id,
                  expectedVersion: approved.version,
                  attendance: present(ids.police),
                }),
              ),
            ),
          ).toEqual(locked)
          expect(
            yield* refused(asCoordinator(MeetingService.recordDecision({ meetingId: thin.id, text: "Late decision" }))),
          ).toEqual(locked)
          expect(
            yield* refused(
              asCoordinator(
                ActionItemService.add({
                  meetingId: thin.id,
                  owner: ids.police,
                  dueDate: "2026-04-01",
                  description: "Late",
                }),
              ),
            ),
          ).toEqual(locked)
          // Only the coordinator amends.
          expect(
            yield* refused(
              asPolice(
                MeetingService.amendMinutes({
                  meetingId: thin.id,
                  expectedVersion: approved.version,
                  reason: "R",
                  text: "T",
                }),
              ),
            ),
          ).toMatchObject({ _tag: "Forbidden", rule: "meeting.coordinator.required" })
          expect(Option.getOrThrow(yield* asPolice(MeetingService.minutes(thin.id))).body).toBe("Minutes")
        }),
      )

      it.effect("checks action items: owner a member, not due before the meeting, closed by owner or coordinator", () =>
        Effect.gen(function* () {
          const meeting = yield* drafted("2026-04-20T09:00:00Z", present(ids.municipality, ids.police, ids.health))
          expect(
            yield* refused(
              asCoordinator(
                ActionItemService.add({
                  meetingId: meeting.id,
                  owner: ids.outsider,
                  dueDate: "2026-05-01",
                  description: "X",
                }),
              ),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "owner", rule: "meeting.action-item.owner-not-a-member" }))
          expect(
            yield* refused(
              asCoordinator(
                ActionItemService.add({
                  meetingId: meeting.id,
                  owner: ids.police,
                  dueDate: "2026-04-19",
                  description: "X",
                }),
              ),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "dueDate", rule: "meeting.action-item.due-in-past" }))
          expect(
            yield* refused(
              asCoordinator(
                ActionItemService.add({
                  meetingId: meeting.id,
                  owner: ids.police,
                  dueDate: "2026-02-30",
                  description: "X",
                }),
              ),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "dueDate", rule: "civil-date.malformed" }))
          const item = yield* asCoordinator(
            ActionItemService.add({
              meetingId: meeting.id,
              owner: ids.health,
              dueDate: "2026-05-01",
              description: "Check-up",
            }),
          )
          expect(
            yield* refused(
              asPolice(ActionItemService.close({ actionItemId: item.id, expectedVersion: 1, status: "done" })),
            ),
          ).toMatchObject({ _tag: "Forbidden", rule: "meeting.action-item.owner-required" })
          expect(
            yield* refused(
              asCoordinator(ActionItemService.close({ actionItemId: item.id, expectedVersion: 1, status: "not-done" })),
            ),
          ).toEqual(new Errors.InvalidInput({ field: "reason", rule: "meeting.action-item.reason-required" }))
          const closed = yield* asCoordinator(
            ActionItemService.close({
              actionItemId: item.id,
              expectedVersion: 1,
              status: "not-done",
              reason: "circumstances-changed",
            }),
          )
          expect(closed).toMatchObject({ status: "not-done", notDoneReason: "circumstances-changed" })
          expect(
            yield* refused(
              asCoordinator(ActionItemService.close({ actionItemId: item.id, expectedVersion: 2, status: "done" })),
            ),
          ).toEqual(new Errors.InvalidTransition({ entity: "ActionItem", from: "not-done", command: "complete" }))
        }),
      )

      it.effect("builds the next meeting's agenda from data: carried-over items, case reviews, notices", () =>
        Effect.gen(function* () {
          const first = yield* drafted("2026-05-12T09:00:00Z", present(ids.municipality, ids.police, ids.health))
          yield* asCoordinator(
            ActionItemService.add({
              meetingId: first.id,
              owner: ids.police,
              dueDate: "2026-05-20",
              link: { _tag: "case", caseId: ids.caseA },
              description: "Visit",
            }),
          )
          yield* asCoordinator(
            ActionItemService.add({
              meetingId: first.id,
              owner: ids.health,
              dueDate: "2026-07-01",
              description: "Report",
            }),
          )
          yield* setNow("2026-05-13T08:00:00Z")
          const next = yield* scheduleRegular("2026-06-10T09:00:00Z")
          const agenda = yield* asPolice(MeetingService.agenda(next.id))
          expect(agenda.items.map((item) => item._tag)).toEqual([
            "ConfidentialityStatement",
            "ActionItemReview",
            "ActionItemReview",
            "CaseReview",
            "CaseReview",
            "CaseReview",
            "OtherBusiness",
          ])
          const [, overdue, notYet] = agenda.items
          expect(overdue).toMatchObject({
            _tag: "ActionItemReview",
            owner: ids.police,
            dueDate: "2026-05-20",
            overdue: true,
          })
          expect(notYet).toMatchObject({ owner: ids.health, overdue: false })
          expect(agenda.items[4]).toMatchObject({ _tag: "CaseReview", reference: "GJL-2025-0007", openActions: 1 })
          // A request has no date, hence no agenda.
          const request = yield* asPolice(
            MeetingService.requestAdHoc({ mechanismId: ids.mechanism, reason: "Urgent case", urgency: "urgent" }),
          )
          expect(yield* Effect.flip(asPolice(MeetingService.agenda(request.id)))).toEqual(
            new Errors.InvalidTransition({ entity: "Meeting", from: "requested", command: "agenda" }),
          )
          expect(yield* Effect.flip(as(outsider)(MeetingService.agenda(next.id)))).toMatchObject({
            _tag: "Forbidden",
            rule: "meeting.member.required",
          })
          // The mechanism's overdue referrals, from the port, follow the overdue action item.
          const referral = {
            referralId: "01JR0000000000000000000001" as Id.ReferralId,
            caseId: ids.caseA,
            caseReference: "GJL-2025-0007",
            to: ids.shelter,
            service: "01JS0000000000000000000001" as Id.ServiceId,
            step: "acknowledge" as const,
            due: new Date("2026-05-30T10:00:00Z"),
          }
          const withReferral = yield* asPolice(MeetingService.agenda(next.id)).pipe(
            Effect.provide(
              OverdueReferrals.layerTest([
                { mechanismId: ids.mechanism, referrals: [referral] },
                { mechanismId: ids.otherMechanism, referrals: [{ ...referral, step: "decide" }] },
              ]),
            ),
          )
          expect(withReferral.items.map((item) => item._tag)).toEqual([
            "ConfidentialityStatement",
            "ActionItemReview",
            "OverdueReferral",
            "ActionItemReview",
            "CaseReview",
            "CaseReview",
            "CaseReview",
            "OtherBusiness",
          ])
          expect(withReferral.items[2]).toEqual({
            _tag: "OverdueReferral",
            referralId: referral.referralId,
            caseId: ids.caseA,
            reference: "GJL-2025-0007",
            to: ids.shelter,
            service: referral.service,
            step: "acknowledge",
            due: referral.due,
          })
        }),
      )

      it.effect("keeps case data from a member that did not sign, and audits every read of sealed text", () =>
        Effect.gen(function* () {
          const asHealth = as(healthRepresentative)
          const first = yield* drafted("2026-05-12T09:00:00Z", present(ids.municipality, ids.police, ids.health))
          const aboutCase = yield* asCoordinator(
            MeetingService.recordDecision({ meetingId: first.id, text: "Refer to the shelter", caseId: ids.caseA }),
          )
          const general = yield* asCoordinator(
            MeetingService.recordDecision({ meetingId: first.id, text: "Adopt the annual report" }),
          )
          const caseItem = yield* asCoordinator(
            ActionItemService.add({
              meetingId: first.id,
              owner: ids.police,
              dueDate: "2026-05-20",
              link: { _tag: "case", caseId: ids.caseA },
              description: "Visit the family",
            }),
          )
          const generalItem = yield* asCoordinator(
            ActionItemService.add({
              meetingId: first.id,
              owner: ids.health,
              dueDate: "2026-07-01",
              description: "Report",
            }),
          )
          yield* setNow("2026-05-13T08:00:00Z")
          const next = yield* scheduleRegular("2026-06-10T09:00:00Z")
          const log = yield* AuditLog.AuditLog
          // How many entries the chain holds (it must verify).
          const entries = Effect.map(log.verify, (verdict) => (verdict.ok ? verdict.entries : Number.NaN))
          const before = yield* entries

          // The health centre is a member, not a signatory: nothing that names a case.
          const caseAReads = (yield* log.forCase(ids.caseA)).length
          const agenda = yield* asHealth(MeetingService.agenda(next.id))
          const tags = agenda.items.map((item) => item._tag)
          for (const tag of ["CaseReview", "AnniversaryNotice", "OverdueReferral"]) expect(tags).not.toContain(tag)
          const reviewed = agenda.items.flatMap((item) => (item._tag === "ActionItemReview" ? [item] : []))
          expect(reviewed.map((item) => item.actionItemId)).toContain(generalItem.id)
          expect(reviewed.filter((item) => item.link?._tag === "case")).toEqual([])
          expect((yield* asHealth(MeetingService.decisions(first.id))).map((d) => d.id)).toEqual([general.id])
          const open = yield* asHealth(ActionItemService.open(ids.mechanism))
          expect(open.map((i) => i.id)).toContain(generalItem.id)
          expect(open.filter((i) => i.link?._tag === "case")).toEqual([])
          expect((yield* asHealth(ActionItemService.byMeeting(first.id))).map((i) => i.id)).toEqual([generalItem.id])
          // Its reads of sealed text (decisions, open items, the meeting's items) touched no case:
          // one entry each, naming the mechanism only.
          expect((yield* entries) - before).toBe(3)
          expect(yield* log.forCase(ids.caseA)).toHaveLength(caseAReads)

          // A signatory (the police) sees everything, and its reads of case-linked text are recorded for the case.
          const full = yield* asPolice(MeetingService.decisions(first.id))
          expect(full.map((d) => d.id).sort()).toEqual([aboutCase.id, general.id].sort())
          const policeOpen = (yield* asPolice(ActionItemService.open(ids.mechanism))).map((i) => i.id)
          expect(policeOpen).toEqual(expect.arrayContaining([caseItem.id, generalItem.id]))
          const policeAgenda = yield* asPolice(MeetingService.agenda(next.id))
          expect(policeAgenda.items.filter((item) => item._tag === "CaseReview")).toHaveLength(3)
          expect(
            (yield* log.forCase(ids.caseA))
              .slice(caseAReads)
              .map((entry) => [entry.principalId, entry.action, entry.purpose]),
          ).toEqual([
            [ids.policePrincipal, "read", "case-conference"],
            [ids.policePrincipal, "read", "case-conference"],
          ])

          // Reading a request's reason (sealed free text) is audited; a meeting without one is not.
          const request = yield* asPolice(
            MeetingService.requestAdHoc({
              mechanismId: ids.mechanism,
              reason: "Discuss a new case",
              urgency: "urgent",
            }),
          )
          const counted = yield* entries
          yield* asHealth(MeetingService.find(next.id))
          expect(yield* entries).toBe(counted)
          yield* asHealth(MeetingService.find(request.id))
          yield* asHealth(MeetingService.list(ids.mechanism))
          expect(yield* entries).toBe(counted + 2)
        }),
      )

      it.effect("reports cadence compliance and publishes cancellations in the calendar", () =>
        Effect.gen(function* () {
          // A bi-monthly mechanism: six regular meetings a year.
          yield* setNow("2026-01-02T08:00:00Z")
          const february = yield* scheduleRegular("2026-02-10T09:00:00Z", ids.bimonthly)
          yield* setNow("2026-02-10T09:10:00Z")
          yield* asCoordinator(
            MeetingService.hold({ meetingId: february.id, expectedVersion: 1, attendance: present(ids.police) }),
          )
          const april = yield* scheduleRegular("2026-04-14T08:00:00Z", ids.bimonthly)
          yield* setNow("2026-04-14T08:30:00Z")
          yield* asCoordinator(
            MeetingService.hold({ meetingId: april.id, expectedVersion: 1, attendance: present(ids.police) }),
          )
          const august = yield* scheduleRegular("2026-08-10T09:00:00Z", ids.bimonthly)
          const cancelled = yield* asCoordinator(
            MeetingService.cancel({ meetingId: august.id, expectedVersion: 1, reason: "Summer leave" }),
          )
          expect(cancelled).toMatchObject({ status: "cancelled", sequence: 1 })
          expect(
            yield* refused(
              asCoordinator(MeetingService.cancel({ meetingId: august.id, expectedVersion: 2, reason: "Again" })),
            ),
          ).toEqual(new Errors.InvalidTransition({ entity: "Meeting", from: "cancelled", command: "cancel" }))

          const feed = parseFeed(yield* asPolice(MeetingService.calendar(ids.bimonthly, "sq")))
          expect(feed.map((event) => [event.uid, event.sequence, event.status])).toEqual([
            [`${february.id}@bashke`, 0, "CONFIRMED"],
            [`${april.id}@bashke`, 0, "CONFIRMED"],
            [`${august.id}@bashke`, 1, "CANCELLED"],
          ])
          expect(feed[0]?.summary).toBe("Takim i rregullt i mekanizmit koordinues")

          yield* setNow("2026-12-31T12:00:00Z")
          expect(yield* asPolice(MeetingService.compliance(ids.bimonthly, 2026))).toEqual({
            year: 2026,
            required: 6,
            held: 2,
            shortfall: 4,
            compliant: false,
            // December is still running.
            monthsWithout: [1, 3, 5, 6, 7, 8, 9, 10, 11],
          })
          expect(yield* Effect.flip(as(outsider)(MeetingService.compliance(ids.bimonthly, 2026)))).toMatchObject({
            _tag: "Forbidden",
            rule: "meeting.member.required",
          })
        }),
      )
    })
  })
}
