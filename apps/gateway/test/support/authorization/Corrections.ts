// The correction routes: the case team corrects (summary access included, as
// it records), identifying details only with the policy's personal write (the
// victim consented to social work, the shelter and health); only full-access
// members read the corrections. Each caller's correction changes something of
// its own (a value named after the caller), so a refusal is never "nothing
// changed"; commands carry the case's current ETag.
import { callers, etagOf, get, type Request, type Scenario, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return { path: `/v1/cases/${found.highRisk.caseId}`, victim: found.highRisk.victim }
}

const reason = "Corrected against the police report of Monday."

const incidentOf = async (w: World): Promise<string> => {
  const read = await w.gateway.request("GET", high(w).path, { token: w.tokens.caseManager })
  const incident = ((await read.json()) as { incidents: Array<{ id: string }> }).incidents[0]
  if (incident === undefined) throw new Error("the high-risk case has an incident")
  return incident.id
}

const orderOf = async (w: World): Promise<string> => {
  const read = await w.gateway.request("GET", high(w).path, { token: w.tokens.caseManager })
  const order = ((await read.json()) as { orders: Array<{ id: string }> }).orders[0]
  if (order === undefined) throw new Error("the high-risk case has a protection order")
  return order.id
}

const correction =
  (path: (w: World) => Promise<string> | string, body: (caller: (typeof callers)[number]) => unknown) =>
  async (w: World, caller: (typeof callers)[number]): Promise<Request> => ({
    method: "POST",
    path: `${high(w).path}/${await path(w)}/corrections`,
    body: body(caller),
    ifMatch: await etagOf(w, high(w).path),
  })

/** The team of the high-risk case: police, social work and the shelter with full access, health with summary. */
const wholeTeam = (status: number) => ({
  policeOfficer: status,
  caseManager: status,
  shelterWorker: status,
  nurse: status,
})

export const correctionScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "correctIncident",
    label: "the case team corrects an incident's facts, with a reason",
    request: correction(
      async (w) => `incidents/${await incidentOf(w)}`,
      (caller) => ({ incident: { sourceReference: `PR-${callers.indexOf(caller)}` }, reason }),
    ),
    expect: statuses(403, wholeTeam(201)),
  },
  {
    operationId: "correctPerson",
    label: "the case team corrects a person's fields in the clear",
    request: correction(
      (w) => `persons/${high(w).victim}`,
      (caller) => ({ person: { birthYear: 1970 + callers.indexOf(caller) }, reason }),
    ),
    expect: statuses(403, wholeTeam(201)),
  },
  {
    operationId: "correctPerson",
    label: "identifying details: those the victim consented to, as for a personal write",
    request: correction(
      (w) => `persons/${high(w).victim}`,
      (caller) => ({ details: { phone: `+383 44 000 ${200 + callers.indexOf(caller)}` }, reason }),
    ),
    expect: statuses(403, { caseManager: 201, shelterWorker: 201 }),
  },
  {
    operationId: "correctOrderConditions",
    label: "the case team corrects what a protection order forbids, with a reason",
    request: correction(
      async (w) => `protection-orders/${await orderOf(w)}/conditions`,
      (caller) => ({
        conditions: [{ kind: "stay-away", distanceMeters: 100 + callers.indexOf(caller), places: ["home"] }],
        reason,
      }),
    ),
    expect: statuses(403, wholeTeam(201)),
  },
  {
    operationId: "listCorrections",
    label: "full-access members read the corrections",
    request: get((w) => `${high(w).path}/corrections`),
    expect: statuses(403, { policeOfficer: 200, caseManager: 200, shelterWorker: 200 }),
  },
]
