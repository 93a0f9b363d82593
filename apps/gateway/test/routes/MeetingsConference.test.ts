// Issue 16's meeting rules through the API, over the seeded demo, on SQLite
// and PostgreSQL: case reviews only for cases meeting the conference criteria
// whose consent allows a conference; the coordinator's agenda edits; an ad hoc
// request answered with its scheduling deadline, and a schedule past it
// refused; minutes due within the profile's working days, locked once
// approved; decisions owned by member institutions with due dates. Every
// refusal is a problem naming the field and changes nothing.
import { Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { MeetingService, MinutesCirculation, SchedulingDeadline } from "@bashke/meeting"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Clock, Effect } from "effect"
import type { DemoCases } from "../../src/demo/CasesDemo"
import type { DemoMeetings } from "../../src/demo/MeetingsDemo"
import { seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const hour = 3_600_000
const place = "Municipal building, meeting room 2"
const { kosovo } = JurisdictionProfile

const inHours = (hours: number) => new Date(Date.now() + hours * hour).toISOString()

/** Runs `effect` on a clock set back by `millis`. */
const earlier =
  (millis: number) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Clock.clockWith((base) =>
      Effect.withClock(effect, {
        [Clock.ClockTypeId]: Clock.ClockTypeId,
        unsafeCurrentTimeMillis: () => base.unsafeCurrentTimeMillis() - millis,
        currentTimeMillis: Effect.map(base.currentTimeMillis, (now) => now - millis),
        unsafeCurrentTimeNanos: () => base.unsafeCurrentTimeNanos() - BigInt(millis) * 1_000_000n,
        currentTimeNanos: Effect.map(base.currentTimeNanos, (now) => now - BigInt(millis) * 1_000_000n),
        sleep: (duration) => base.sleep(duration),
      }),
    )

const everyonePresent = Object.values(institutions).map((institution) => ({
  institution: institution.id,
  presence: "present",
  representedBy: "representative",
}))

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: meetings for issue 16`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    let demo: DemoMeetings
    let cases: DemoCases
    const tokens = new Map<PersonName, string>()
    const token = (name: PersonName) => tokens.get(name) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      const seeded = await gateway.runtime.runPromise(seed)
      mechanismId = seeded.mechanismId
      demo = seeded.meetings as DemoMeetings
      cases = seeded.cases as DemoCases
      for (const name of ["coordinator", "policeOfficer", "caseManager", "shelterWorker", "teacher"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, mechanismId)))
    })
    afterAll(() => gateway.close())

    const call = (
      method: string,
      path: string,
      who: PersonName,
      options: { readonly body?: unknown; readonly ifMatch?: string; readonly locale?: string } = {},
    ) =>
      gateway.request(method, path, {
        token: token(who),
        ...(options.body === undefined ? {} : { body: options.body }),
        ...(options.ifMatch === undefined ? {} : { ifMatch: options.ifMatch }),
        ...(options.locale === undefined ? {} : { headers: { "accept-language": options.locale } }),
      })

    const read = async (meetingId: string) => {
      const response = await call("GET", `/v1/meetings/${meetingId}`, "coordinator")
      return { meeting: await response.json(), etag: response.headers.get("etag") ?? "" }
    }

    const rows = (table: string) =>
      gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT count(*) AS n FROM ${sql(table)}`).pipe(
          Effect.map((found) => Number((found[0] as { n: number | string }).n)),
          Effect.orDie,
        ),
      )

    /** A meeting that started an hour ago (scheduled two weeks earlier). */
    const started = () =>
      gateway.runtime.runPromise(
        Effect.flatMap(MeetingService.MeetingService, (service) =>
          service.meetings.schedule({
            mechanismId,
            kind: "regular",
            startsAt: new Date(Date.now() - hour),
            endsAt: new Date(Date.now() + hour),
            place,
          }),
        ).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("coordinator", mechanismId)),
          earlier(14 * 24 * hour),
        ),
      )

    describe("the agenda", () => {
      it("reviews only the cases that meet the conference criteria and whose consent allows a conference", async () => {
        const response = await call("GET", `/v1/meetings/${demo.upcoming.meetingId}/agenda`, "policeOfficer")
        expect(response.status).toBe(200)
        const agenda = await response.json()
        const reviews = agenda.items.filter((item: { _tag: string }) => item._tag === "CaseReview")
        // The high-risk case (high risk, professional judgement; consent to a conference) is reviewed;
        // the medium-risk case (no grounds, no such consent) and the standard-risk one are not.
        expect(reviews.map((review: { caseId: string }) => review.caseId)).toEqual([cases.highRisk.caseId])
        expect(reviews[0].reasons).toContain("high-risk")
        // Nor in a notice (an overdue referral of theirs may still be raised: that is about the referral).
        const aboutCases = JSON.stringify(
          agenda.items.filter((item: { _tag: string }) => ["CaseReview", "AnniversaryNotice"].includes(item._tag)),
        )
        expect(aboutCases).not.toContain(cases.standardRisk.caseId)
        expect(aboutCases).not.toContain(cases.mediumRisk.caseId)
        expect(leaked(JSON.stringify(agenda))).toEqual([])
      })

      it("drops a case from the agenda once the consent allowing a conference is withdrawn", async () => {
        const path = `/v1/cases/${cases.highRisk.caseId}`
        const read = await call("GET", path, "caseManager")
        const aCase = await read.json()
        const conference = aCase.consents.find((consent: { purposes: ReadonlyArray<string> }) =>
          consent.purposes.includes("case-conference"),
        )
        // A second meeting, later, so the demo's agenda of the upcoming one is what the test above read.
        const later = await call("POST", `/v1/mechanisms/${mechanismId}/meetings`, "coordinator", {
          body: { kind: "regular", startsAt: inHours(24 * 50), endsAt: inHours(24 * 50 + 2), place },
        })
        const laterId = (await later.json()).id
        const before = await (await call("GET", `/v1/meetings/${laterId}/agenda`, "coordinator")).json()
        expect(before.items.some((item: { _tag: string }) => item._tag === "CaseReview")).toBe(true)
        const withdrawn = await call("POST", `${path}/consents/${conference.id}/withdrawal`, "caseManager", {
          body: {},
          ifMatch: read.headers.get("etag") ?? "",
        })
        expect(withdrawn.status).toBe(200)
        const after = await (await call("GET", `/v1/meetings/${laterId}/agenda`, "coordinator")).json()
        expect(after.items.some((item: { _tag: string }) => item._tag === "CaseReview")).toBe(false)
        expect(after.items.some((item: { _tag: string }) => item._tag === "AnniversaryNotice")).toBe(false)
      })

      it("lets the coordinator add topics and leave items out; members read the edited agenda", async () => {
        const meetingId = demo.upcoming.meetingId
        const built = await (await call("GET", `/v1/meetings/${meetingId}/agenda`, "coordinator")).json()
        const overdueItem = built.items.find(
          (item: { _tag: string; overdue?: boolean }) => item._tag === "ActionItemReview" && item.overdue,
        )
        const { etag } = await read(meetingId)
        const edited = await call("PUT", `/v1/meetings/${meetingId}/agenda`, "coordinator", {
          body: {
            topics: [
              { section: "other-business", title: "The new referral protocol" },
              { section: "action-items", title: "Training for school staff" },
            ],
            omitted: [`action-item:${overdueItem.actionItemId}`],
          },
          ifMatch: etag,
        })
        expect(edited.status).toBe(200)
        expect(edited.headers.get("etag")).toBe(`"${Number(etag.replaceAll('"', "")) + 1}"`)
        const agenda = await (await call("GET", `/v1/meetings/${meetingId}/agenda`, "teacher")).json()
        const titles = agenda.items.map((item: { _tag: string; title?: string }) => item.title ?? item._tag)
        expect(titles.at(-1)).toBe("The new referral protocol")
        expect(titles.at(-2)).toBe("OtherBusiness")
        expect(titles).toContain("Training for school staff")
        expect(agenda.omitted).toEqual([`action-item:${overdueItem.actionItemId}`])
        expect(
          agenda.items.some((item: { actionItemId?: string }) => item.actionItemId === overdueItem.actionItemId),
        ).toBe(false)
        // Topics keep their ids when sent back.
        const topics = agenda.items.filter((item: { _tag: string }) => item._tag === "Topic")
        const again = await call("PUT", `/v1/meetings/${meetingId}/agenda`, "coordinator", {
          body: {
            topics: topics.map((topic: { topicId: string; section: string; title: string }) => ({
              id: topic.topicId,
              section: topic.section,
              title: topic.title,
            })),
            omitted: [],
          },
          ifMatch: edited.headers.get("etag") ?? "",
        })
        expect(again.status).toBe(200)
        const restored = await (await call("GET", `/v1/meetings/${meetingId}/agenda`, "coordinator")).json()
        expect(
          restored.items
            .filter((item: { _tag: string }) => item._tag === "Topic")
            .map((t: { topicId: string }) => t.topicId),
        ).toEqual(topics.map((t: { topicId: string }) => t.topicId))
        expect(restored.omitted).toBeUndefined()
      })

      it("refuses an edit naming the field, from anyone but the coordinator, or once the meeting is held; nothing changes", async () => {
        const meetingId = demo.upcoming.meetingId
        const { meeting, etag } = await read(meetingId)
        const edits = (await rows("meeting_agenda_edits")) as number
        const fixed = await call("PUT", `/v1/meetings/${meetingId}/agenda`, "coordinator", {
          body: { topics: [], omitted: ["confidentiality"] },
          ifMatch: etag,
          locale: "sr-Latn",
        })
        expect(fixed.status).toBe(422)
        const problem = await fixed.json()
        expect(problem).toMatchObject({ field: "omitted.0", rule: "meeting.agenda.item-fixed" })
        expect(problem.detail).toBe("Izjava o poverljivosti i ostala pitanja uvek ostaju na dnevnom redu.")
        const blank = await call("PUT", `/v1/meetings/${meetingId}/agenda`, "coordinator", {
          body: { topics: [{ section: "notices", title: " " }], omitted: [] },
          ifMatch: etag,
        })
        expect(blank.status).toBe(422)
        expect(await blank.json()).toMatchObject({ field: "topics.0.title", rule: "meeting.agenda.topic-invalid" })
        const stranger = await call("PUT", `/v1/meetings/${meetingId}/agenda`, "coordinator", {
          body: {
            topics: [{ id: Id.ulidAt(Date.now(), new Uint8Array(10)), section: "notices", title: "X" }],
            omitted: [],
          },
          ifMatch: etag,
        })
        expect(stranger.status).toBe(422)
        expect((await stranger.json()).rule).toBe("meeting.agenda.topic-unknown")
        const member = await call("PUT", `/v1/meetings/${meetingId}/agenda`, "policeOfficer", {
          body: { topics: [], omitted: [] },
          ifMatch: etag,
        })
        expect(member.status).toBe(403)
        expect((await read(meetingId)).meeting).toEqual(meeting)
        expect(await rows("meeting_agenda_edits")).toBe(edits)

        const heldId = (await started()).id
        await call("POST", `/v1/meetings/${heldId}/held`, "coordinator", {
          body: { attendance: everyonePresent },
          ifMatch: '"1"',
        })
        const late = await call("PUT", `/v1/meetings/${heldId}/agenda`, "coordinator", {
          body: { topics: [], omitted: [] },
          ifMatch: '"2"',
        })
        expect(late.status).toBe(409)
        expect((await late.json()).type).toBe("https://bashke.org/problems/invalid-transition")
      })
    })

    describe("ad hoc requests", () => {
      it("answers a member's request with the coordinator's scheduling deadline from the profile", async () => {
        const response = await call("POST", `/v1/mechanisms/${mechanismId}/meeting-requests`, "shelterWorker", {
          body: { reason: "A shared case needs its safety plan reviewed.", urgency: "urgent" },
        })
        expect(response.status).toBe(201)
        const meeting = await response.json()
        const requestedAt = new Date(meeting.request.requestedAt)
        expect(meeting.request.deadline).toBe(SchedulingDeadline.deadline(kosovo, requestedAt, "urgent").toISOString())
        // Two calendar days in the profile, ending at local midnight.
        expect(new Date(meeting.request.deadline).getTime() - requestedAt.getTime()).toBeGreaterThan(2 * 24 * hour)
        expect(new Date(meeting.request.deadline).getTime() - requestedAt.getTime()).toBeLessThanOrEqual(3 * 24 * hour)
        expect(meeting.institutionNames[institutions.shelter.id].en).toBe(institutions.shelter.name.en)
      })

      it("refuses a schedule past the deadline, naming startsAt and changing nothing; schedules within it", async () => {
        const requested = await (
          await call("POST", `/v1/mechanisms/${mechanismId}/meeting-requests`, "policeOfficer", {
            body: { reason: "Escalation in a shared case.", urgency: "standard" },
          })
        ).json()
        const path = `/v1/meetings/${requested.id}/schedule`
        const tooLate = await call("POST", path, "coordinator", {
          body: { startsAt: inHours(24 * 10), endsAt: inHours(24 * 10 + 2), place },
          ifMatch: '"1"',
          locale: "en",
        })
        expect(tooLate.status).toBe(422)
        const problem = await tooLate.json()
        expect(problem).toMatchObject({ field: "startsAt", rule: "meeting.schedule.past-deadline" })
        expect(problem.detail).toBe("The requested meeting must take place within its scheduling deadline.")
        expect((await read(requested.id)).meeting).toMatchObject({ status: "requested", version: 1 })

        const inTime = await call("POST", path, "coordinator", {
          body: { startsAt: inHours(24 * 5), endsAt: inHours(24 * 5 + 2), place },
          ifMatch: '"1"',
        })
        expect(inTime.status).toBe(200)
        const scheduled = await inTime.json()
        expect(scheduled.status).toBe("scheduled")
        expect(
          SchedulingDeadline.timeliness(
            {
              ...scheduled,
              request: { ...scheduled.request, deadline: new Date(scheduled.request.deadline) },
              scheduledAt: new Date(scheduled.scheduledAt),
            },
            new Date(),
          ),
        ).toBe("scheduled-in-time")
        // Moving it past the deadline later is refused the same way.
        const moved = await call("PUT", path, "coordinator", {
          body: { startsAt: inHours(24 * 9), endsAt: inHours(24 * 9 + 2), place },
          ifMatch: '"2"',
        })
        expect(moved.status).toBe(422)
        expect((await moved.json()).field).toBe("startsAt")
      })
    })

    describe("minutes and decisions", () => {
      it("tracks the minutes' deadline from the profile, locks them once approved, then takes amendments only", async () => {
        const meetingId = (await started()).id
        const held = await call("POST", `/v1/meetings/${meetingId}/held`, "coordinator", {
          body: { attendance: everyonePresent },
          ifMatch: '"1"',
        })
        expect(held.status).toBe(200)
        const heldMeeting = await held.json()
        expect(heldMeeting.minutesDue).toBe(MinutesCirculation.due(new Date(heldMeeting.heldAt), kosovo).toISOString())
        expect(heldMeeting.minutesCirculatedAt).toBeUndefined()
        // Read back as every member reads the meeting.
        expect((await (await call("GET", `/v1/meetings/${meetingId}`, "teacher")).json()).minutesDue).toBe(
          heldMeeting.minutesDue,
        )

        const drafted = await call("PUT", `/v1/meetings/${meetingId}/minutes`, "coordinator", {
          body: { body: "The confidentiality statement was read. The referral pathway was discussed." },
          ifMatch: '"2"',
        })
        expect(drafted.status).toBe(200)
        const circulated = (await drafted.json()).minutesCirculatedAt
        expect(
          MinutesCirculation.timeliness(
            { minutesDue: new Date(heldMeeting.minutesDue), minutesCirculatedAt: new Date(circulated) },
            new Date(),
          ),
        ).toBe("circulated-in-time")
        const redrafted = await call("PUT", `/v1/meetings/${meetingId}/minutes`, "coordinator", {
          body: { body: "The confidentiality statement was read. The referral pathway was agreed." },
          ifMatch: '"3"',
        })
        expect((await redrafted.json()).minutesCirculatedAt).toBe(circulated)

        const approved = await call("POST", `/v1/meetings/${meetingId}/minutes/approval`, "coordinator", {
          ifMatch: '"4"',
        })
        expect(approved.status).toBe(200)
        expect((await approved.json()).status).toBe("minutes-approved")

        const amendmentsBefore = await rows("meeting_amendments")
        const edit = await call("PUT", `/v1/meetings/${meetingId}/minutes`, "coordinator", {
          body: { body: "Rewritten after approval." },
          ifMatch: '"5"',
          locale: "sq",
        })
        expect(edit.status).toBe(409)
        const problem = await edit.json()
        expect(problem.rule).toBe("meeting.minutes.locked")
        expect(problem.detail).toBe("Procesverbali është miratuar: ndryshohet vetëm me amendament.")
        const minutes = await (
          await gateway.request("POST", `/v1/meetings/${meetingId}/minutes/read`, {
            token: token("teacher"),
            idempotencyKey: "",
          })
        ).json()
        expect(minutes.body).toBe("The confidentiality statement was read. The referral pathway was agreed.")
        expect(await rows("meeting_amendments")).toBe(amendmentsBefore)

        const amended = await call("POST", `/v1/meetings/${meetingId}/minutes/amendments`, "coordinator", {
          body: { reason: "A correction", text: "The pathway was agreed unanimously." },
          ifMatch: '"5"',
        })
        expect(amended.status).toBe(201)
        expect(await rows("meeting_amendments")).toBe(amendmentsBefore + 1)
      })

      it("records decisions and action items owned by member institutions with due dates, named", async () => {
        const meetingId = (await started()).id
        await call("POST", `/v1/meetings/${meetingId}/held`, "coordinator", {
          body: { attendance: everyonePresent },
          ifMatch: '"1"',
        })
        const today = new Date().toISOString().slice(0, 10)
        const inAMonth = new Date(Date.now() + 30 * 24 * hour).toISOString().slice(0, 10)
        const decision = await call("POST", `/v1/meetings/${meetingId}/decisions`, "coordinator", {
          body: {
            text: "The police train school staff on referrals.",
            owner: institutions.police.id,
            dueDate: inAMonth,
          },
        })
        expect(decision.status).toBe(201)
        const recorded = await decision.json()
        expect(recorded).toMatchObject({ owner: institutions.police.id, dueDate: inAMonth })
        expect(recorded.institutionNames[institutions.police.id].sq).toBe(institutions.police.name.sq)
        const item = await call("POST", `/v1/meetings/${meetingId}/action-items`, "coordinator", {
          body: {
            owner: institutions.education.id,
            dueDate: inAMonth,
            description: "Name a contact person at each school.",
          },
        })
        expect(item.status).toBe(201)
        expect((await item.json()).institutionNames[institutions.education.id].en).toBe(institutions.education.name.en)

        const before = await rows("meeting_decisions")
        const stranger = await call("POST", `/v1/meetings/${meetingId}/decisions`, "coordinator", {
          body: { text: "Someone else does it.", owner: Id.ulidAt(Date.now(), new Uint8Array(10).fill(9)) },
        })
        expect(stranger.status).toBe(422)
        expect(await stranger.json()).toMatchObject({ field: "owner", rule: "meeting.decision.owner-not-a-member" })
        const ownerless = await call("POST", `/v1/meetings/${meetingId}/decisions`, "coordinator", {
          body: { text: "Due without an owner.", dueDate: inAMonth },
        })
        expect(await ownerless.json()).toMatchObject({
          field: "dueDate",
          rule: "meeting.decision.due-date-without-owner",
        })
        const past = await call("POST", `/v1/meetings/${meetingId}/decisions`, "coordinator", {
          body: { text: "Due yesterday.", owner: institutions.police.id, dueDate: "2020-01-01" },
        })
        expect(await past.json()).toMatchObject({ field: "dueDate", rule: "meeting.decision.due-in-past" })
        expect(await rows("meeting_decisions")).toBe(before)
        expect(today < inAMonth).toBe(true)

        const decisions = await (
          await gateway.request("POST", `/v1/meetings/${meetingId}/decisions/read`, {
            token: token("teacher"),
            idempotencyKey: "",
          })
        ).json()
        expect(decisions.items[0]).toMatchObject({ owner: institutions.police.id, dueDate: inAMonth })
        expect(decisions.items[0].institutionNames[institutions.police.id].en).toBe(institutions.police.name.en)
      })
    })
  })
}
