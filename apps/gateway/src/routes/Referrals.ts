/**
 * `/v1/referrals`: closed-loop referrals from an institution to a directory
 * service for a case. Send one (the referral package's guards: a consent in
 * force covering the receiver and the purpose, or an allowed override; an
 * active service; no second open referral to it), read it, list a case's or a
 * mechanism's, move it through its lifecycle, see what is overdue and how fast
 * receivers answer, and read it as FHIR R4.
 *
 * The lifecycle steps are POSTs on the referral, one per step of
 * `ReferralLifecycle` (the receiver: `acknowledgement`, `acceptance`,
 * `decline` with a reason code, `service-start`, `completion` with an outcome
 * code; the sender: `cancellation` — withdrawing it — and `revocation`, each
 * with a reason code). Each needs the `If-Match` of the referral it was decided
 * on and answers with the referral and its new `ETag` (the version moves by
 * one per step).
 *
 * Who may send and read is the referral package's `ReferralPolicy`, who may
 * see a mechanism's overdue referrals and response times the mechanism
 * package's `MechanismPolicy.requireOverseer`; the routes look up the facts
 * those rules ask for (through the `CaseFacts` port and the mechanism's read
 * side) and call them. Who may move a referral is whoever may read it and then
 * the package's rule (receiver or sender). A referral carries ids and codes
 * only.
 *
 * FHIR: `GET /v1/referrals/:referralId/fhir` answers a FHIR `Bundle` of type
 * `collection` holding the `ServiceRequest` and then the `Task`
 * (`@bashke/referral`'s `FhirExport`, status mapping documented there). It is
 * served as `application/json` (which FHIR servers accept beside
 * `application/fhir+json`) so that the API description can type it.
 */
import { Errors, Id, Instant, Principal } from "@bashke/kernel"
import { Mechanisms } from "@bashke/mechanism"
import {
  CaseFacts,
  FhirExport,
  Referral,
  type ReferralLifecycle,
  ReferralPolicy,
  ReferralService,
  type ResponseTimes,
} from "@bashke/referral"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as InstitutionNames from "./InstitutionNames"
import * as Keyset from "./Keyset"
import * as MechanismScope from "./MechanismScope"

const tag = "referrals"

const referrals = Effect.map(ReferralService.ReferralService, (service) => service)

const ReferralPath = Schema.Struct({ referralId: Id.ReferralId })
const CasePath = Schema.Struct({ caseId: Id.CaseId })
const MechanismPath = Schema.Struct({ mechanismId: Id.MechanismId })

// Referrals carry the names of their sending and receiving institutions (`InstitutionNames`).
const NamedReferral = InstitutionNames.named(Referral.Referral, "NamedReferral")
const ReferralPage = InstitutionNames.namedPage(Referral.Referral, "ReferralPage")

/** The facts `ReferralPolicy.mayRead` needs for this principal and referral, and only those. */
const readerFacts = (principal: Principal.Principal, referral: Referral.Referral) =>
  Effect.gen(function* () {
    const needed = ReferralPolicy.readerFactsNeeded(principal, referral)
    const now = yield* Instant.now
    const mechanismMembers = needed.mechanismMembers
      ? yield* (yield* Mechanisms.Mechanisms).members(referral.mechanism, now).pipe(
          Effect.map((members) => members.map((member) => member.institutionId)),
          Effect.orElseSucceed(() => undefined),
        )
      : undefined
    const team = needed.team
      ? yield* (yield* CaseFacts.CaseFacts).of(referral.case).pipe(
          Effect.map((facts) => facts.team),
          Effect.orElseSucceed(() => undefined),
        )
      : undefined
    return { mechanismMembers, team }
  })

/** Whether the current principal may see the referral. */
const mayRead = (referral: Referral.Referral) =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    Effect.map(readerFacts(principal, referral), (facts) => ReferralPolicy.mayRead(principal, referral, facts)),
  )

const readable = (referralId: Id.ReferralId, action: string) =>
  Effect.flatMap(
    Effect.flatMap(Effect.zip(referrals, Principal.CurrentPrincipal), ([service, principal]) =>
      service.findKnown(referralId, principal),
    ),
    // To a caller outside the referral's mechanism (and no party) it does not exist: 404, as an unknown id.
    (referral) =>
      Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
        Effect.flatMap(readerFacts(principal, referral), (facts) =>
          ReferralPolicy.requireReader(principal, referral, facts, action),
        ),
      ).pipe(MechanismScope.concealed(referral.mechanism, new Errors.NotFound({ entity: "Referral", id: referralId }))),
  )

/** The current principal, when it may send a referral for the case (`ReferralPolicy.requireSender`). */
const requireSender = (caseId: Id.CaseId) =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const facts = yield* (yield* CaseFacts.CaseFacts).of(caseId)
    return yield* ReferralPolicy.requireSender(principal, caseId, { mechanismId: facts.mechanism, team: facts.team })
  })

const send = Route.make({
  method: "post",
  path: "/v1/referrals",
  operationId: "sendReferral",
  tag,
  summary: "Send a referral for a case to a directory service, on a consent in force (case team)",
  bodySchema: ReferralService.SendInput,
  success: { status: 201, schema: NamedReferral },
  etag: (referral) => referral.version,
  handle: ({ body }) =>
    Effect.gen(function* () {
      yield* requireSender(body.case as Id.CaseId)
      return yield* InstitutionNames.attach(yield* (yield* referrals).send(body))
    }),
})

const read = Route.make({
  method: "get",
  path: "/v1/referrals/:referralId",
  operationId: "getReferral",
  tag,
  summary: "A referral with its history (sender, receiver, case team, coordinator)",
  pathSchema: ReferralPath,
  success: { status: 200, schema: NamedReferral },
  etag: (referral) => referral.version,
  handle: ({ path }) => Effect.flatMap(readable(path.referralId, "referral.read"), InstitutionNames.attach),
})

const PageQuery = Keyset.query({})

const listForCase = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/referrals",
  operationId: "listCaseReferrals",
  tag,
  summary: "A case's referrals the caller may see, in the order they were sent",
  pathSchema: CasePath,
  querySchema: PageQuery,
  success: { status: 200, schema: ReferralPage },
  handle: ({ path, query }) =>
    Effect.gen(function* () {
      const page = yield* (yield* referrals).caseReferrals(path.caseId, query, mayRead)
      return yield* InstitutionNames.attachPage(page)
    }),
})

const MechanismListQuery = Keyset.query({
  mechanismId: Id.MechanismId,
  status: Schema.optional(Referral.Status),
})

const listForMechanism = Route.make({
  method: "get",
  path: "/v1/referrals",
  operationId: "listReferrals",
  tag,
  summary: "A mechanism's referrals by status: all for its coordinator, a member's own sent or received",
  querySchema: MechanismListQuery,
  success: { status: 200, schema: ReferralPage },
  handle: ({ query }) =>
    Effect.gen(function* () {
      const principal = yield* MechanismScope.requireScope(query.mechanismId, "referral.list")
      return yield* InstitutionNames.attachPage(
        yield* (yield* referrals).mechanismReferrals(principal, query.mechanismId, query.status, query),
      )
    }),
})

/** The code a decline, a cancellation or a revocation needs (the package refuses a step without it). */
const ReasonBody = Schema.Struct({ reason: Schema.optional(Referral.Code) }).annotations({
  identifier: "ReferralReason",
})
/** The outcome a completion needs. */
const OutcomeBody = Schema.Struct({ outcome: Schema.optional(Referral.Code) }).annotations({
  identifier: "ReferralOutcome",
})

/** A lifecycle step: the command's body (its code, if it takes one), `If-Match`, the new `ETag`. */
const step = (options: {
  readonly path: string
  readonly operationId: string
  readonly summary: string
  readonly command: ReferralLifecycle.CommandTag
  readonly body?: typeof ReasonBody | typeof OutcomeBody
}) =>
  Route.make({
    method: "post",
    path: `/v1/referrals/:referralId/${options.path}`,
    operationId: options.operationId,
    tag,
    summary: options.summary,
    pathSchema: ReferralPath,
    // The two code bodies differ in shape: the step's body is either (or none).
    ...(options.body === undefined
      ? {}
      : { bodySchema: options.body as Schema.Schema<{ readonly reason?: string } | { readonly outcome?: string }> }),
    success: { status: 200, schema: NamedReferral },
    ifMatch: true,
    etag: (referral) => referral.version,
    handle: ({ path, body, expectedVersion }) =>
      Effect.zipRight(
        // The package checks the institution only; the gateway's reach comes first.
        readable(path.referralId, `referral.${options.command}`),
        Effect.flatMap(referrals, (service) =>
          Effect.flatMap(
            service.transition(path.referralId, { ...body, _tag: options.command }, expectedVersion ?? 0),
            InstitutionNames.attach,
          ),
        ),
      ),
  })

const acknowledge = step({
  path: "acknowledgement",
  operationId: "acknowledgeReferral",
  summary: "The receiver acknowledges the referral",
  command: "Acknowledge",
})

const accept = step({
  path: "acceptance",
  operationId: "acceptReferral",
  summary: "The receiver accepts the referral (acknowledging it, if not yet)",
  command: "Accept",
})

const decline = step({
  path: "decline",
  operationId: "declineReferral",
  summary: "The receiver declines the referral, with a reason code",
  command: "Decline",
  body: ReasonBody,
})

const startService = step({
  path: "service-start",
  operationId: "startReferralService",
  summary: "The receiver starts the service",
  command: "StartService",
})

const complete = step({
  path: "completion",
  operationId: "completeReferral",
  summary: "The receiver completes the service, with an outcome code",
  command: "Complete",
  body: OutcomeBody,
})

const cancel = step({
  path: "cancellation",
  operationId: "cancelReferral",
  summary: "The sender withdraws the referral, with a reason code",
  command: "Cancel",
  body: ReasonBody,
})

const revoke = step({
  path: "revocation",
  operationId: "revokeReferral",
  summary: "The sender revokes the referral (e.g. consent withdrawn), with a reason code",
  command: "Revoke",
  body: ReasonBody,
})

const Overdue = Schema.Struct({
  referral: Id.ReferralId,
  case: Id.CaseId,
  mechanism: Id.MechanismId,
  to: Id.InstitutionId,
  service: Id.ServiceId,
  step: Schema.Literal("acknowledge", "decide"),
  due: Schema.Date,
}).annotations({ identifier: "ReferralOverdue" })

const overdue = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/referrals/overdue",
  operationId: "listOverdueReferrals",
  tag,
  summary: "The mechanism's overdue referrals, the most overdue first (coordinator, signatories)",
  pathSchema: MechanismPath,
  success: { status: 200, schema: Schema.Array(InstitutionNames.named(Overdue, "NamedReferralOverdue")) },
  handle: ({ path }) =>
    Effect.gen(function* () {
      yield* MechanismScope.requireOverseer(path.mechanismId, "referral.overdue")
      return yield* InstitutionNames.attachAll(yield* (yield* referrals).overdueFor(path.mechanismId))
    }),
})

const Figures = Schema.Struct({
  count: Schema.NonNegativeInt,
  median: Schema.NullOr(Schema.Number),
  p90: Schema.NullOr(Schema.Number),
}).annotations({ identifier: "ResponseTimeFigures", description: "Hours: median and 90th percentile (nearest rank)" })

const timesOf = <K extends Schema.Schema.Any>(key: K) => Schema.Struct({ key, acknowledge: Figures, decide: Figures })

const ResponseTimesReport = Schema.Struct({
  perInstitution: Schema.Array(timesOf(Id.InstitutionId)),
  perService: Schema.Array(timesOf(Id.ServiceId)),
}).annotations({ identifier: "ReferralResponseTimes" })

const figures = (f: {
  readonly count: number
  readonly median: number | undefined
  readonly p90: number | undefined
}) => ({
  count: f.count,
  median: f.median ?? null,
  p90: f.p90 ?? null,
})

const responseTimes = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/referrals/response-times",
  operationId: "getReferralResponseTimes",
  tag,
  summary: "Hours to acknowledge and to decide, per receiving institution and per service",
  pathSchema: MechanismPath,
  success: { status: 200, schema: InstitutionNames.named(ResponseTimesReport, "NamedReferralResponseTimes") },
  handle: ({ path }) =>
    Effect.gen(function* () {
      yield* MechanismScope.requireOverseer(path.mechanismId, "referral.response-times", { national: true })
      const times = yield* (yield* referrals).responseTimes(path.mechanismId)
      const line = <K>(each: {
        readonly key: K
        readonly acknowledge: ResponseTimes.Figures
        readonly decide: ResponseTimes.Figures
      }) => ({
        key: each.key,
        acknowledge: figures(each.acknowledge),
        decide: figures(each.decide),
      })
      return yield* InstitutionNames.attach({
        perInstitution: times.perInstitution.map(line),
        perService: times.perService.map(line),
      })
    }),
})

const FhirResource = Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations({
  identifier: "FhirResource",
})

const FhirBundle = Schema.Struct({
  resourceType: Schema.Literal("Bundle"),
  type: Schema.Literal("collection"),
  entry: Schema.Array(Schema.Struct({ resource: FhirResource })),
}).annotations({
  identifier: "FhirBundle",
  description: "A FHIR R4 Bundle (collection): the referral's ServiceRequest, then its Task",
})

const fhir = Route.make({
  method: "get",
  path: "/v1/referrals/:referralId/fhir",
  operationId: "getReferralFhir",
  tag,
  summary: "The referral as FHIR R4: a Bundle of its ServiceRequest and Task",
  pathSchema: ReferralPath,
  success: { status: 200, schema: FhirBundle },
  handle: ({ path }) =>
    Effect.gen(function* () {
      const referral = yield* readable(path.referralId, "referral.read")
      const directory = yield* (yield* referrals).directory
      const service = directory.services.find((each) => each.id === referral.service)
      if (service === undefined) return yield* new Errors.NotFound({ entity: "Service", id: referral.service })
      return {
        resourceType: "Bundle" as const,
        type: "collection" as const,
        entry: [
          { resource: FhirExport.toServiceRequest(referral, service) },
          { resource: FhirExport.toTask(referral) },
        ],
      }
    }),
})

/** The referral routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [
  send,
  listForMechanism,
  read,
  fhir,
  listForCase,
  acknowledge,
  accept,
  decline,
  startService,
  complete,
  cancel,
  revoke,
  overdue,
  responseTimes,
]
