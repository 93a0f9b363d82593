// The referral routes: the case team sends (on the survivor's consent); a
// referral is seen by its sending and receiving institutions, the case team
// and the mechanism's coordinator; the receiver moves it forward and the
// sender withdraws or revokes it; the coordinator and the signatories see
// what is overdue, the national coordinator response times too.
//
// A worker of a member institution reaches a mechanism's referrals only if
// their token names that mechanism: the stranger works for the same shelter
// the demo refers to, in another mechanism, and is refused like any outsider.
//
// Each step gets a fresh referral in the state it needs, sent by the case
// manager for the high-risk case to a fresh directory service (one open
// referral per service), so every caller meets the same state.
import type { Id } from "@bashke/kernel"
import { institutions } from "../../../src/demo/World"
import { etagOf, get, hidden, members, ok, type Request, type Scenario, setUp, statuses, type World } from "./Matrix"

const seeded = (world: World) => {
  const { cases, referrals } = world.seeded
  if (cases === undefined || referrals === undefined) throw new Error("the demo seeds cases and referrals")
  return { cases, referrals }
}
const highRisk = (world: World) => seeded(world).cases.highRisk.caseId
const referral = (id: string) => `/v1/referrals/${id}`
const inMechanism = (world: World, rest: string) => `/v1/mechanisms/${world.mechanismId}/${rest}`

/** A new active service of `institution` in the directory, registered by an administrator. */
const freshService = async (world: World, institution: Id.InstitutionId, type: string): Promise<string> =>
  (
    await setUp(world, "administrator", "POST", "/v1/services", {
      body: {
        institution,
        name: "Shërbim i provës",
        type,
        municipality: "GJI",
        languages: ["sq"],
        locations: [],
        active: true,
      },
    })
  ).body.id

/** The high-risk case's consent in force that lets it be referred to `institution`. */
const consentFor = async (world: World, institution: Id.InstitutionId): Promise<string> => {
  const read = await setUp(world, "caseManager", "GET", `/v1/cases/${highRisk(world)}`)
  const consent = (
    read.body.consents as Array<{
      id: string
      institutions: ReadonlyArray<string>
      purposes: ReadonlyArray<string>
      withdrawnAt?: string
    }>
  )
    .filter((each) => each.withdrawnAt === undefined && each.institutions.includes(institution))
    .find((each) => each.purposes.includes("referral"))
  if (consent === undefined) throw new Error(`no consent to refer the high-risk case to ${institution}`)
  return consent.id
}

/** The body that sends the high-risk case to a fresh service of `institution`. */
const sendBody = async (world: World, institution: Id.InstitutionId, type: string) => ({
  case: highRisk(world),
  service: await freshService(world, institution, type),
  reason: "injury-documentation",
  basis: { _tag: "Consent", consent: await consentFor(world, institution) },
})

/** A referral sent by the case manager to the health centre, moved on by the nurse through `steps`. */
const sent = async (
  world: World,
  steps: ReadonlyArray<string> = [],
  to: {
    readonly institution: Id.InstitutionId
    readonly type: string
    readonly receiver: "nurse" | "shelterWorker"
  } = {
    institution: institutions.health.id,
    type: "medical-care",
    receiver: "nurse",
  },
): Promise<string> => {
  const created = await setUp(world, "caseManager", "POST", "/v1/referrals", {
    body: await sendBody(world, to.institution, to.type),
  })
  let etag = created.etag
  for (const step of steps)
    etag = (await setUp(world, to.receiver, "POST", `${referral(created.body.id)}/${step}`, { ifMatch: etag })).etag
  return created.body.id
}

/** A step on a fresh referral that has gone through `before`. */
const step =
  (path: string, before: ReadonlyArray<string> = [], body?: unknown) =>
  async (world: World): Promise<Request> => {
    const id = await sent(world, before)
    return {
      method: "POST",
      path: `${referral(id)}/${path}`,
      ...(body === undefined ? {} : { body }),
      ifMatch: await etagOf(world, referral(id)),
    }
  }

/** Whether a list found any referral. */
const found = (status: number, body: string) =>
  status === 200 ? (JSON.parse(body).items.length > 0 ? "found" : "none") : String(status)

/** The demo's accepted referral (social work to the shelter) is seen by its parties, the team and the coordinator. */
const acceptedReaders = statuses(403, {
  coordinator: 200,
  policeOfficer: 200,
  caseManager: 200,
  nurse: 200,
  shelterWorker: 200,
  // Legal aid joined the high-risk case's team at the end of the case scenarios.
  lawyer: 200,
})

/** The coordinator and the institutions that signed the memorandum in force (not the school). */
const overseers = { ...members(200), teacher: 403 }

export const referralScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "sendReferral",
    label: "send a referral for a case: an institution on its team (summary access included), in its mechanism",
    request: async (w) => ({
      method: "POST",
      path: "/v1/referrals",
      body: await sendBody(w, institutions.health.id, "medical-care"),
    }),
    expect: hidden(
      statuses(403, {
        policeOfficer: ok("sendReferral"),
        caseManager: ok("sendReferral"),
        nurse: ok("sendReferral"),
        shelterWorker: ok("sendReferral"),
        lawyer: ok("sendReferral"),
      }),
    ),
  },
  {
    operationId: "listReferrals",
    label: "a mechanism's referrals (all for the coordinator, one's own for the others): its people",
    request: get((w) => `/v1/referrals?mechanismId=${w.mechanismId}`),
    expect: statuses(403, members(200)),
  },
  {
    operationId: "getReferral",
    label: "a referral: the sender, the receiver, the case team, the coordinator",
    request: get((w) => referral(seeded(w).referrals.accepted)),
    expect: hidden(acceptedReaders),
  },
  {
    operationId: "getReferralFhir",
    label: "a referral as FHIR: as reading it",
    request: get((w) => `${referral(seeded(w).referrals.accepted)}/fhir`),
    expect: hidden(acceptedReaders),
  },
  {
    operationId: "listCaseReferrals",
    label: "a case's referrals: those the caller may see; the others learn nothing",
    request: get((w) => `/v1/cases/${highRisk(w)}/referrals`),
    observe: found,
    expect: statuses("none", {
      coordinator: "found",
      policeOfficer: "found",
      caseManager: "found",
      nurse: "found",
      shelterWorker: "found",
      lawyer: "found",
    }),
  },
  {
    operationId: "acknowledgeReferral",
    label: "acknowledge a referral: the receiver (the health centre)",
    request: step("acknowledgement"),
    expect: hidden(statuses(403, { nurse: ok("acknowledgeReferral") })),
  },
  {
    operationId: "acknowledgeReferral",
    label: "acknowledge a referral to the shelter: its workers in this mechanism, not the same shelter's in another",
    request: async (w) => {
      const id = await sent(w, [], { institution: institutions.shelter.id, type: "shelter", receiver: "shelterWorker" })
      return { method: "POST", path: `${referral(id)}/acknowledgement`, ifMatch: await etagOf(w, referral(id)) }
    },
    expect: hidden(statuses(403, { shelterWorker: ok("acknowledgeReferral") })),
  },
  {
    operationId: "acceptReferral",
    label: "accept a referral: the receiver",
    request: step("acceptance", ["acknowledgement"]),
    expect: hidden(statuses(403, { nurse: ok("acceptReferral") })),
  },
  {
    operationId: "declineReferral",
    label: "decline a referral, with a reason: the receiver",
    request: step("decline", ["acknowledgement"], { reason: "no-capacity" }),
    expect: hidden(statuses(403, { nurse: ok("declineReferral") })),
  },
  {
    operationId: "startReferralService",
    label: "start the service: the receiver",
    request: step("service-start", ["acknowledgement", "acceptance"]),
    expect: hidden(statuses(403, { nurse: ok("startReferralService") })),
  },
  {
    operationId: "completeReferral",
    label: "complete the service, with an outcome: the receiver",
    request: step("completion", ["acknowledgement", "acceptance", "service-start"], { outcome: "service-provided" }),
    expect: hidden(statuses(403, { nurse: ok("completeReferral") })),
  },
  {
    operationId: "cancelReferral",
    label: "withdraw a referral, with a reason: the sender (the centre for social work)",
    request: step("cancellation", [], { reason: "no-longer-needed" }),
    expect: hidden(statuses(403, { caseManager: ok("cancelReferral") })),
  },
  {
    operationId: "revokeReferral",
    label: "revoke a referral, with a reason: the sender",
    request: step("revocation", ["acknowledgement"], { reason: "consent-withdrawn" }),
    expect: hidden(statuses(403, { caseManager: ok("revokeReferral") })),
  },
  {
    operationId: "listOverdueReferrals",
    label: "the overdue referrals: the coordinator and the signatories (not the school)",
    request: get((w) => inMechanism(w, "referrals/overdue")),
    expect: statuses(403, overseers),
  },
  {
    operationId: "getReferralResponseTimes",
    label: "response times (aggregates): the coordinator, the signatories, the national coordinator",
    request: get((w) => inMechanism(w, "referrals/response-times")),
    expect: statuses(403, { ...overseers, nationalCoordinator: 200 }),
  },
]
