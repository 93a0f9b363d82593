// The case routes: who may list, open, read and change a case, its persons,
// incidents, risk, orders, safety plan, consents, lifecycle and team; the
// alleged perpetrator's details; break-glass reads and their review.
// Commands carry the case's current ETag (read just before by a team member),
// so a refusal is the policy's, never a stale version's.
import { Dash } from "@bashke/case"
import { institutions } from "../../../src/demo/World"
import { type Caller, etagOf, get, hidden, type Request, type Scenario, setUp, statuses, type World } from "./Matrix"

const cases = (world: World) => {
  const found = world.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return found
}

const command =
  (
    path: (world: World) => string,
    body: (world: World) => unknown,
    method = "POST",
    etagPath?: (world: World) => string,
  ) =>
  async (world: World): Promise<Request> => ({
    method,
    path: path(world),
    body: body(world),
    ifMatch: await etagOf(world, etagPath?.(world) ?? `/v1/cases/${cases(world).highRisk.caseId}`),
  })

const high = (world: World) => `/v1/cases/${cases(world).highRisk.caseId}`
const standard = (world: World) => `/v1/cases/${cases(world).standardRisk.caseId}`

/** Full-access members of the high-risk case's team (police opened it; social work leads; the shelter joined). */
const fullAccess = ["policeOfficer", "caseManager", "shelterWorker"] as const
const team = (status: number) => Object.fromEntries(fullAccess.map((caller) => [caller, status]))
/** The whole team: health joined with summary access, which limits reading, not recording. */
const wholeTeam = (status: number) => ({ ...team(status), nurse: status })

/** The high-risk case's alleged perpetrator, as the case manager reads the case. */
const perpetratorOf = async (w: World): Promise<string> => {
  const read = await setUp<{ persons: Array<{ id: string; role: string }> }>(w, "caseManager", "GET", high(w))
  const found = read.body.persons.find((person) => person.role === "alleged-perpetrator")
  if (found === undefined) throw new Error("the high-risk case has an alleged perpetrator")
  return found.id
}

const emergency = {
  breakGlassCode: "imminent-danger",
  breakGlassReason: "Threats by phone tonight; police need her current address to send a patrol.",
  fields: ["address"],
}

/** A consent the police record for themselves: it waits for a second person's confirmation. */
const pendingConsent = async (w: World): Promise<{ readonly id: string; readonly etag: string }> => {
  const recorded = await setUp<{ id: string; needsConfirmation: boolean }>(
    w,
    "policeOfficer",
    "POST",
    `${high(w)}/consents`,
    {
      body: {
        givenBy: cases(w).highRisk.victim,
        institutions: [institutions.police.id],
        purposes: ["case-conference"],
        method: "signed-form",
      },
      ifMatch: await etagOf(w, high(w)),
    },
  )
  if (!recorded.body.needsConfirmation) throw new Error("a consent for the recorder's own institution waits")
  return { id: recorded.body.id, etag: recorded.etag }
}

/** A break-glass read by the police, waiting on the coordinator's review list. */
const openReview = async (w: World): Promise<string> => {
  await setUp(w, "policeOfficer", "POST", `${high(w)}/persons/${cases(w).highRisk.victim}/details/read`, {
    body: emergency,
  })
  const open = await setUp<{ items: Array<{ id: string }> }>(
    w,
    "coordinator",
    "GET",
    `/v1/mechanisms/${w.mechanismId}/break-glass-reviews?status=open&limit=200`,
  )
  const last = open.body.items.at(-1)
  if (last === undefined) throw new Error("the break-glass read is on the review list")
  return last.id
}

/** Those who may break glass on the high-risk case: case workers of its full-access institutions. */
const breakers = (status: number): Partial<Record<Caller, number>> => team(status)

export const caseScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listCases",
    label: "the mechanism's pseudonymised list: its coordinator and signatory members",
    request: get((w) => `/v1/cases?mechanismId=${w.mechanismId}`),
    expect: statuses(403, {
      coordinator: 200,
      policeOfficer: 200,
      caseManager: 200,
      nurse: 200,
      shelterWorker: 200,
      advocate: 200,
      lawyer: 200,
    }),
  },
  {
    operationId: "openCase",
    label: "coordinators and case workers of signatories open cases",
    request: async (w) => ({
      method: "POST",
      path: "/v1/cases",
      body: { mechanismId: w.mechanismId, municipality: "GJI", persons: [{ role: "victim", sex: "female" }] },
    }),
    expect: statuses(403, {
      coordinator: 201,
      policeOfficer: 201,
      caseManager: 201,
      nurse: 201,
      shelterWorker: 201,
      advocate: 201,
      lawyer: 201,
    }),
  },
  {
    operationId: "getCase",
    label: "the whole case: full-access team members only",
    request: get(high),
    expect: hidden(statuses(403, team(200))),
  },
  {
    operationId: "getCaseSummary",
    label: "the summary: the team, summary access included",
    request: get((w) => `${high(w)}/summary`),
    expect: hidden(statuses(403, { ...team(200), nurse: 200 })),
  },
  {
    operationId: "readPersonalDetails",
    label: "identifying details, with consent: the high-risk victim consented to social work, shelter and health",
    request: async (w) => ({
      method: "POST",
      path: `${high(w)}/persons/${cases(w).highRisk.victim}/details/read`,
      body: { purpose: "case-management", fields: ["givenName"] },
    }),
    expect: hidden(statuses(403, { caseManager: 200, shelterWorker: 200 })),
  },
  {
    operationId: "readPersonalDetails",
    label: "identifying details without consent: the standard case's victim gave none",
    request: async (w) => ({
      method: "POST",
      path: `${standard(w)}/persons/${cases(w).standardRisk.victim}/details/read`,
      body: { purpose: "case-management", fields: ["givenName"] },
    }),
    expect: hidden(statuses(403)),
  },
  {
    operationId: "readPersonalDetails",
    label:
      "the alleged perpetrator's details for protection: full-access members of a sector with a legal basis (police, social work; not the shelter)",
    request: async (w) => ({
      method: "POST",
      path: `${high(w)}/persons/${await perpetratorOf(w)}/details/read`,
      body: { purpose: "protection", fields: ["givenName"] },
    }),
    expect: hidden(statuses(403, { policeOfficer: 200, caseManager: 200 })),
  },
  {
    operationId: "readPersonalDetails",
    label: "the alleged perpetrator's details under the victim's consent (case management): no one",
    request: async (w) => ({
      method: "POST",
      path: `${high(w)}/persons/${await perpetratorOf(w)}/details/read`,
      body: { purpose: "case-management", fields: ["givenName"] },
    }),
    expect: hidden(statuses(403)),
  },
  {
    operationId: "readPersonalDetails",
    label:
      "break glass with a reason code and a sentence: case workers of full-access team institutions (not summary access, not the coordinator)",
    request: async (w) => ({
      method: "POST",
      path: `${standard(w)}/persons/${cases(w).standardRisk.victim}/details/read`,
      body: emergency,
    }),
    // The standard case: health opened it (full), social work leads (full).
    expect: hidden(statuses(403, { nurse: 200, caseManager: 200 })),
  },
  {
    operationId: "readPersonalDetails",
    label:
      "break glass with a dot for a reason (the review's attack): refused as incomplete to those who may break glass",
    request: async (w) => ({
      method: "POST",
      path: `${high(w)}/persons/${cases(w).highRisk.victim}/details/read`,
      body: { ...emergency, breakGlassReason: "." },
    }),
    expect: hidden(statuses(403, breakers(422))),
  },
  {
    operationId: "findPersons",
    label: "search by personal number: only the cases the caller may see are found; outsiders learn nothing",
    request: async () => ({
      method: "POST",
      path: "/v1/persons/search",
      body: { personalNumber: "1190000001", purpose: "case-management" },
    }),
    observe: (status, body) => (status === 200 ? (JSON.parse(body).length > 0 ? "found" : "none") : String(status)),
    expect: statuses("none", { policeOfficer: "found", caseManager: "found", nurse: "found", shelterWorker: "found" }),
  },
  {
    operationId: "addPerson",
    label: "add a person: the team (recording needs no full access)",
    request: command(
      (w) => `${high(w)}/persons`,
      () => ({ person: { role: "child", sex: "female", birthYear: 2022 } }),
    ),
    expect: hidden(statuses(403, wholeTeam(201))),
  },
  {
    operationId: "recordIncident",
    label: "record an incident: the team",
    request: command(
      (w) => `${high(w)}/incidents`,
      () => ({
        occurredOn: "2026-11-01",
        municipality: "GJI",
        forms: ["psychological"],
        children: "none",
        source: "social-work",
      }),
    ),
    expect: hidden(statuses(403, wholeTeam(201))),
  },
  {
    operationId: "assessRisk",
    label: "assess risk: the team",
    request: command(
      (w) => `${high(w)}/risk-assessments`,
      () => ({
        instrument: { id: "dash", version: 1 },
        answers: Object.fromEntries(Dash.questionIds.map((q) => [q, "no"])),
      }),
    ),
    expect: hidden(statuses(403, wholeTeam(201))),
  },
  {
    operationId: "recordProtectionOrder",
    label: "record a protection order: the team",
    request: command(
      (w) => `${high(w)}/protection-orders`,
      () => ({ kind: "protection-order", petitioner: "victim", requestedAt: "2026-11-20T10:00:00Z" }),
    ),
    expect: hidden(statuses(403, wholeTeam(201))),
  },
  {
    operationId: "recordProtectionOrderEvent",
    label: "record an order event: the team",
    request: async (w) => {
      const order = await w.gateway.request("GET", high(w), { token: w.tokens.caseManager })
      const orders = ((await order.json()) as { orders: Array<{ id: string }> }).orders
      return command(
        (world) => `${high(world)}/protection-orders/${orders[0]?.id}/events`,
        () => ({ event: "breach-recorded", at: "2026-11-21T10:00:00Z", reportedBy: institutions.police.id }),
      )(w)
    },
    expect: hidden(statuses(403, wholeTeam(201))),
  },
  {
    operationId: "addSafetyMeasure",
    label: "add a safety measure: the team",
    request: command(
      (w) => `${high(w)}/safety-plan/measures`,
      () => ({ kind: "safe-accommodation", owner: institutions.shelter.id, reviewOn: "2026-12-15" }),
    ),
    expect: hidden(statuses(403, wholeTeam(201))),
  },
  {
    operationId: "updateSafetyMeasure",
    label: "update a safety measure: the team",
    request: async (w) => {
      const read = await w.gateway.request("GET", high(w), { token: w.tokens.caseManager })
      const measures = ((await read.json()) as { safetyPlan: { measures: Array<{ id: string }> } }).safetyPlan.measures
      return command(
        (world) => `${high(world)}/safety-plan/measures/${measures[0]?.id}`,
        () => ({ reviewOn: "2026-12-20" }),
        "PATCH",
      )(w)
    },
    expect: hidden(statuses(403, wholeTeam(200))),
  },
  {
    operationId: "giveConsent",
    label: "record a consent one's own institution took: full-access team members (summary access may not)",
    request: command(
      (w) => `${high(w)}/consents`,
      (w) => ({
        givenBy: cases(w).highRisk.victim,
        institutions: [institutions.legalAid.id],
        purposes: ["referral"],
        method: "signed-form",
      }),
    ),
    expect: hidden(statuses(403, team(201))),
  },
  {
    operationId: "giveConsent",
    label: "record a consent the police took: the police and the case lead",
    request: command(
      (w) => `${high(w)}/consents`,
      (w) => ({
        givenBy: cases(w).highRisk.victim,
        institutions: [institutions.legalAid.id],
        purposes: ["referral"],
        method: "signed-form",
        takenBy: institutions.police.id,
      }),
    ),
    expect: hidden(statuses(403, { policeOfficer: 201, caseManager: 201 })),
  },
  {
    operationId: "confirmConsent",
    label:
      "confirm the police's consent for the police: a second person — the coordinator or the case lead, never its recorder",
    request: async (w) => {
      const pending = await pendingConsent(w)
      return {
        method: "POST",
        path: `${high(w)}/consents/${pending.id}/confirmation`,
        body: {},
        ifMatch: pending.etag,
      }
    },
    expect: hidden(statuses(403, { coordinator: 200, caseManager: 200 })),
  },
  {
    operationId: "listBreakGlassReviews",
    label: "the break-glass review list: the mechanism's coordinator",
    request: get((w) => `/v1/mechanisms/${w.mechanismId}/break-glass-reviews`),
    expect: statuses(403, { coordinator: 200 }),
  },
  {
    operationId: "closeBreakGlassReview",
    label: "close a break-glass review with a verdict: the mechanism's coordinator",
    request: async (w) => ({
      method: "POST",
      path: `/v1/break-glass-reviews/${await openReview(w)}/verdict`,
      body: { verdict: "justified" },
    }),
    expect: statuses(403, { coordinator: 200 }),
  },
  {
    operationId: "withdrawConsent",
    label: "withdraw a consent: the team",
    request: async (w) => {
      const read = await w.gateway.request("GET", high(w), { token: w.tokens.caseManager })
      const consents = ((await read.json()) as { consents: Array<{ id: string; withdrawnAt?: string }> }).consents
      const open = consents.filter((consent) => consent.withdrawnAt === undefined).at(-1)
      return command(
        (world) => `${high(world)}/consents/${open?.id}/withdrawal`,
        () => ({}),
      )(w)
    },
    expect: hidden(statuses(403, wholeTeam(200))),
  },
  {
    operationId: "transitionCase",
    label: "move the lifecycle: the team",
    request: async (w) => {
      const read = await w.gateway.request("GET", standard(w), { token: w.tokens.caseManager })
      const status = ((await read.json()) as { status: string }).status
      const next =
        { open: "assess", assessed: "activate", active: "monitor", monitoring: "activate" }[status] ?? "assess"
      return command(
        (world) => `${standard(world)}/transitions`,
        () => ({ command: next }),
        "POST",
        standard,
      )(w)
    },
    expect: hidden(statuses(403, { nurse: 200, caseManager: 200 })),
  },
  {
    operationId: "recordCaseReview",
    label: "record a conference review: the team",
    request: command(
      (w) => `${high(w)}/reviews`,
      () => ({
        wishesHeard: "in-person",
        wishes: "She wants the children to stay at their school.",
        outcomes: ["continue-monitoring"],
      }),
    ),
    expect: hidden(statuses(403, wholeTeam(200))),
  },
  {
    operationId: "listCaseReviews",
    label: "the conference's reviews with the survivor's wishes: full-access members",
    request: get((w) => `${high(w)}/reviews`),
    expect: statuses(403, team(200)),
  },
  // Last: it adds legal aid to the team, which would change the scenarios after it.
  {
    operationId: "changeCaseTeam",
    label: "change the team: the lead institution (the coordinator is not on this team)",
    request: command(
      (w) => `${high(w)}/team`,
      () => ({ set: [{ institution: institutions.legalAid.id, access: "summary" }] }),
      "PUT",
    ),
    expect: hidden(statuses(403, { caseManager: 200 })),
  },
]
