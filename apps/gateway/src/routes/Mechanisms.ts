/**
 * `/v1/mechanisms`: the local coordination mechanisms, their memberships, the
 * memorandum of agreement in versions with its signatures, and the
 * composition check.
 *
 * The mechanism is one aggregate: every change to it, its memberships or its
 * memoranda moves its version by exactly one, so those commands need the
 * `If-Match` of the mechanism (`GET /v1/mechanisms/:mechanismId`) and answer
 * with its new `ETag`. Contacts are not versioned: replacing them is a `PUT`
 * of the whole set.
 *
 * The mechanism service checks who may touch contacts and signatures; the
 * other commands take no principal, so the route asks the package's
 * `MechanismPolicy` first:
 * - creating a mechanism is for an administrator;
 * - configuring it, appointing its coordinator, its lifecycle, adding and
 *   removing a member and publishing a memorandum version are for an
 *   administrator or the mechanism's coordinator;
 * - replacing a member's contacts is for them too, or for the institution's
 *   own people: the package lets any representative of the mechanism write
 *   them, so no one replaces another's;
 * - recording a signature and countersigning it are the mechanism package's
 *   rules (`MechanismPolicy`): a signature is recorded by a steward or the
 *   signing institution's own representative, and counts (opens case data to
 *   the institution) only once the coordinator or an administrator
 *   countersigns it;
 * - reading it is for those whose token names it, an administrator and the
 *   national coordinator.
 *
 * Names and contacts never travel in a URL: reading a member's contacts or a
 * signer's name is a POST that changes nothing (`safe`).
 */
import { CivilDate, Errors, Id, Instant, Municipality, Principal, Sector } from "@bashke/kernel"
import {
  Contacts,
  CountersignMemorandum,
  Mechanism,
  MechanismLifecycle,
  MechanismPolicy,
  MechanismService,
  Mechanisms,
  Membership,
  Memorandum,
} from "@bashke/mechanism"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as InstitutionNames from "./InstitutionNames"
import * as Keyset from "./Keyset"
import * as MechanismScope from "./MechanismScope"

const tag = "mechanisms"

const MechanismPath = Schema.Struct({ mechanismId: Id.MechanismId })
const MembershipPath = Schema.Struct({ mechanismId: Id.MechanismId, membershipId: Id.MembershipId })
const VersionNumber = Schema.NumberFromString.pipe(Schema.compose(Schema.Int.pipe(Schema.positive())))
const MemorandumVersionPath = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: VersionNumber,
})
const SignaturePath = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: VersionNumber,
  institutionId: Id.InstitutionId,
})

/** The mechanism's version after one command on the version it was decided on. */
const nextVersion = (_: unknown, input: { readonly expectedVersion: number | undefined }) =>
  (input.expectedVersion ?? 0) + 1

const service = MechanismService.MechanismService
const readSide = Mechanisms.Mechanisms

/** Those who belong to the mechanism, an administrator, the national coordinator. */
const requireReader = (mechanismId: Id.MechanismId, action: string) =>
  MechanismScope.requireScope(mechanismId, action, MechanismPolicy.readersAcross)

/** An administrator, or the coordinator of this mechanism (`MechanismPolicy.requireSteward`). */
const requireSteward = (mechanismId: Id.MechanismId, action: string) =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    MechanismPolicy.requireSteward(principal, mechanismId, action),
  )

/** A steward, or someone acting for `institutionId` itself (the package checks their role and mechanism). */
const requireStewardOrOwn = (
  mechanismId: Id.MechanismId,
  institutionId: Id.InstitutionId | undefined,
  action: string,
) =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    MechanismPolicy.requireSteward(principal, mechanismId, action, institutionId),
  )

const MechanismPage = Keyset.pageSchema(Mechanism.Mechanism, "MechanismPage")
// Memberships and memoranda carry the names of their institutions (`InstitutionNames`).
const NamedMembership = InstitutionNames.named(Membership.Membership, "NamedMembership")
const NamedMemorandumVersion = InstitutionNames.named(Memorandum.MemorandumVersion, "NamedMemorandumVersion")
const MembershipPage = InstitutionNames.namedPage(Membership.Membership, "MembershipPage")
const MemorandumPage = InstitutionNames.namedPage(Memorandum.MemorandumVersion, "MemorandumVersionPage")

const ListQuery = Keyset.query({
  municipality: Schema.optional(Municipality.MunicipalityCode),
  status: Schema.optional(MechanismLifecycle.Status),
})

/**
 * The mechanisms the caller may see: all of them for an administrator and the
 * national coordinator, those it belongs to for everyone else.
 */
const list = Route.make({
  method: "get",
  path: "/v1/mechanisms",
  operationId: "listMechanisms",
  tag,
  summary: "The mechanisms the caller may see",
  querySchema: ListQuery,
  success: { status: 200, schema: MechanismPage },
  handle: ({ query }) =>
    Effect.gen(function* () {
      const principal = yield* Principal.CurrentPrincipal
      return yield* Effect.flatMap(service, (mechanisms) =>
        mechanisms.lists.mechanisms(principal, { municipality: query.municipality, status: query.status }, query),
      )
    }),
})

const create = Route.make({
  method: "post",
  path: "/v1/mechanisms",
  operationId: "createMechanism",
  tag,
  summary: "Create a mechanism (administrators)",
  bodySchema: MechanismService.CreateMechanism,
  success: { status: 201, schema: Mechanism.Mechanism },
  etag: (mechanism) => mechanism.version,
  handle: ({ body }) =>
    Effect.gen(function* () {
      yield* Principal.requireRole("administrator", "mechanism.create")
      return yield* (yield* service).create(body)
    }),
})

const read = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId",
  operationId: "getMechanism",
  tag,
  summary: "A mechanism: status, coordinator, cadence, quorum rule",
  pathSchema: MechanismPath,
  success: { status: 200, schema: Mechanism.Mechanism },
  etag: (mechanism) => mechanism.version,
  handle: ({ path }) =>
    Effect.gen(function* () {
      yield* requireReader(path.mechanismId, "mechanism.read")
      return yield* (yield* readSide).get(path.mechanismId)
    }),
})

const configure = Route.make({
  method: "patch",
  path: "/v1/mechanisms/:mechanismId",
  operationId: "configureMechanism",
  tag,
  summary: "Change the mechanism's cadence or quorum rule",
  pathSchema: MechanismPath,
  bodySchema: MechanismService.ConfigureMechanism.pipe(Schema.omit("mechanismId", "expectedVersion")),
  success: { status: 200, schema: Mechanism.Mechanism },
  ifMatch: true,
  etag: (mechanism) => mechanism.version,
  handle: ({ path, body, expectedVersion }) =>
    Effect.gen(function* () {
      yield* requireSteward(path.mechanismId, "mechanism.configure")
      return yield* (yield* service).configure({ ...body, mechanismId: path.mechanismId, expectedVersion })
    }),
})

const appointCoordinator = Route.make({
  method: "put",
  path: "/v1/mechanisms/:mechanismId/coordinator",
  operationId: "appointCoordinator",
  tag,
  summary: "Appoint the coordinator (a current membership)",
  pathSchema: MechanismPath,
  bodySchema: MechanismService.AppointCoordinator.pipe(Schema.omit("mechanismId", "expectedVersion")),
  success: { status: 200, schema: Mechanism.Mechanism },
  ifMatch: true,
  etag: (mechanism) => mechanism.version,
  handle: ({ path, body, expectedVersion }) =>
    Effect.gen(function* () {
      yield* requireSteward(path.mechanismId, "mechanism.appoint-coordinator")
      return yield* (yield* service).appointCoordinator({ ...body, mechanismId: path.mechanismId, expectedVersion })
    }),
})

const lifecycle = (command: MechanismLifecycle.Command, noun: string, summary: string) =>
  Route.make({
    method: "post",
    path: `/v1/mechanisms/:mechanismId/${noun}`,
    operationId: `${command}Mechanism`,
    tag,
    summary,
    pathSchema: MechanismPath,
    success: { status: 200, schema: Mechanism.Mechanism },
    ifMatch: true,
    etag: (mechanism) => mechanism.version,
    handle: ({ path, expectedVersion }) =>
      Effect.gen(function* () {
        yield* requireSteward(path.mechanismId, `mechanism.${command}`)
        return yield* (yield* service)[command]({ mechanismId: path.mechanismId, expectedVersion })
      }),
  })

const activate = lifecycle(
  "activate",
  "activation",
  "Activate the mechanism (coordinator and signed memorandum needed)",
)
const suspend = lifecycle("suspend", "suspension", "Suspend the mechanism")
const resume = lifecycle("resume", "resumption", "Resume a suspended mechanism")

const MembershipQuery = Keyset.query({
  on: Schema.optional(CivilDate.CivilDate),
  sector: Schema.optional(Sector.Sector),
})

/** Every membership, past and present, or only those covering `on`; no names. */
const listMemberships = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/memberships",
  operationId: "listMemberships",
  tag,
  summary: "The mechanism's memberships (institutions and sectors, never people)",
  pathSchema: MechanismPath,
  querySchema: MembershipQuery,
  success: { status: 200, schema: MembershipPage },
  handle: ({ path, query }) =>
    Effect.gen(function* () {
      yield* requireReader(path.mechanismId, "mechanism.membership.list")
      return yield* InstitutionNames.attachPage(
        yield* Effect.flatMap(service, (mechanisms) =>
          mechanisms.lists.memberships(path.mechanismId, { on: query.on, sector: query.sector }, query),
        ),
      )
    }),
})

const addMembership = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/memberships",
  operationId: "addMembership",
  tag,
  summary: "Add a member institution with its representative's contacts (sealed)",
  pathSchema: MechanismPath,
  bodySchema: MechanismService.AddMember.pipe(Schema.omit("mechanismId", "expectedVersion")),
  success: { status: 201, schema: NamedMembership },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.gen(function* () {
      yield* requireSteward(path.mechanismId, "mechanism.membership.add")
      return yield* InstitutionNames.attach(
        yield* (yield* service).addMember({ ...body, mechanismId: path.mechanismId, expectedVersion }),
      )
    }),
})

const removeMembership = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/memberships/:membershipId/removal",
  operationId: "removeMembership",
  tag,
  summary: "End a membership (from `leftOn`, today by default)",
  pathSchema: MembershipPath,
  bodySchema: MechanismService.RemoveMember.pipe(Schema.omit("mechanismId", "membershipId", "expectedVersion")),
  success: { status: 200, schema: NamedMembership },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.gen(function* () {
      yield* requireSteward(path.mechanismId, "mechanism.membership.remove")
      return yield* InstitutionNames.attach(yield* (yield* service).removeMember({ ...body, ...path, expectedVersion }))
    }),
})

const replaceContacts = Route.make({
  method: "put",
  path: "/v1/mechanisms/:mechanismId/memberships/:membershipId/contacts",
  operationId: "replaceMembershipContacts",
  tag,
  summary: "Replace a member's representative and deputy (sealed, audited)",
  pathSchema: MembershipPath,
  bodySchema: Contacts.Contacts,
  success: { status: 200, schema: NamedMembership },
  handle: ({ path, body }) =>
    Effect.gen(function* () {
      const memberships = yield* (yield* readSide).memberships(path.mechanismId)
      const membership = memberships.find((candidate) => candidate.id === path.membershipId)
      // An unknown membership is refused like another's, so a refusal says nothing of what exists.
      yield* requireStewardOrOwn(path.mechanismId, membership?.institutionId, "mechanism.contacts.write")
      if (membership === undefined) return yield* new Errors.NotFound({ entity: "Membership", id: path.membershipId })
      yield* (yield* service).replaceContacts({ ...path, contacts: body })
      return yield* InstitutionNames.attach(membership)
    }),
})

const readContacts = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/memberships/:membershipId/contacts/read",
  operationId: "readMembershipContacts",
  tag,
  summary: "Read a member's representative and deputy (audited)",
  safe: true,
  pathSchema: MembershipPath,
  success: { status: 200, schema: Contacts.Contacts },
  handle: ({ path }) => Effect.flatMap(service, (mechanisms) => mechanisms.readContacts(path)),
})

const MemorandumQuery = Keyset.query({})

const listMemoranda = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/memoranda",
  operationId: "listMemoranda",
  tag,
  summary: "Every published memorandum version with its signatures (no signer names)",
  pathSchema: MechanismPath,
  querySchema: MemorandumQuery,
  success: { status: 200, schema: MemorandumPage },
  handle: ({ path, query }) =>
    Effect.gen(function* () {
      yield* requireReader(path.mechanismId, "mechanism.memorandum.list")
      return yield* InstitutionNames.attachPage(
        yield* Effect.flatMap(service, (mechanisms) => mechanisms.lists.memoranda(path.mechanismId, query)),
      )
    }),
})

const publishMemorandum = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/memoranda",
  operationId: "publishMemorandum",
  tag,
  summary: "Publish a new memorandum version",
  pathSchema: MechanismPath,
  bodySchema: MechanismService.PublishMemorandum.pipe(Schema.omit("mechanismId", "expectedVersion")),
  success: { status: 201, schema: NamedMemorandumVersion },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.gen(function* () {
      yield* requireSteward(path.mechanismId, "mechanism.memorandum.publish")
      return yield* InstitutionNames.attach(
        yield* (yield* service).publishMemorandum({ ...body, mechanismId: path.mechanismId, expectedVersion }),
      )
    }),
})

const signMemorandum = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/memoranda/:memorandumId/versions/:version/signatures",
  operationId: "signMemorandum",
  tag,
  summary: "Record a member institution's signature of a version (the signer's name sealed)",
  pathSchema: MemorandumVersionPath,
  bodySchema: MechanismService.SignMemorandum.pipe(
    Schema.omit("mechanismId", "memorandumId", "version", "expectedVersion"),
  ),
  success: { status: 201, schema: NamedMemorandumVersion },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(service, (mechanisms) =>
      Effect.flatMap(mechanisms.signMemorandum({ ...body, ...path, expectedVersion }), InstitutionNames.attach),
    ),
})

const countersignMemorandum = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/memoranda/:memorandumId/versions/:version/signatures/:institutionId/countersignature",
  operationId: "countersignMemorandum",
  tag,
  summary: "Countersign a member's signature: from its day the institution is a signatory (the coordinator)",
  pathSchema: SignaturePath,
  bodySchema: CountersignMemorandum.CountersignMemorandum.pipe(
    Schema.omit("mechanismId", "memorandumId", "version", "institutionId", "expectedVersion"),
  ),
  success: { status: 200, schema: NamedMemorandumVersion },
  ifMatch: true,
  etag: nextVersion,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(service, (mechanisms) =>
      Effect.flatMap(mechanisms.countersignMemorandum({ ...body, ...path, expectedVersion }), InstitutionNames.attach),
    ),
})

const Signer = Schema.Struct({ signer: Schema.String }).annotations({ identifier: "MemorandumSigner" })

const readSigner = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/memoranda/:memorandumId/versions/:version/signatures/:institutionId/signer/read",
  operationId: "readMemorandumSigner",
  tag,
  summary: "Read who signed a version for an institution (audited)",
  safe: true,
  pathSchema: SignaturePath,
  success: { status: 200, schema: Signer },
  handle: ({ path }) =>
    Effect.map(
      Effect.flatMap(service, (mechanisms) => mechanisms.readSigner(path)),
      (signer) => ({ signer }),
    ),
})

const CompositionQuery = Schema.Struct({ on: Schema.optional(CivilDate.CivilDate) })

const composition = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/composition",
  operationId: "getMechanismComposition",
  tag,
  summary: "The sectors the memorandum in force expects that no signatory covers (today, or `on`)",
  pathSchema: MechanismPath,
  querySchema: CompositionQuery,
  success: { status: 200, schema: MechanismService.Composition },
  handle: ({ path, query }) =>
    Effect.gen(function* () {
      yield* requireReader(path.mechanismId, "mechanism.composition")
      const at = query.on ?? (yield* Instant.now)
      return yield* (yield* service).compositionGaps(path.mechanismId, at)
    }),
})

/** The mechanism routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [
  list,
  create,
  read,
  configure,
  appointCoordinator,
  activate,
  suspend,
  resume,
  listMemberships,
  addMembership,
  removeMembership,
  replaceContacts,
  readContacts,
  listMemoranda,
  publishMemorandum,
  signMemorandum,
  countersignMemorandum,
  readSigner,
  composition,
]
