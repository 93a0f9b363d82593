/**
 * `/v1/cases`: open a case, read it (whole for the team, summarised for the
 * mechanism), and every command on it. Commands on an existing case need the
 * `If-Match` of the case they were decided on and answer with the case's new
 * `ETag` (each command moves the version by exactly one).
 *
 * Identifying details never travel in a URL: reading them and searching by
 * personal number are POSTs that change nothing (`safe`), so their bodies are
 * neither logged nor stored as idempotent answers.
 */
import {
  Case,
  CaseCommands,
  CaseLifecycle,
  CaseService,
  CaseSummary,
  CaseTeam,
  Consent,
  Incident,
  Person,
  ProtectionOrder,
  RiskAssessment,
  SafetyPlan,
} from "@bashke/case"
import { Cursor, Id, Instant, Pagination, type Principal } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"
import * as MechanismScope from "./MechanismScope"

const tag = "cases"

const CasePath = Schema.Struct({ caseId: Id.CaseId })
const PersonPath = Schema.Struct({ caseId: Id.CaseId, personId: Id.PersonId })
const OrderPath = Schema.Struct({ caseId: Id.CaseId, orderId: Id.ProtectionOrderId })
const MeasurePath = Schema.Struct({ caseId: Id.CaseId, measureId: SafetyPlan.SafetyMeasureId })
const ConsentPath = Schema.Struct({ caseId: Id.CaseId, consentId: Id.ConsentId })

/** A command's input: one struct, or a union of structs told apart by a literal (the lifecycle's `command`). */
type CommandSchema = Schema.Struct<any> | Schema.Union<ReadonlyArray<Schema.Struct<any>>>

/** A command's body: its schema without what the path and If-Match carry (in each member of a union). */
const bodyOf = (command: CommandSchema): Schema.Schema<any, any> =>
  ("members" in command
    ? Schema.Union(...command.members.map((member) => member.pipe(Schema.omit("caseId", "expectedVersion"))))
    : command.pipe(Schema.omit("caseId", "expectedVersion"))) as unknown as Schema.Schema<any, any>

/** The case's version after one command on the version it was decided on. */
const nextVersion = (_: unknown, input: { readonly expectedVersion: number | undefined }) =>
  (input.expectedVersion ?? 0) + 1

const cases = Effect.map(CaseService.CaseService, (service) => service)

const ListQuery = Schema.Struct({
  mechanismId: Id.MechanismId,
  riskLevel: Schema.optional(Schema.Literal("standard", "medium", "high")),
  status: Schema.optional(CaseLifecycle.OpenStatus),
  leadInstitution: Schema.optional(Id.InstitutionId),
  limit: Keyset.limit,
  after: Schema.optional(Cursor.Cursor),
})

const SummaryPage = Pagination.Page(CaseSummary.CaseSummary).annotations({ identifier: "CaseSummaryPage" })

/**
 * The open cases of a mechanism, pseudonymised, for its signatories and its
 * coordinator; keyset-paginated by case id, optionally of one risk level, open
 * status and lead institution.
 */
const list = Route.make({
  method: "get",
  path: "/v1/cases",
  operationId: "listCases",
  tag,
  summary: "The open cases of a mechanism, pseudonymised",
  querySchema: ListQuery,
  success: { status: 200, schema: SummaryPage },
  handle: ({ query }) =>
    Effect.gen(function* () {
      yield* MechanismScope.requireOverseer(query.mechanismId, "case.list")
      const now = yield* Instant.now
      const after = query.after === undefined ? undefined : String((yield* Cursor.decode(query.after))[0])
      // One more than the page, paged in SQL by keyset: `paginate` tells from it whether a next page exists.
      const rows = yield* (yield* cases).summaryPage(
        query.mechanismId,
        {
          after: after as Id.CaseId | undefined,
          limit: query.limit + 1,
          riskLevel: query.riskLevel,
          status: query.status,
          leadInstitution: query.leadInstitution,
        },
        now,
      )
      return Pagination.paginate(rows, query.limit, (summary) => [summary.id])
    }),
})

const open = Route.make({
  method: "post",
  path: "/v1/cases",
  operationId: "openCase",
  tag,
  summary: "Open a case",
  bodySchema: CaseCommands.OpenCase,
  success: { status: 201, schema: Case.Case },
  etag: (aCase) => aCase.version,
  handle: ({ body }) => Effect.flatMap(cases, (service) => service.openCase(body)),
})

const read = Route.make({
  method: "get",
  path: "/v1/cases/:caseId",
  operationId: "getCase",
  tag,
  summary: "The whole case, without identifying details (full-access team members)",
  pathSchema: CasePath,
  success: { status: 200, schema: Case.Case },
  etag: (aCase) => aCase.version,
  handle: ({ path }) => Effect.flatMap(cases, (service) => service.read({ caseId: path.caseId })),
})

const summary = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/summary",
  operationId: "getCaseSummary",
  tag,
  summary: "The pseudonymised summary of a case",
  pathSchema: CasePath,
  success: { status: 200, schema: CaseSummary.CaseSummary },
  handle: ({ path }) => Effect.flatMap(cases, (service) => service.readSummary({ caseId: path.caseId })),
})

const command = <A, I>(options: {
  readonly path: string
  readonly operationId: string
  readonly summary: string
  readonly command: CommandSchema
  readonly result: Schema.Schema<A, I>
  readonly method?: "post" | "put" | "patch"
  /** 201 when the command creates something (a person, an incident…), 200 when it changes the case. */
  readonly creates: boolean
  readonly run: (
    service: CaseService.Service,
    input: any,
  ) => Effect.Effect<A, Route.Failure, Principal.CurrentPrincipal>
  readonly pathSchema?: Schema.Schema<any, any>
}) =>
  Route.make({
    method: options.method ?? "post",
    path: options.path,
    operationId: options.operationId,
    tag,
    summary: options.summary,
    pathSchema: options.pathSchema ?? CasePath,
    bodySchema: bodyOf(options.command),
    success: { status: options.creates ? 201 : 200, schema: options.result },
    ifMatch: true,
    etag: nextVersion,
    handle: ({ path, body, expectedVersion }) =>
      Effect.flatMap(cases, (service) =>
        options.run(service, { ...(body as object), ...(path as object), expectedVersion }),
      ),
  })

const addPerson = command({
  path: "/v1/cases/:caseId/persons",
  operationId: "addPerson",
  creates: true,
  summary: "Add a person (identifying details sealed)",
  command: CaseCommands.AddPerson,
  result: Person.Person,
  run: (service, input) => service.addPerson(input),
})

const recordIncident = command({
  path: "/v1/cases/:caseId/incidents",
  operationId: "recordIncident",
  creates: true,
  summary: "Record an incident",
  command: CaseCommands.RecordIncident,
  result: Incident.Incident,
  run: (service, input) => service.recordIncident(input),
})

const assessRisk = command({
  path: "/v1/cases/:caseId/risk-assessments",
  operationId: "assessRisk",
  creates: true,
  summary: "Record a risk assessment",
  command: CaseCommands.AssessRisk,
  result: RiskAssessment.RiskAssessment,
  run: (service, input) => service.assessRisk(input),
})

const recordOrder = command({
  path: "/v1/cases/:caseId/protection-orders",
  operationId: "recordProtectionOrder",
  creates: true,
  summary: "Record a protection order (requested or issued)",
  command: CaseCommands.RecordOrder,
  result: ProtectionOrder.ProtectionOrder,
  run: (service, input) => service.recordOrder(input),
})

const recordOrderEvent = command({
  path: "/v1/cases/:caseId/protection-orders/:orderId/events",
  operationId: "recordProtectionOrderEvent",
  creates: true,
  summary: "Record an order's issue, rejection, extension, expiry, breach or court hearing",
  command: CaseCommands.RecordOrderEvent.pipe(Schema.omit("orderId")) as never,
  pathSchema: OrderPath,
  result: ProtectionOrder.ProtectionOrder,
  run: (service, input) => service.recordOrderEvent(input),
})

const addMeasure = command({
  path: "/v1/cases/:caseId/safety-plan/measures",
  operationId: "addSafetyMeasure",
  creates: true,
  summary: "Add a safety-plan measure",
  command: CaseCommands.AddMeasure,
  result: SafetyPlan.Measure,
  run: (service, input) => service.addMeasure(input),
})

const updateMeasure = command({
  method: "patch",
  path: "/v1/cases/:caseId/safety-plan/measures/:measureId",
  operationId: "updateSafetyMeasure",
  creates: false,
  summary: "Change a safety-plan measure's status, owner or review date",
  command: CaseCommands.UpdateMeasure.pipe(Schema.omit("measureId")) as never,
  pathSchema: MeasurePath,
  result: SafetyPlan.Measure,
  run: (service, input) => service.updateMeasure(input),
})

const giveConsent = command({
  path: "/v1/cases/:caseId/consents",
  operationId: "giveConsent",
  creates: true,
  summary: "Record a consent to share",
  command: CaseCommands.GiveConsent,
  result: Consent.Consent,
  run: (service, input) => service.giveConsent(input),
})

const confirmConsent = command({
  path: "/v1/cases/:caseId/consents/:consentId/confirmation",
  operationId: "confirmConsent",
  creates: false,
  summary:
    "Confirm a consent that widened its recorder's own institution's access (a second person: the coordinator, or the case lead)",
  command: CaseCommands.ConfirmConsent.pipe(Schema.omit("consentId")) as never,
  pathSchema: ConsentPath,
  result: Consent.Consent,
  run: (service, input) => service.confirmConsent(input),
})

const withdrawConsent = command({
  path: "/v1/cases/:caseId/consents/:consentId/withdrawal",
  operationId: "withdrawConsent",
  creates: false,
  summary: "Withdraw a consent",
  command: CaseCommands.WithdrawConsent.pipe(Schema.omit("consentId")) as never,
  pathSchema: ConsentPath,
  result: Consent.Consent,
  run: (service, input) => service.withdrawConsent(input),
})

const changeTeam = command({
  method: "put",
  path: "/v1/cases/:caseId/team",
  operationId: "changeCaseTeam",
  creates: false,
  summary: "Change the case team or its lead",
  command: CaseCommands.ChangeTeam,
  result: CaseTeam.CaseTeam,
  run: (service, input) => service.changeTeam(input),
})

const transition = command({
  path: "/v1/cases/:caseId/transitions",
  operationId: "transitionCase",
  creates: false,
  summary: "Move the case through its lifecycle",
  command: CaseCommands.Transition,
  result: Case.Case,
  run: (service, input) => service.transition(input),
})

const ReadDetails = CaseCommands.ReadPersonalData.pipe(Schema.omit("caseId", "personId"))

const readDetails = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/persons/:personId/details/read",
  operationId: "readPersonalDetails",
  tag,
  summary:
    "Read a person's identifying details for a stated purpose (audited); in an emergency with a reason code and a written reason (reviewed)",
  safe: true,
  pathSchema: PersonPath,
  bodySchema: ReadDetails,
  success: { status: 200, schema: Person.PersonalDetails },
  // The service treats a read with any of these as break-glass; so does the security log.
  securityEvent: (body) =>
    body.purpose === "break-glass" || body.breakGlassCode !== undefined || body.breakGlassReason !== undefined
      ? "break-glass.read"
      : undefined,
  handle: ({ path, body }) =>
    Effect.flatMap(cases, (service) =>
      service.readPersonalData({ ...body, caseId: path.caseId, personId: path.personId }),
    ),
})

const PersonsFound = Schema.Array(
  Schema.Struct({
    caseId: Id.CaseId,
    reference: Schema.String,
    personId: Id.PersonId,
    role: Person.PersonRole,
  }),
).annotations({ identifier: "PersonsFound" })

const findPersons = Route.make({
  method: "post",
  path: "/v1/persons/search",
  operationId: "findPersons",
  tag,
  summary: "Find the cases a person is on, by personal number (blind index; audited)",
  safe: true,
  bodySchema: CaseCommands.FindPersons,
  success: { status: 200, schema: PersonsFound },
  handle: ({ body }) => Effect.flatMap(cases, (service) => service.findPersons(body)),
})

/** The case routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [
  list,
  open,
  read,
  summary,
  addPerson,
  recordIncident,
  assessRisk,
  recordOrder,
  recordOrderEvent,
  addMeasure,
  updateMeasure,
  giveConsent,
  confirmConsent,
  withdrawConsent,
  changeTeam,
  transition,
  readDetails,
  findPersons,
]
