// The mechanism routes: reading a mechanism (its people, an administrator and
// the national coordinator), setting it up and running its lifecycle (an
// administrator or its coordinator), members' contacts and signers (sealed
// personal data: the coordinator, member representatives, an administrator),
// and the memorandum whose signatures open case data to an institution.
//
// Changes that could touch the demo are made harmless: members join years
// ahead, memorandum versions take effect years ahead, contacts are written back
// as they were read, and the demo mechanism is suspended and resumed in turn.
import { CivilDate, Id, Municipality } from "@bashke/kernel"
import { institutions, people } from "../../../src/demo/World"
import {
  type Caller,
  day,
  etagOf,
  get,
  members,
  ok,
  type Request,
  reusable,
  type Scenario,
  setUp,
  statuses,
  type World,
} from "./Matrix"

const mechanism = (world: World) => `/v1/mechanisms/${world.mechanismId}`
const mechanismEtag = (world: World, path = mechanism(world)) => etagOf(world, path, "administrator")

/** Those whose token names the mechanism, an administrator and the national coordinator. */
const readers = statuses(403, { ...members(200), nationalCoordinator: 200, administrator: 200 })
/** An administrator and the mechanism's own coordinator. */
const stewards = (status: number) => statuses(403, { coordinator: status, administrator: status })

const freshId = () => Id.ulidAt(Date.now(), crypto.getRandomValues(new Uint8Array(10)))

const name = {
  sq: "Mekanizmi lokal i koordinimit – provë",
  "sr-Latn": "Lokalni mehanizam koordinacije – proba",
  en: "Local coordination mechanism – test",
}
const documentHash = "b".repeat(64)

/** The caller's own institution (the stranger works for the same shelter, in another mechanism). */
const ownInstitution = (caller: Caller): Id.InstitutionId | undefined =>
  caller === "stranger"
    ? institutions.shelter.id
    : caller in people
      ? institutions[people[caller as keyof typeof people].institution].id
      : undefined

/** An institution that is not the caller's. */
const another = (caller: Caller): Id.InstitutionId =>
  ownInstitution(caller) === institutions.police.id ? institutions.health.id : institutions.police.id

/** The caller's institution, or the police's for those who act for none. */
const own = (caller: Caller): Id.InstitutionId => ownInstitution(caller) ?? institutions.police.id

/** The demo membership of an institution (the one that joined a year ago). */
const membershipOf = async (world: World, institution: Id.InstitutionId): Promise<{ readonly id: string }> => {
  const page = await setUp(world, "administrator", "GET", `${mechanism(world)}/memberships?limit=200`)
  const today = await day(world)
  const found = page.body.items.find(
    (membership: { institutionId: string; joinedOn: string; leftOn?: string }) =>
      membership.institutionId === institution && membership.joinedOn <= today && membership.leftOn === undefined,
  )
  if (found === undefined) throw new Error(`no membership of ${institution}`)
  return found
}

/** A municipality without a mechanism (one per municipality). */
const freeMunicipality = async (world: World): Promise<string> => {
  const page = await setUp(world, "administrator", "GET", "/v1/mechanisms?limit=200")
  const taken = new Set(page.body.items.map((each: { municipality: string }) => each.municipality))
  const free = Municipality.codes.find((code) => !taken.has(code))
  if (free === undefined) throw new Error("every municipality has a mechanism")
  return free
}

/** A member that joins years from now, so that it changes no roster of today's. */
const futureMember = async (world: World): Promise<{ readonly id: string; readonly joinedOn: string }> => {
  const joinedOn = await day(world, 10 * 365)
  const added = await setUp(world, "administrator", "POST", `${mechanism(world)}/memberships`, {
    body: {
      institutionId: freshId(),
      sector: "civil-society",
      joinedOn,
      contacts: { representative: { name: "Përfaqësuesja e provës" } },
    },
    ifMatch: await mechanismEtag(world),
  })
  return added.body
}

/** The demo mechanism in `status`, moved there by an administrator if it is not. */
const ensureStatus = async (world: World, status: "active" | "suspended"): Promise<void> => {
  const read = await setUp(world, "administrator", "GET", mechanism(world))
  if (read.body.status === status) return
  await setUp(
    world,
    "administrator",
    "POST",
    `${mechanism(world)}/${status === "active" ? "resumption" : "suspension"}`,
    {
      ifMatch: read.etag,
    },
  )
}

/** A new mechanism ready to be activated: a member appointed coordinator, a memorandum in force that it signed. */
const formingMechanism = reusable(
  async (world: World): Promise<string> => {
    const today = await day(world)
    const created = await setUp(world, "administrator", "POST", "/v1/mechanisms", {
      body: { municipality: await freeMunicipality(world), name },
    })
    const path = `/v1/mechanisms/${created.body.id}`
    const institutionId = freshId()
    const member = await setUp(world, "administrator", "POST", `${path}/memberships`, {
      body: { institutionId, sector: "municipality", contacts: { representative: { name: "Zyrtarja e provës" } } },
      ifMatch: created.etag,
    })
    const appointed = await setUp(world, "administrator", "PUT", `${path}/coordinator`, {
      body: { membershipId: member.body.id },
      ifMatch: member.etag,
    })
    const published = await setUp(world, "administrator", "POST", `${path}/memoranda`, {
      body: { effectiveFrom: today, documentHash, expectedSectors: ["municipality"] },
      ifMatch: appointed.etag,
    })
    const signatures = `${path}/memoranda/${published.body.memorandumId}/versions/${published.body.version}/signatures`
    const signed = await setUp(world, "administrator", "POST", signatures, {
      body: { institutionId, signer: "Zyrtarja e provës", signedOn: today },
      ifMatch: published.etag,
    })
    // A signature counts only once countersigned.
    await setUp(world, "administrator", "POST", `${signatures}/${institutionId}/countersignature`, {
      body: {},
      ifMatch: signed.etag,
    })
    return created.body.id
  },
  async (world, id) => (await setUp(world, "administrator", "GET", `/v1/mechanisms/${id}`)).body.status === "forming",
)

/** The day after the latest memorandum version, and never earlier than five years from now. */
const nextEffectiveFrom = async (world: World): Promise<string> => {
  const page = await setUp(world, "administrator", "GET", `${mechanism(world)}/memoranda?limit=200`)
  const latest: string = page.body.items.at(-1).effectiveFrom
  const floor = await day(world, 5 * 365)
  return latest >= floor ? CivilDate.addDays(latest as CivilDate.CivilDate, 1) : floor
}

/** A memorandum version that takes effect years from now: signing it changes no one's access today. */
const futureVersion = async (world: World): Promise<{ readonly memorandumId: string; readonly version: number }> => {
  const published = await setUp(world, "administrator", "POST", `${mechanism(world)}/memoranda`, {
    body: {
      effectiveFrom: await nextEffectiveFrom(world),
      documentHash,
      expectedSectors: ["police", "social-work", "health", "shelter", "victim-advocacy", "municipality"],
    },
    ifMatch: await mechanismEtag(world),
  })
  return published.body
}

/** Recording a signature of a fresh future version for the institution `whose(caller)`. */
const sign =
  (whose: (caller: Caller) => Id.InstitutionId) =>
  async (world: World, caller: Caller): Promise<Request> => {
    const version = await futureVersion(world)
    return {
      method: "POST",
      path: `${mechanism(world)}/memoranda/${version.memorandumId}/versions/${version.version}/signatures`,
      body: { institutionId: whose(caller), signer: "Nënshkruesi i provës", signedOn: await day(world) },
      ifMatch: await mechanismEtag(world),
    }
  }

/** Countersigning the police's signature of a fresh future version, recorded by an administrator. */
const countersign = async (world: World): Promise<Request> => {
  const version = await futureVersion(world)
  const signatures = `${mechanism(world)}/memoranda/${version.memorandumId}/versions/${version.version}/signatures`
  const signed = await setUp(world, "administrator", "POST", signatures, {
    body: { institutionId: institutions.police.id, signer: "Nënshkruesi i provës", signedOn: await day(world) },
    ifMatch: await mechanismEtag(world),
  })
  return {
    method: "POST",
    path: `${signatures}/${institutions.police.id}/countersignature`,
    body: {},
    ifMatch: signed.etag,
  }
}

/** Writing back the contacts of `whose(caller)`'s membership as an administrator read them. */
const replaceContacts =
  (whose: (caller: Caller) => Id.InstitutionId) =>
  async (world: World, caller: Caller): Promise<Request> => {
    const membership = await membershipOf(world, whose(caller))
    const path = `${mechanism(world)}/memberships/${membership.id}/contacts`
    const current = await setUp(world, "administrator", "POST", `${path}/read`)
    return { method: "PUT", path, body: current.body }
  }

export const mechanismScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listMechanisms",
    label: "the mechanisms a caller sees: its own, or all for an administrator and the national coordinator",
    request: get(() => "/v1/mechanisms?limit=200"),
    observe: (status, body) =>
      status === 200
        ? JSON.parse(body).items.some((m: { municipality: string }) => m.municipality === "GJI")
          ? "sees"
          : "none"
        : String(status),
    expect: statuses("none", { ...members("sees"), nationalCoordinator: "sees", administrator: "sees" }),
  },
  {
    operationId: "createMechanism",
    label: "create a mechanism: an administrator",
    request: async (w) => ({
      method: "POST",
      path: "/v1/mechanisms",
      body: { municipality: await freeMunicipality(w), name },
    }),
    expect: statuses(403, { administrator: ok("createMechanism") }),
  },
  {
    operationId: "getMechanism",
    label: "read a mechanism: its people, an administrator, the national coordinator",
    request: get(mechanism),
    expect: readers,
  },
  {
    operationId: "configureMechanism",
    label: "change the cadence or quorum: an administrator or its coordinator",
    request: async (w) => {
      const read = await setUp(w, "administrator", "GET", mechanism(w))
      return {
        method: "PATCH",
        path: mechanism(w),
        body: { minimumMeetingsPerYear: read.body.minimumMeetingsPerYear },
        ifMatch: read.etag,
      }
    },
    expect: stewards(ok("configureMechanism")),
  },
  {
    operationId: "appointCoordinator",
    label: "appoint the coordinator: an administrator or the coordinator (handing over)",
    request: async (w) => {
      const read = await setUp(w, "administrator", "GET", mechanism(w))
      return {
        method: "PUT",
        path: `${mechanism(w)}/coordinator`,
        body: { membershipId: read.body.coordinator },
        ifMatch: read.etag,
      }
    },
    expect: stewards(ok("appointCoordinator")),
  },
  {
    operationId: "activateMechanism",
    label: "activate a new mechanism: an administrator (the demo's coordinator coordinates another one)",
    request: async (w) => {
      const path = `/v1/mechanisms/${await formingMechanism(w)}`
      return { method: "POST", path: `${path}/activation`, ifMatch: await mechanismEtag(w, path) }
    },
    expect: statuses(403, { administrator: ok("activateMechanism") }),
  },
  // Suspension and resumption side by side: each leaves the mechanism as the other needs it.
  {
    operationId: "suspendMechanism",
    label: "suspend the mechanism: an administrator or its coordinator",
    request: async (w) => {
      await ensureStatus(w, "active")
      return { method: "POST", path: `${mechanism(w)}/suspension`, ifMatch: await mechanismEtag(w) }
    },
    expect: stewards(ok("suspendMechanism")),
  },
  {
    operationId: "resumeMechanism",
    label: "resume the mechanism: an administrator or its coordinator",
    request: async (w) => {
      await ensureStatus(w, "suspended")
      return { method: "POST", path: `${mechanism(w)}/resumption`, ifMatch: await mechanismEtag(w) }
    },
    expect: stewards(ok("resumeMechanism")),
  },
  {
    operationId: "listMemberships",
    label: "the memberships (institutions, never people): the mechanism's readers",
    request: get((w) => `${mechanism(w)}/memberships`),
    expect: readers,
  },
  {
    operationId: "addMembership",
    label: "add a member institution: an administrator or the coordinator, as for removing one",
    request: async (w) => ({
      method: "POST",
      path: `${mechanism(w)}/memberships`,
      body: {
        institutionId: freshId(),
        sector: "civil-society",
        joinedOn: await day(w, 10 * 365),
        contacts: { representative: { name: "Përfaqësuesja e provës" } },
      },
      ifMatch: await mechanismEtag(w),
    }),
    expect: stewards(ok("addMembership")),
  },
  {
    operationId: "removeMembership",
    label: "end a membership: an administrator or the coordinator",
    request: async (w) => {
      const member = await futureMember(w)
      return {
        method: "POST",
        path: `${mechanism(w)}/memberships/${member.id}/removal`,
        body: { leftOn: CivilDate.addDays(member.joinedOn as CivilDate.CivilDate, 30) },
        ifMatch: await mechanismEtag(w),
      }
    },
    expect: stewards(ok("removeMembership")),
  },
  {
    operationId: "replaceMembershipContacts",
    label: "replace another member's representative: an administrator or the coordinator, not a fellow representative",
    request: replaceContacts(another),
    expect: stewards(ok("replaceMembershipContacts")),
  },
  {
    operationId: "replaceMembershipContacts",
    label: "replace one's own institution's representative: its member representative too",
    request: replaceContacts(own),
    expect: statuses(403, {
      coordinator: ok("replaceMembershipContacts"),
      teacher: ok("replaceMembershipContacts"),
      administrator: ok("replaceMembershipContacts"),
    }),
  },
  {
    operationId: "readMembershipContacts",
    label: "read a member's representative (audited): the coordinator, member representatives, an administrator",
    request: async (w) => ({
      method: "POST",
      path: `${mechanism(w)}/memberships/${(await membershipOf(w, institutions.police.id)).id}/contacts/read`,
    }),
    expect: statuses(403, { coordinator: 200, teacher: 200, administrator: 200 }),
  },
  {
    operationId: "listMemoranda",
    label: "the memorandum versions and their signatures (no signer): the mechanism's readers",
    request: get((w) => `${mechanism(w)}/memoranda`),
    expect: readers,
  },
  {
    operationId: "publishMemorandum",
    label: "publish a memorandum version: an administrator or the coordinator",
    request: async (w) => ({
      method: "POST",
      path: `${mechanism(w)}/memoranda`,
      body: { effectiveFrom: await nextEffectiveFrom(w), documentHash, expectedSectors: ["police", "social-work"] },
      ifMatch: await mechanismEtag(w),
    }),
    expect: stewards(ok("publishMemorandum")),
  },
  {
    operationId: "signMemorandum",
    label:
      "record another institution's signature (it opens case data to it): an administrator or the coordinator, not a fellow representative",
    request: sign(another),
    expect: stewards(ok("signMemorandum")),
  },
  {
    operationId: "signMemorandum",
    label: "record one's own institution's signature: its member representative too",
    request: sign(own),
    expect: statuses(403, {
      coordinator: ok("signMemorandum"),
      teacher: ok("signMemorandum"),
      administrator: ok("signMemorandum"),
    }),
  },
  {
    operationId: "countersignMemorandum",
    label:
      "countersign a signature (only then does it count and open case data): an administrator or the coordinator, never the signing institution",
    request: countersign,
    expect: stewards(ok("countersignMemorandum")),
  },
  {
    operationId: "readMemorandumSigner",
    label: "read who signed for an institution (audited): the coordinator, member representatives, an administrator",
    request: async (w) => {
      const page = await setUp(w, "administrator", "GET", `${mechanism(w)}/memoranda`)
      const first = page.body.items[0]
      return {
        method: "POST",
        path: `${mechanism(w)}/memoranda/${first.memorandumId}/versions/${first.version}/signatures/${institutions.police.id}/signer/read`,
      }
    },
    expect: statuses(403, { coordinator: 200, teacher: 200, administrator: 200 }),
  },
  {
    operationId: "getMechanismComposition",
    label: "the composition check: the mechanism's readers",
    request: get((w) => `${mechanism(w)}/composition`),
    expect: readers,
  },
]
