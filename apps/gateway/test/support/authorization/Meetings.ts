// The meeting routes: the mechanism's people read its meetings, agendas,
// minutes, decisions, action items and calendar and request ad hoc meetings;
// the coordinator runs the meetings; an action item is closed by its owner or
// the coordinator; the national coordinator sees cadence compliance only.
// Everyone else — an administrator, an auditor, a worker whose token names
// another mechanism — is refused.
//
// A command that can succeed once gets a meeting in the state it needs, set up
// by the coordinator (a meeting to hold is scheduled on a clock set back, since
// the rules refuse to schedule in the past), so each caller meets the same
// state and only the policy differs.
import { type Id, Principal } from "@bashke/kernel"
import { MeetingService } from "@bashke/meeting"
import { Effect } from "effect"
import { institutions, principal } from "../../../src/demo/World"
import {
  day,
  earlier,
  get,
  hidden,
  inHours,
  members,
  ok,
  type Request,
  reusable,
  type Scenario,
  setUp,
  statuses,
  type World,
} from "./Matrix"

const hour = 3_600_000
const place = "Municipal building, meeting room 2"

const demo = (world: World) => {
  const found = world.seeded.meetings
  if (found === undefined) throw new Error("the demo seeds meetings")
  return found
}
const meeting = (id: string) => `/v1/meetings/${id}`
const inMechanism = (world: World, rest: string) => `/v1/mechanisms/${world.mechanismId}/${rest}`

/** The mechanism's people, every institution a member. */
const readers = statuses(403, members(200))
const coordinator = (status: number) => statuses(403, { coordinator: status })

/** Every member present: the quorum is met. */
const everyonePresent = Object.values(institutions).map((institution) => ({
  institution: institution.id,
  presence: "present",
  representedBy: "representative",
}))

const statusOf = async (world: World, meetingId: string): Promise<string> =>
  (await setUp(world, "coordinator", "GET", meeting(meetingId))).body.status

const whileStatus =
  (...wanted: ReadonlyArray<string>) =>
  async (world: World, meetingId: string) =>
    wanted.includes(await statusOf(world, meetingId))

/** A regular meeting that started an hour ago, scheduled two weeks before that. */
const startedMeeting = async (world: World): Promise<string> => {
  const startsAt = new Date(Date.now() - hour)
  const scheduled = await world.gateway.runtime.runPromise(
    Effect.flatMap(MeetingService.MeetingService, (service) =>
      service.meetings.schedule({
        mechanismId: world.mechanismId,
        kind: "ad-hoc",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * hour),
        place,
      }),
    ).pipe(
      Effect.provideService(Principal.CurrentPrincipal, principal("coordinator", world.mechanismId)),
      earlier(14 * 24 * hour),
    ),
  )
  return scheduled.id
}

/** A meeting that started and is not yet held. */
const toHold = reusable(startedMeeting, whileStatus("scheduled"))

/** A meeting held just now, its minutes not yet approved. */
const held = reusable(async (world: World) => {
  const id = await startedMeeting(world)
  await setUp(world, "coordinator", "POST", `${meeting(id)}/held`, {
    body: { attendance: everyonePresent },
    ifMatch: '"1"',
  })
  return id
}, whileStatus("held"))

/** A held meeting with drafted minutes, waiting for approval. */
const drafted = reusable(async (world: World) => {
  const id = await held(world)
  const read = await setUp(world, "coordinator", "GET", meeting(id))
  await setUp(world, "coordinator", "PUT", `${meeting(id)}/minutes`, {
    body: { body: "Ad hoc meeting. The confidentiality statement was read." },
    ifMatch: read.etag,
  })
  return id
}, whileStatus("held"))

/** A future meeting, scheduled by the coordinator. */
const scheduled = async (world: World, inDays: number): Promise<string> =>
  (
    await setUp(world, "coordinator", "POST", inMechanism(world, "meetings"), {
      body: { kind: "ad-hoc", startsAt: inHours(inDays * 24), endsAt: inHours(inDays * 24 + 2), place },
    })
  ).body.id

const toReschedule = reusable((world) => scheduled(world, 60), whileStatus("scheduled"))
const toCancel = reusable((world) => scheduled(world, 70), whileStatus("scheduled"))

/** An ad hoc request from the shelter, not yet scheduled. */
const requested = reusable(
  async (world: World) =>
    (
      await setUp(world, "shelterWorker", "POST", inMechanism(world, "meeting-requests"), {
        body: { reason: "A shared case needs its safety plan reviewed.", urgency: "standard" },
      })
    ).body.id as string,
  whileStatus("requested"),
)

/** A command on the meeting `which` sets up, with its current ETag. */
const change =
  (
    which: (world: World) => Promise<string>,
    method: string,
    rest: string,
    body?: (world: World, caller: string) => unknown,
  ) =>
  async (world: World, caller: string): Promise<Request> => {
    const id = await which(world)
    const read = await setUp(world, "coordinator", "GET", meeting(id))
    return {
      method,
      path: `${meeting(id)}${rest}`,
      ...(body === undefined ? {} : { body: body(world, caller) }),
      ifMatch: read.etag,
    }
  }

let slot = 0
/** A schedule a few days out, a different hour on every call. */
const newSchedule = (fromDays: number) => () => {
  slot += 1
  const startsAt = fromDays * 24 + slot
  return { startsAt: inHours(startsAt), endsAt: inHours(startsAt + 1), place }
}

/** Whether an agenda shows case data: reviews, anniversary notices, overdue referrals. */
const showsCases = (status: number, body: string) =>
  status === 200
    ? JSON.parse(body).items.some(
        (item: { _tag: string; link?: { _tag: string } }) =>
          ["CaseReview", "AnniversaryNotice", "OverdueReferral"].includes(item._tag) || item.link?._tag === "case",
      )
      ? "cases"
      : "no cases"
    : String(status)

/** Whether a page of decisions or action items names a case (a `caseId`, or a link to a case). */
const namesCases = (status: number, body: string) =>
  status === 200
    ? JSON.parse(body).items.some(
        (item: { caseId?: string; link?: { _tag: string } }) => item.caseId !== undefined || item.link?._tag === "case",
      )
      ? "cases"
      : "no cases"
    : String(status)

/** The mechanism's people; what names a case only for the coordinator and the signatories (not the school). */
const readersWithCases = statuses("403", { ...members("cases"), teacher: "no cases" })

export const meetingScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listMeetings",
    label: "the mechanism's meetings: its people",
    request: get((w) => inMechanism(w, "meetings")),
    expect: readers,
  },
  {
    operationId: "scheduleMeeting",
    label: "schedule a meeting: the coordinator",
    request: async (w) => ({
      method: "POST",
      path: inMechanism(w, "meetings"),
      body: { kind: "ad-hoc", ...newSchedule(40)() },
    }),
    expect: coordinator(ok("scheduleMeeting")),
  },
  {
    operationId: "getMeeting",
    label: "read a meeting: its mechanism's people",
    request: get((w) => meeting(demo(w).upcoming.meetingId)),
    expect: hidden(readers),
  },
  {
    operationId: "requestAdHocMeeting",
    label: "request an ad hoc meeting: any member institution, a non-signatory too",
    request: async (w) => ({
      method: "POST",
      path: inMechanism(w, "meeting-requests"),
      body: { reason: "A member asks to discuss the referral pathway.", urgency: "standard" },
    }),
    expect: statuses(403, members(ok("requestAdHocMeeting"))),
  },
  {
    operationId: "listOverdueMeetingRequests",
    label: "the requests not scheduled in time: the mechanism's people",
    request: get((w) => inMechanism(w, "meeting-requests/overdue")),
    expect: readers,
  },
  {
    operationId: "scheduleRequestedMeeting",
    label: "schedule a requested meeting within its deadline: the coordinator",
    request: change(requested, "POST", "/schedule", newSchedule(3)),
    expect: hidden(coordinator(ok("scheduleRequestedMeeting"))),
  },
  {
    operationId: "rescheduleMeeting",
    label: "reschedule a meeting: the coordinator",
    request: change(toReschedule, "PUT", "/schedule", newSchedule(60)),
    expect: hidden(coordinator(ok("rescheduleMeeting"))),
  },
  {
    operationId: "holdMeeting",
    label: "record that a meeting was held, with attendance: the coordinator",
    request: change(toHold, "POST", "/held", () => ({ attendance: everyonePresent })),
    expect: hidden(coordinator(ok("holdMeeting"))),
  },
  {
    operationId: "recordAttendance",
    label: "correct a held meeting's attendance: the coordinator",
    request: change(held, "PUT", "/attendance", () => ({ attendance: everyonePresent })),
    expect: hidden(coordinator(ok("recordAttendance"))),
  },
  {
    operationId: "draftMinutes",
    label: "draft the minutes (audited): the coordinator",
    request: change(held, "PUT", "/minutes", () => ({ body: "Ad hoc meeting. The members reviewed the pathway." })),
    expect: hidden(coordinator(ok("draftMinutes"))),
  },
  {
    operationId: "readMinutes",
    label: "read the minutes (audited): the mechanism's people",
    request: async (w) => ({ method: "POST", path: `${meeting(demo(w).held[1])}/minutes/read` }),
    expect: hidden(readers),
  },
  {
    operationId: "approveMinutes",
    label: "approve the minutes: the coordinator",
    request: change(drafted, "POST", "/minutes/approval"),
    expect: hidden(coordinator(ok("approveMinutes"))),
  },
  {
    operationId: "amendMinutes",
    label: "amend approved minutes (audited): the coordinator",
    request: change(
      async (w) => demo(w).held[1],
      "POST",
      "/minutes/amendments",
      () => ({ reason: "A correction was asked for", text: "The legal aid office sent its representative." }),
    ),
    expect: hidden(coordinator(ok("amendMinutes"))),
  },
  {
    operationId: "cancelMeeting",
    label: "cancel a meeting: the coordinator",
    request: change(toCancel, "POST", "/cancellation", () => ({ reason: "The venue is not available." })),
    expect: hidden(coordinator(ok("cancelMeeting"))),
  },
  {
    operationId: "recordDecision",
    label: "record a decision of a held meeting: the coordinator",
    request: async (w) => ({
      method: "POST",
      path: `${meeting(await held(w))}/decisions`,
      body: { text: "The pathway leaflet is reprinted." },
    }),
    expect: hidden(coordinator(ok("recordDecision"))),
  },
  {
    operationId: "readDecisions",
    label:
      "read a meeting's decisions (audited): the mechanism's people; a decision about a case only for the coordinator and signatories",
    request: async (w) => ({ method: "POST", path: `${meeting(demo(w).held[1])}/decisions/read` }),
    observe: namesCases,
    expect: hidden(readersWithCases),
  },
  {
    operationId: "getAgenda",
    label:
      "the agenda: the mechanism's people; its case reviews, overdue referrals and case-linked items only for the coordinator and signatories",
    request: get((w) => `${meeting(demo(w).upcoming.meetingId)}/agenda`),
    observe: showsCases,
    expect: hidden(readersWithCases),
  },
  {
    operationId: "getCadenceCompliance",
    label: "meetings held against the cadence: the mechanism's people and the national coordinator",
    request: async (w) => ({ method: "GET", path: inMechanism(w, `cadence-compliance/${(await day(w)).slice(0, 4)}`) }),
    expect: statuses(403, { ...members(200), nationalCoordinator: 200 }),
  },
  {
    operationId: "getMeetingCalendar",
    label: "the iCalendar feed: the mechanism's people",
    request: get((w) => inMechanism(w, "calendar.ics")),
    expect: readers,
  },
  {
    operationId: "addActionItem",
    label: "record an action item of a held meeting: the coordinator",
    request: async (w) => ({
      method: "POST",
      path: `${meeting(await held(w))}/action-items`,
      body: { owner: institutions.police.id, dueDate: await day(w, 30), description: "Report back on the leaflet." },
    }),
    expect: hidden(coordinator(ok("addActionItem"))),
  },
  {
    operationId: "listMeetingActionItems",
    label:
      "a meeting's action items (audited): the mechanism's people; those linked to a case only for the coordinator and signatories",
    request: get((w) => `${meeting(demo(w).held[1])}/action-items`),
    observe: namesCases,
    expect: hidden(readersWithCases),
  },
  {
    operationId: "listOpenActionItems",
    label:
      "the mechanism's open action items (audited): its people; those linked to a case only for the coordinator and signatories",
    request: get((w) => inMechanism(w, "action-items")),
    observe: namesCases,
    expect: readersWithCases,
  },
  {
    operationId: "closeActionItem",
    label: "close an action item: its owner (the police here) or the coordinator",
    request: async (w) => {
      const item = await setUp<{ id: Id.ActionItemId }>(
        w,
        "coordinator",
        "POST",
        `${meeting(await held(w))}/action-items`,
        {
          body: {
            owner: institutions.police.id,
            dueDate: await day(w, 30),
            description: "Confirm the leaflet's print run.",
          },
        },
      )
      return {
        method: "POST",
        path: `/v1/action-items/${item.body.id}/closure`,
        body: { status: "done" },
        ifMatch: item.etag,
      }
    },
    expect: hidden(statuses(403, { coordinator: ok("closeActionItem"), policeOfficer: ok("closeActionItem") })),
  },
  {
    operationId: "extendActionItem",
    label: "extend an action item's due date with the reason: its owner (the police here) or the coordinator",
    request: async (w) => {
      const item = await setUp<{ id: Id.ActionItemId }>(
        w,
        "coordinator",
        "POST",
        `${meeting(await held(w))}/action-items`,
        { body: { owner: institutions.police.id, dueDate: await day(w, 30), description: "Print the leaflet." } },
      )
      return {
        method: "POST",
        path: `/v1/action-items/${item.body.id}/extensions`,
        body: { dueDate: await day(w, 60), reason: "The printer needs another month." },
        ifMatch: item.etag,
      }
    },
    expect: hidden(statuses(403, { coordinator: ok("extendActionItem"), policeOfficer: ok("extendActionItem") })),
  },
  {
    operationId: "listActionItemExtensions",
    label: "the extensions of an action item about no case (audited): the mechanism's people",
    request: get((w) => `/v1/action-items/${demo(w).actionItems.done}/extensions`),
    expect: hidden(readers),
  },
  {
    operationId: "listActionItemExtensions",
    label: "the extensions of a case-linked action item (audited): the coordinator and signatories, not the school",
    request: get((w) => `/v1/action-items/${demo(w).actionItems.caseLinked.actionItemId}/extensions`),
    expect: hidden(statuses(403, { ...members(200), teacher: 404 })),
  },
  {
    operationId: "listCaseActionItems",
    label: "a case's action items with their extensions (audited): the case's full-access team only",
    request: get((w) => `/v1/cases/${w.seeded.cases?.highRisk.caseId}/action-items`),
    expect: hidden(statuses(403, { policeOfficer: 200, caseManager: 200, shelterWorker: 200 })),
  },
  {
    operationId: "editAgenda",
    label: "edit a scheduled meeting's agenda: the coordinator",
    request: change(toReschedule, "PUT", "/agenda", () => ({
      topics: [{ section: "other-business", title: "The new referral protocol" }],
      omitted: [],
    })),
    expect: hidden(coordinator(ok("editAgenda"))),
  },
]
