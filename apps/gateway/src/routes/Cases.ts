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
import { Effect, Schema, SchemaAST } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"
import * as MechanismScope from "./MechanismScope"

const tag = "cases"

const CasePath = Schema.Struct({ caseId: Id.CaseId })
const PersonPath = Schema.Struct({ caseId: Id.CaseId, personId: Id.PersonId })
const OrderPath = Schema.Struct({ caseId: Id.CaseId, orderId: Id.ProtectionOrderId })
const MeasurePath = Schema.Struct({ caseId: Id.CaseId, measureId: SafetyPlan.SafetyMeasureId })
const ConsentPath = Schema.Struct({ caseId: Id.CaseId, consentId: Id.ConsentId })

/**
 * What a command's body leaves out of its command: what the path and
 * If-Match carry (in each member of a union, such as the lifecycle's
 * `command`).
 */
type BodyOf<C, K extends PropertyKey> = C extends unknown ? Omit<C, K | "expectedVersion"> : never

/**
 * The command a route runs, as its schema decodes it: the decoded body, the
 * decoded path `P` and the version from `If-Match`.
 */
export type CommandOf<C, P> = BodyOf<C, keyof P & string> & P & { readonly expectedVersion: number | undefined }

/**
 * A command's body schema: its command's schema without the path's fields and
 * `expectedVersion`, in each member of a union (so a union's members stay
 * told apart by their literal).
 */
const bodyOf = <C, I, K extends string>(
  command: Schema.Schema<C, I>,
  pathKeys: ReadonlyArray<string>,
): Schema.Schema<BodyOf<C, K>, BodyOf<I, K>> => {
  const left = [...pathKeys, "expectedVersion"]
  const ast = SchemaAST.isUnion(command.ast)
    ? SchemaAST.Union.make(command.ast.types.map((member) => SchemaAST.omit(member, left)))
    : SchemaAST.omit(command.ast, left)
  // What `AST.omit` leaves is `BodyOf` by construction: the one place the
  // types of the body are stated rather than inferred.
  return Schema.make<BodyOf<C, K>, BodyOf<I, K>, never>(ast)
}

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
  handle: ({ body }) => Effect.flatMap(cases, (service) => service.decoded.openCase(body)),
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
  handle: ({ path }) => Effect.flatMap(cases, (service) => service.decoded.read(path)),
})

const summary = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/summary",
  operationId: "getCaseSummary",
  tag,
  summary: "The pseudonymised summary of a case",
  pathSchema: CasePath,
  success: { status: 200, schema: CaseSummary.CaseSummary },
  handle: ({ path }) => Effect.flatMap(cases, (service) => service.decoded.readSummary(path)),
})

const command = <C, I, P, PI, A, E>(options: {
  readonly path: string
  readonly operationId: string
  readonly summary: string
  /** The whole command: the route's body is what its path and If-Match do not carry. */
  readonly command: Schema.Schema<C, I>
  /** A struct: its fields are what the body leaves out. */
  readonly pathSchema: Schema.Schema<P, PI> & { readonly fields: Readonly<Record<keyof P, unknown>> }
  readonly result: Schema.Schema<A, E>
  readonly method?: "post" | "put" | "patch"
  /** 201 when the command creates something (a person, an incident…), 200 when it changes the case. */
  readonly creates: boolean
  /** Runs the decoded command: it is not decoded again (`CaseService.Service.decoded`). */
  readonly run: (
    cases: CaseService.Decoded,
    command: CommandOf<C, P>,
  ) => Effect.Effect<A, Route.Failure, Principal.CurrentPrincipal>
}) =>
  Route.make({
    method: options.method ?? "post",
    path: options.path,
    operationId: options.operationId,
    tag,
    summary: options.summary,
    pathSchema: options.pathSchema,
    bodySchema: bodyOf<C, I, keyof P & string>(options.command, Object.keys(options.pathSchema.fields)),
    success: { status: options.creates ? 201 : 200, schema: options.result },
    ifMatch: true,
    etag: nextVersion,
    handle: ({ path, body, expectedVersion }) =>
      Effect.flatMap(cases, (service) => options.run(service.decoded, { ...body, ...path, expectedVersion })),
  })

const addPerson = command({
  path: "/v1/cases/:caseId/persons",
  operationId: "addPerson",
  creates: true,
  summary: "Add a person (identifying details sealed)",
  command: CaseCommands.AddPerson,
  pathSchema: CasePath,
  result: Person.Person,
  run: (cases, command) => cases.addPerson(command),
})

const recordIncident = command({
  path: "/v1/cases/:caseId/incidents",
  operationId: "recordIncident",
  creates: true,
  summary: "Record an incident",
  command: CaseCommands.RecordIncident,
  pathSchema: CasePath,
  result: Incident.Incident,
  run: (cases, command) => cases.recordIncident(command),
})

const assessRisk = command({
  path: "/v1/cases/:caseId/risk-assessments",
  operationId: "assessRisk",
  creates: true,
  summary: "Record a risk assessment",
  command: CaseCommands.AssessRisk,
  pathSchema: CasePath,
  result: RiskAssessment.RiskAssessment,
  run: (cases, command) => cases.assessRisk(command),
})

const recordOrder = command({
  path: "/v1/cases/:caseId/protection-orders",
  operationId: "recordProtectionOrder",
  creates: true,
  summary: "Record a protection order (requested or issued)",
  command: CaseCommands.RecordOrder,
  pathSchema: CasePath,
  result: ProtectionOrder.ProtectionOrder,
  run: (cases, command) => cases.recordOrder(command),
})

const recordOrderEvent = command({
  path: "/v1/cases/:caseId/protection-orders/:orderId/events",
  operationId: "recordProtectionOrderEvent",
  creates: true,
  summary: "Record an order's issue, rejection, extension, expiry, breach or court hearing",
  command: CaseCommands.RecordOrderEvent,
  pathSchema: OrderPath,
  result: ProtectionOrder.ProtectionOrder,
  run: (cases, command) => cases.recordOrderEvent(command),
})

const addMeasure = command({
  path: "/v1/cases/:caseId/safety-plan/measures",
  operationId: "addSafetyMeasure",
  creates: true,
  summary: "Add a safety-plan measure",
  command: CaseCommands.AddMeasure,
  pathSchema: CasePath,
  result: SafetyPlan.Measure,
  run: (cases, command) => cases.addMeasure(command),
})

const updateMeasure = command({
  method: "patch",
  path: "/v1/cases/:caseId/safety-plan/measures/:measureId",
  operationId: "updateSafetyMeasure",
  creates: false,
  summary: "Change a safety-plan measure's status, owner or review date",
  command: CaseCommands.UpdateMeasure,
  pathSchema: MeasurePath,
  result: SafetyPlan.Measure,
  run: (cases, command) => cases.updateMeasure(command),
})

const giveConsent = command({
  path: "/v1/cases/:caseId/consents",
  operationId: "giveConsent",
  creates: true,
  summary: "Record a consent to share",
  command: CaseCommands.GiveConsent,
  pathSchema: CasePath,
  result: Consent.Consent,
  run: (cases, command) => cases.giveConsent(command),
})

const confirmConsent = command({
  path: "/v1/cases/:caseId/consents/:consentId/confirmation",
  operationId: "confirmConsent",
  creates: false,
  summary:
    "Confirm a consent that widened its recorder's own institution's access (a second person: the coordinator, or the case lead)",
  command: CaseCommands.ConfirmConsent,
  pathSchema: ConsentPath,
  result: Consent.Consent,
  run: (cases, command) => cases.confirmConsent(command),
})

const withdrawConsent = command({
  path: "/v1/cases/:caseId/consents/:consentId/withdrawal",
  operationId: "withdrawConsent",
  creates: false,
  summary: "Withdraw a consent",
  command: CaseCommands.WithdrawConsent,
  pathSchema: ConsentPath,
  result: Consent.Consent,
  run: (cases, command) => cases.withdrawConsent(command),
})

const changeTeam = command({
  method: "put",
  path: "/v1/cases/:caseId/team",
  operationId: "changeCaseTeam",
  creates: false,
  summary: "Change the case team or its lead",
  command: CaseCommands.ChangeTeam,
  pathSchema: CasePath,
  result: CaseTeam.CaseTeam,
  run: (cases, command) => cases.changeTeam(command),
})

const transition = command({
  path: "/v1/cases/:caseId/transitions",
  operationId: "transitionCase",
  creates: false,
  summary: "Move the case through its lifecycle",
  command: CaseCommands.Transition,
  pathSchema: CasePath,
  result: Case.Case,
  run: (cases, command) => cases.transition(command),
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
      service.decoded.readPersonalData({ ...body, caseId: path.caseId, personId: path.personId }),
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
  handle: ({ body }) => Effect.flatMap(cases, (service) => service.decoded.findPersons(body)),
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
