/**
 * The case repository on `@effect/sql`, over the tables of `caseMigrations`,
 * for SQLite and PostgreSQL alike. Column names are written out in snake_case
 * on a client without name transforms, so the adapter reads the same whatever
 * transforms the application's client has. Rows are decoded with schemas (a row
 * that does not decode is a defect, like a database failure).
 */
import { CivilDate, Errors, Id, Municipality, PlainDecoder, Sector, Span } from "@bashke/kernel"
import { LeanStatement, OptimisticConcurrency, SqlValues } from "@bashke/persistence"
import { AccessPolicy, type BlindIndex, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option, type ParseResult, Schema } from "effect"
import * as Case from "./Case"
import * as CaseLifecycle from "./CaseLifecycle"
import { CaseReference } from "./CaseReference"
import {
  type CaseAccess,
  CaseRepository,
  type OrderEvent,
  type OrderEventKind,
  type PersonMatch,
  type Service,
  type Transition,
} from "./CaseRepository"
import type * as CaseTeam from "./CaseTeam"
import * as Consent from "./Consent"
import * as Incident from "./Incident"
import * as DecodedCases from "./internal/DecodedCases"
import * as OrderCondition from "./OrderCondition"
import * as Person from "./Person"
import type * as PersonalData from "./PersonalData"
import * as ProtectionOrder from "./ProtectionOrder"
import * as Relationship from "./Relationship"
import * as RiskAssessment from "./RiskAssessment"
import * as RiskInstrument from "./RiskInstrument"
import * as SafetyPlan from "./SafetyPlan"

// Integers, reals and timestamps as the two drivers hand them back.
const Integer = Schema.Union(Schema.Int, Schema.NumberFromString.pipe(Schema.int()))
const Real = Schema.Union(Schema.Number, Schema.NumberFromString)
// A timestamp as either dialect returns it.
const Instant = SqlValues.SqlTimestamp
const Nullable = <S extends Schema.Schema.Any>(schema: S) => Schema.NullishOr(schema)
const Json = <S extends Schema.Schema.Any>(schema: S) => Schema.parseJson(schema)

const CaseRow = Schema.Struct({
  id: Id.CaseId,
  mechanism_id: Id.MechanismId,
  reference: CaseReference,
  lead_institution: Id.InstitutionId,
  status: CaseLifecycle.Status,
  closed_at: Nullable(Instant),
  closure_reason: Nullable(CaseLifecycle.ClosureReason),
  opened_at: Instant,
  last_reviewed_at: Nullable(Instant),
  erased_at: Nullable(Instant),
  version: Integer,
})

const TeamRow = Schema.Struct({
  case_id: Id.CaseId,
  institution_id: Id.InstitutionId,
  sector: Sector.Sector,
  access: AccessPolicy.Access,
})

const PersonRow = Schema.Struct({
  id: Id.PersonId,
  case_id: Id.CaseId,
  role: Person.PersonRole,
  sex: Person.Sex,
  birth_year: Nullable(Integer),
  age_band: Nullable(Person.AgeBand),
  community: Nullable(Person.Community),
  disabilities: Json(Schema.Array(Person.Disability)),
  relationship_kind: Nullable(Schema.String),
  relationship_time: Nullable(Schema.String),
})

const SealedRow = Schema.Struct({
  given_name: Nullable(Vault.Sealed),
  family_name: Nullable(Vault.Sealed),
  personal_number: Nullable(Vault.Sealed),
  birth_date: Nullable(Vault.Sealed),
  address: Nullable(Vault.Sealed),
  phone: Nullable(Vault.Sealed),
  safe_contact: Nullable(Vault.Sealed),
})

const IncidentRow = Schema.Struct({
  id: Id.IncidentId,
  case_id: Id.CaseId,
  occurred_on: CivilDate.CivilDate,
  municipality: Municipality.MunicipalityCode,
  place: Nullable(Incident.Place),
  forms: Json(Schema.NonEmptyArray(Incident.ViolenceForm)),
  children: Incident.ChildrenExposure,
  perpetrators: Json(Schema.Array(Id.PersonId)),
  source: Incident.IncidentSource,
  source_institution: Nullable(Id.InstitutionId),
  source_reference: Nullable(Incident.SourceReference),
  recorded_at: Instant,
})

const AssessmentRow = Schema.Struct({
  id: RiskAssessment.RiskAssessmentId,
  case_id: Id.CaseId,
  instrument_id: RiskInstrument.InstrumentId,
  instrument_version: Integer,
  answers: Json(RiskInstrument.Answers),
  score: Real,
  computed_level: RiskInstrument.RiskLevel,
  judgement_level: Nullable(RiskInstrument.RiskLevel),
  judgement_reason: Nullable(RiskAssessment.JudgementReason),
  level: RiskInstrument.RiskLevel,
  assessed_at: Instant,
  assessed_by: Id.InstitutionId,
  reassess_on: CivilDate.CivilDate,
})

const OrderRow = Schema.Struct({
  id: Id.ProtectionOrderId,
  case_id: Id.CaseId,
  kind: ProtectionOrder.OrderKind,
  petitioner: ProtectionOrder.Petitioner,
  status: ProtectionOrder.Status,
  requested_at: Nullable(Instant),
  decided_at: Nullable(Instant),
  issued_at: Nullable(Instant),
  expires_at: Nullable(Instant),
  // Migration 15: the conditions as JSON text, null when none were recorded.
  conditions: Nullable(Schema.parseJson(Schema.Array(OrderCondition.Condition))),
})

// The kinds `protection_order_events` holds: a scheduled hearing is a row of
// `protection_order_hearings` (migration 5).
const OrderEventKindSchema = Schema.Literal(
  "requested",
  "issued",
  "rejected",
  "extended",
  "expired",
  "breach-recorded",
) satisfies Schema.Schema<Exclude<OrderEventKind, "hearing-scheduled">>

const OrderEventRow = Schema.Struct({
  order_id: Id.ProtectionOrderId,
  seq: Integer,
  event: OrderEventKindSchema,
  at: Instant,
  until_at: Nullable(Instant),
  reported_by: Nullable(Id.InstitutionId),
  recorded_at: Instant,
})

const HearingRow = Schema.Struct({
  order_id: Id.ProtectionOrderId,
  seq: Integer,
  hearing_at: Instant,
  scheduled_at: Instant,
  court: Nullable(Id.InstitutionId),
  recorded_at: Instant,
})

const MeasureRow = Schema.Struct({
  id: SafetyPlan.SafetyMeasureId,
  case_id: Id.CaseId,
  kind: SafetyPlan.MeasureKind,
  owner_institution: Id.InstitutionId,
  review_on: CivilDate.CivilDate,
  status: SafetyPlan.MeasureStatus,
})

const ConsentRow = Schema.Struct({
  id: Id.ConsentId,
  case_id: Id.CaseId,
  given_by: Id.PersonId,
  institutions: Json(Schema.Array(Id.InstitutionId)),
  sectors: Json(Schema.Array(Sector.Sector)),
  purposes: Json(Schema.NonEmptyArray(Consent.ConsentPurpose)),
  valid_from: Instant,
  valid_until: Nullable(Instant),
  withdrawn_at: Nullable(Instant),
  method: Nullable(Consent.ConsentMethod),
  taken_by: Nullable(Id.InstitutionId),
  recorded_by: Nullable(Id.PrincipalId),
  recorded_for: Nullable(Id.InstitutionId),
  witnessed_by: Nullable(Id.PrincipalId),
  needs_confirmation: Integer,
  confirmed_by: Nullable(Id.PrincipalId),
  confirmed_for: Nullable(Id.InstitutionId),
  confirmed_at: Nullable(Instant),
})

const TransitionRow = Schema.Struct({
  command: CaseLifecycle.CommandName,
  from_status: CaseLifecycle.Status,
  to_status: CaseLifecycle.Status,
  reason: Nullable(Schema.String),
  at: Instant,
  principal_id: Schema.String,
  institution_id: Nullable(Id.InstitutionId),
})

const MatchRow = Schema.Struct({ case_id: Id.CaseId, id: Id.PersonId })
const IndexedMatchRow = Schema.Struct({ case_id: Id.CaseId, id: Id.PersonId, personal_number_index: Schema.String })
const MunicipalityRow = Schema.Struct({ municipality: Municipality.MunicipalityCode })
const SeqRow = Schema.Struct({ seq: Integer })
const IdRow = Schema.Struct({ id: Id.CaseId })

// Built once: a decoder made per query (a fresh `Schema.Array` class, its AST
// and parser) cost more than the statement it decoded. Compiled
// (`PlainDecoder`, ADR 0027): Effect's interpreter cost more than the
// statement too, on the ~100 rows of a case read on every request.
const rowsOf = <A, I>(schema: Schema.Schema<A, I>) => {
  const decode = PlainDecoder.make(Schema.Array(schema))
  return (rows: unknown): Effect.Effect<ReadonlyArray<A>, ParseResult.ParseError> => decode(rows)
}
const decodeCases = rowsOf(CaseRow)
const decodeTeam = rowsOf(TeamRow)
const decodePersons = rowsOf(PersonRow)
const decodeSealed = rowsOf(SealedRow)
const decodeIncidents = rowsOf(IncidentRow)
const decodeAssessments = rowsOf(AssessmentRow)
const decodeOrders = rowsOf(OrderRow)
const decodeOrderEvents = rowsOf(OrderEventRow)
const decodeHearings = rowsOf(HearingRow)
const decodeMeasures = rowsOf(MeasureRow)
const decodeConsents = rowsOf(ConsentRow)
const decodeTransitions = rowsOf(TransitionRow)
const decodeMatches = rowsOf(MatchRow)
const decodeIndexedMatches = rowsOf(IndexedMatchRow)
const decodeMunicipalities = rowsOf(MunicipalityRow)
const decodeSeqs = rowsOf(SeqRow)
const decodeIds = rowsOf(IdRow)

/**
 * The parts of a case, each read as one JSON array column of the case's row
 * (ADR 0013): the table, the columns its row schema names, and the order the
 * parts read back in.
 */
const parts = {
  team: { table: "case_team_members", row: TeamRow, order: "position" },
  persons: { table: "persons", row: PersonRow, order: "id" },
  incidents: { table: "incidents", row: IncidentRow, order: "occurred_on, id" },
  assessments: { table: "risk_assessments", row: AssessmentRow, order: "assessed_at, id" },
  orders: { table: "protection_orders", row: OrderRow, order: "id" },
  order_events: { table: "protection_order_events", row: OrderEventRow, order: "order_id, seq" },
  hearings: { table: "protection_order_hearings", row: HearingRow, order: "order_id, seq" },
  measures: { table: "safety_plan_measures", row: MeasureRow, order: "id" },
  consents: { table: "consents", row: ConsentRow, order: "id" },
} as const

// The select list of the one statement that reads cases whole, per dialect:
// fixed text (table and column names from the schemas above, no input), so it
// is built once. A part is a correlated subquery on the part's `case_id` index.
const partColumns = (
  dialect: "pg" | "sqlite",
  names: ReadonlyArray<keyof typeof parts> = Object.keys(parts) as never,
) =>
  names
    .map((name) => {
      const part = parts[name]
      const fields = Object.keys(part.row.fields)
      if (dialect === "pg") {
        const object = `json_build_object(${fields.map((field) => `'${field}', ${field}`).join(", ")})`
        // As text, as SQLite hands it back: the row is then scalars on both dialects (`DecodedCases`).
        return `(SELECT coalesce(json_agg(${object} ORDER BY ${part.order}), '[]'::json) FROM ${part.table}
          WHERE case_id = cases.id)::text AS ${name}`
      }
      // SQLite: the rows ordered in a subquery, then gathered (`json()` keeps each a JSON object).
      const object = `json_object(${fields.map((field) => `'${field}', ${field}`).join(", ")})`
      return `(SELECT json_group_array(json(part)) FROM (SELECT ${object} AS part FROM ${part.table}
        WHERE case_id = cases.id ORDER BY ${part.order})) AS ${name}`
    })
    .join(",\n")
const caseRowColumns = Object.keys(CaseRow.fields).join(", ")
const wholeCaseSelect = {
  pg: `${caseRowColumns}, ${partColumns("pg")}`,
  sqlite: `${caseRowColumns}, ${partColumns("sqlite")}`,
}
// What an access decision reads of a case (`CaseAccess`): the row and three parts.
const accessParts = ["team", "persons", "consents"] as const
const accessSelect = {
  pg: `${caseRowColumns}, ${partColumns("pg", accessParts)}`,
  sqlite: `${caseRowColumns}, ${partColumns("sqlite", accessParts)}`,
}

/** A part's column as the driver hands it back: JSON text (SQLite) or already parsed (PostgreSQL). */
const partRows = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value)
const decodeRelationship = Schema.decodeUnknownSync(Relationship.Relationship)

// The sealed columns, by field of `Person.PersonalDetails`.
const sealedColumns = {
  givenName: "given_name",
  familyName: "family_name",
  personalNumber: "personal_number",
  birthDate: "birth_date",
  address: "address",
  phone: "phone",
  safeContact: "safe_contact",
} as const satisfies Record<Person.PersonalField, keyof typeof SealedRow.fields>

/** The sealed columns of `fields`, a missing field as null. */
const sealedColumnsOf = (fields: PersonalData.SealedFields): Record<string, string | null> => {
  const sealed: Record<string, string | null> = {}
  for (const [field, column] of Object.entries(sealedColumns))
    sealed[column] = fields[field as Person.PersonalField] ?? null
  return sealed
}

// The columns a person's and an incident's correction may change: written alike at insert and update.
const personColumns = (person: Person.Person) => ({
  sex: person.sex,
  birth_year: person.birthYear ?? null,
  age_band: person.ageBand ?? null,
  community: person.community ?? null,
  disabilities: JSON.stringify(person.disabilities),
  relationship_kind: person.relationship?.kind ?? null,
  relationship_time: person.relationship?.time ?? null,
})

const incidentColumns = (incident: Incident.Incident) => ({
  occurred_on: incident.occurredOn,
  municipality: incident.municipality,
  place: incident.place ?? null,
  forms: JSON.stringify(incident.forms),
  children: incident.children,
  perpetrators: JSON.stringify(incident.perpetrators),
  source: incident.source,
  source_institution: incident.sourceInstitution ?? null,
  source_reference: incident.sourceReference ?? null,
})

const iso = (date: Date | undefined): string | null => (date === undefined ? null : date.toISOString())
const defined = <A>(value: A | null | undefined): A | undefined => (value === null ? undefined : value)

const toPerson = (row: typeof PersonRow.Type): Person.Person => {
  const relationship =
    row.relationship_kind == null || row.relationship_time == null
      ? undefined
      : decodeRelationship({
          kind: row.relationship_kind,
          time: row.relationship_time,
        })
  return {
    id: row.id,
    role: row.role,
    sex: row.sex,
    ...(row.birth_year == null ? {} : { birthYear: row.birth_year }),
    ...(row.age_band == null ? {} : { ageBand: row.age_band }),
    ...(row.community == null ? {} : { community: row.community }),
    disabilities: row.disabilities,
    ...(relationship === undefined ? {} : { relationship }),
  }
}

const toIncident = (row: typeof IncidentRow.Type): Incident.Incident => ({
  id: row.id,
  occurredOn: row.occurred_on,
  municipality: row.municipality,
  ...(row.place == null ? {} : { place: row.place }),
  forms: row.forms,
  children: row.children,
  perpetrators: row.perpetrators,
  source: row.source,
  ...(row.source_institution == null ? {} : { sourceInstitution: row.source_institution }),
  ...(row.source_reference == null ? {} : { sourceReference: row.source_reference }),
  recordedAt: row.recorded_at,
})

const toAssessment = (row: typeof AssessmentRow.Type): RiskAssessment.RiskAssessment => ({
  id: row.id,
  instrument: { id: row.instrument_id, version: row.instrument_version },
  answers: row.answers,
  score: row.score,
  computedLevel: row.computed_level,
  ...(row.judgement_level == null || row.judgement_reason == null
    ? {}
    : { judgement: { level: row.judgement_level, reason: row.judgement_reason } }),
  level: row.level,
  assessedAt: row.assessed_at,
  assessedBy: row.assessed_by,
  reassessOn: row.reassess_on,
})

const toEvent = (row: typeof OrderEventRow.Type): OrderEvent => ({
  event: row.event,
  at: row.at,
  ...(row.until_at == null ? {} : { until: row.until_at }),
  ...(row.reported_by == null ? {} : { reportedBy: row.reported_by }),
  recordedAt: row.recorded_at,
})

const hearingEvent = (row: typeof HearingRow.Type): OrderEvent => ({
  event: "hearing-scheduled",
  at: row.scheduled_at,
  hearingAt: row.hearing_at,
  ...(row.court == null ? {} : { court: row.court }),
  recordedAt: row.recorded_at,
})

const toHearing = (row: typeof HearingRow.Type): ProtectionOrder.Hearing => ({
  at: row.hearing_at,
  scheduledAt: row.scheduled_at,
  ...(row.court == null ? {} : { court: row.court }),
})

// Rows of one table per order, in the order of `seq`.
const byOrder = <A extends { readonly order_id: string }>(rows: ReadonlyArray<A>): Map<string, Array<A>> => {
  const out = new Map<string, Array<A>>()
  for (const row of rows) {
    const list = out.get(row.order_id)
    if (list === undefined) out.set(row.order_id, [row])
    else list.push(row)
  }
  return out
}

const toOrder = (
  row: typeof OrderRow.Type,
  events: ReadonlyArray<typeof OrderEventRow.Type>,
  hearings: ReadonlyArray<typeof HearingRow.Type>,
): ProtectionOrder.ProtectionOrder => ({
  id: row.id,
  kind: row.kind,
  petitioner: row.petitioner,
  status: row.status,
  ...(row.requested_at == null ? {} : { requestedAt: row.requested_at }),
  ...(row.decided_at == null ? {} : { decidedAt: row.decided_at }),
  ...(row.issued_at == null ? {} : { issuedAt: row.issued_at }),
  ...(row.expires_at == null ? {} : { expiresAt: row.expires_at }),
  ...(row.conditions == null ? {} : { conditions: row.conditions }),
  extensions: events.flatMap((e) =>
    e.event === "extended" && e.until_at != null ? [{ at: e.at, until: e.until_at }] : [],
  ),
  breaches: events.flatMap((e) =>
    e.event === "breach-recorded"
      ? [e.reported_by == null ? { at: e.at } : { at: e.at, reportedBy: e.reported_by }]
      : [],
  ),
  hearings: hearings.map(toHearing),
})

const toMeasure = (row: typeof MeasureRow.Type): SafetyPlan.Measure => ({
  id: row.id,
  kind: row.kind,
  owner: row.owner_institution,
  reviewOn: row.review_on,
  status: row.status,
})

const recordingColumns = (consent: Consent.Consent) => ({
  method: consent.recording?.method ?? null,
  taken_by: consent.recording?.takenBy ?? null,
  recorded_by: consent.recording?.recordedBy ?? null,
  recorded_for: consent.recording?.recordedFor ?? null,
  witnessed_by: consent.recording?.witnessedBy ?? null,
})

const confirmationColumns = (consent: Consent.Consent) => ({
  needs_confirmation: consent.needsConfirmation ? 1 : 0,
  confirmed_by: consent.confirmation?.confirmedBy ?? null,
  confirmed_for: consent.confirmation?.confirmedFor ?? null,
  confirmed_at: consent.confirmation === undefined ? null : consent.confirmation.confirmedAt.toISOString(),
})

const toConsent = (row: typeof ConsentRow.Type): Consent.Consent => ({
  id: row.id,
  givenBy: row.given_by,
  institutions: row.institutions,
  sectors: row.sectors,
  purposes: row.purposes,
  from: row.valid_from,
  ...(row.valid_until == null ? {} : { until: row.valid_until }),
  ...(row.withdrawn_at == null ? {} : { withdrawnAt: row.withdrawn_at }),
  // Recorded before migration 6: no recording kept.
  ...(row.method == null || row.taken_by == null || row.recorded_by == null || row.recorded_for == null
    ? {}
    : {
        recording: {
          method: row.method,
          takenBy: row.taken_by,
          recordedBy: row.recorded_by,
          recordedFor: row.recorded_for,
          ...(row.witnessed_by == null ? {} : { witnessedBy: row.witnessed_by }),
        },
      }),
  needsConfirmation: row.needs_confirmation === 1,
  ...(row.confirmed_by == null || row.confirmed_at == null
    ? {}
    : {
        confirmation: {
          confirmedBy: row.confirmed_by,
          ...(row.confirmed_for == null ? {} : { confirmedFor: row.confirmed_for }),
          confirmedAt: row.confirmed_at,
        },
      }),
})

const toTransition = (row: typeof TransitionRow.Type): Transition => ({
  command: row.command,
  from: row.from_status,
  to: row.to_status,
  ...(row.reason == null ? {} : { reason: row.reason }),
  at: row.at,
  principalId: row.principal_id as Id.PrincipalId,
  ...(row.institution_id == null ? {} : { institutionId: row.institution_id }),
})

// Every case's rows of one part in `rows`, decoded together.
const gatheredOf =
  (rows: ReadonlyArray<Record<string, unknown>>) =>
  <A, E>(name: keyof typeof parts, decode: (rows: unknown) => Effect.Effect<A, E>) =>
    decode(rows.flatMap((row) => partRows(row[name]) as ReadonlyArray<unknown>))

// A case's team: the lead from its row, the members from its part.
const teamOf = (
  row: typeof CaseRow.Type,
  members: ReadonlyMap<string, ReadonlyArray<typeof TeamRow.Type>>,
): CaseTeam.CaseTeam => ({
  lead: row.lead_institution,
  members: (members.get(row.id) ?? []).map(
    (member): CaseTeam.TeamMember => ({
      institution: member.institution_id,
      sector: member.sector,
      access: member.access,
    }),
  ),
})

const groupBy = <A extends { readonly case_id: string }>(rows: ReadonlyArray<A>): Map<string, Array<A>> => {
  const out = new Map<string, Array<A>>()
  for (const row of rows) {
    const list = out.get(row.case_id)
    if (list === undefined) out.set(row.case_id, [row])
    else list.push(row)
  }
  return out
}

/**
 * The adapter over the application's `SqlClient`.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const client = yield* SqlClient.SqlClient
  const sql = client.withoutTransforms()
  const select = sql.literal(
    sql.onDialectOrElse({ pg: () => wholeCaseSelect.pg, orElse: () => wholeCaseSelect.sqlite }),
  )
  const accessSelectFor = sql.literal(
    sql.onDialectOrElse({ pg: () => accessSelect.pg, orElse: () => accessSelect.sqlite }),
  )
  // The cases decoded from rows that came back unchanged are answered as decoded then (ADR 0037).
  const decodedCases = DecodedCases.make<Case.Case>()
  // And what an access decision read of a case, the same way (ADR 0042).
  const decodedAccess = DecodedCases.make<CaseAccess>()
  // The cases with these ids, whole, in one statement (ADR 0013): the case
  // rows, each with its parts as JSON arrays.
  const load = (caseIds: ReadonlyArray<Id.CaseId>) =>
    Effect.gen(function* () {
      if (caseIds.length === 0) return []
      // On the lean way (ADR 0041): every use case on a case starts here.
      const rows = yield* LeanStatement.run(
        sql,
        sql<Record<string, unknown>>`SELECT ${select} FROM cases WHERE ${sql.in("id", caseIds)}`,
      )
      return yield* DecodedCases.through(decodedCases, rows, decode)
    })
  // What an access decision reads of these cases, in one statement: the rows and three parts.
  const loadAccess = (caseIds: ReadonlyArray<Id.CaseId>) =>
    Effect.gen(function* () {
      if (caseIds.length === 0) return []
      const rows = yield* LeanStatement.run(
        sql,
        sql<Record<string, unknown>>`SELECT ${accessSelectFor} FROM cases WHERE ${sql.in("id", caseIds)}`,
      )
      return yield* DecodedCases.through(decodedAccess, rows, decodeAccess)
    })
  // The `CaseAccess` of these rows, in their order.
  const decodeAccess = (rows: ReadonlyArray<Record<string, unknown>>) =>
    Effect.gen(function* () {
      const cases = yield* decodeCases(rows)
      const gathered = gatheredOf(rows)
      const team = groupBy(yield* gathered("team", decodeTeam))
      const persons = groupBy(yield* gathered("persons", decodePersons))
      const consents = groupBy(yield* gathered("consents", decodeConsents))
      return cases.map(
        (row): CaseAccess => ({
          id: row.id,
          mechanismId: row.mechanism_id,
          reference: row.reference,
          team: teamOf(row, team),
          persons: (persons.get(row.id) ?? []).map(toPerson),
          consents: (consents.get(row.id) ?? []).map(toConsent),
          ...(row.erased_at == null ? {} : { erasedAt: row.erased_at }),
        }),
      )
    })
  // The cases of these rows, in their order: each part's rows of every case decoded together.
  const decode = (rows: ReadonlyArray<Record<string, unknown>>) =>
    Effect.gen(function* () {
      const cases = yield* decodeCases(rows)
      const gathered = gatheredOf(rows)
      const team = groupBy(yield* gathered("team", decodeTeam))
      const persons = groupBy(yield* gathered("persons", decodePersons))
      const incidents = groupBy(yield* gathered("incidents", decodeIncidents))
      const assessments = groupBy(yield* gathered("assessments", decodeAssessments))
      const orders = groupBy(yield* gathered("orders", decodeOrders))
      const orderEvents = byOrder(yield* gathered("order_events", decodeOrderEvents))
      const hearings = byOrder(yield* gathered("hearings", decodeHearings))
      const measures = groupBy(yield* gathered("measures", decodeMeasures))
      const consents = groupBy(yield* gathered("consents", decodeConsents))
      return cases.map(
        (row): Case.Case => ({
          id: row.id,
          mechanismId: row.mechanism_id,
          reference: row.reference,
          status: row.status,
          ...(row.closed_at == null
            ? {}
            : {
                closure:
                  row.closure_reason == null
                    ? { closedAt: row.closed_at }
                    : { closedAt: row.closed_at, reason: row.closure_reason },
              }),
          team: teamOf(row, team),
          persons: (persons.get(row.id) ?? []).map(toPerson),
          incidents: (incidents.get(row.id) ?? []).map(toIncident),
          assessments: (assessments.get(row.id) ?? []).map(toAssessment),
          orders: (orders.get(row.id) ?? []).map((order) =>
            toOrder(order, orderEvents.get(order.id) ?? [], hearings.get(order.id) ?? []),
          ),
          safetyPlan: { measures: (measures.get(row.id) ?? []).map(toMeasure) },
          consents: (consents.get(row.id) ?? []).map(toConsent),
          openedAt: row.opened_at,
          ...(row.last_reviewed_at == null ? {} : { lastReviewedAt: row.last_reviewed_at }),
          ...(row.erased_at == null ? {} : { erasedAt: row.erased_at }),
          version: row.version,
        }),
      )
    })

  const caseColumns = (aCase: Case.Case) => ({
    lead_institution: aCase.team.lead,
    status: aCase.status,
    risk_level: Case.currentRisk(aCase) ?? null,
    closed_at: iso(aCase.closure?.closedAt),
    closure_reason: aCase.closure?.reason ?? null,
    last_reviewed_at: iso(aCase.lastReviewedAt),
    erased_at: iso(aCase.erasedAt),
  })

  const moveToMechanism: Service["moveToMechanism"] = (caseId, mechanismId) =>
    sql`UPDATE cases SET mechanism_id = ${mechanismId} WHERE id = ${caseId}`.pipe(
      Effect.asVoid,
      Effect.orDie,
      Span.untraced("SqlCaseRepository.moveToMechanism"),
    )

  const saveTeam: Service["saveTeam"] = (caseId, team, at) =>
    Effect.gen(function* () {
      const stored = yield* decodeTeam(
        yield* sql`SELECT case_id, institution_id, sector, access FROM case_team_members WHERE case_id = ${caseId}`,
      )
      const wanted = new Map(team.members.map((member) => [member.institution as string, member]))
      for (const row of stored) {
        const member = wanted.get(row.institution_id)
        if (member === undefined)
          yield* sql`DELETE FROM case_team_members WHERE case_id = ${caseId} AND institution_id = ${row.institution_id}`
        else if (member.access !== row.access || member.sector !== row.sector)
          yield* sql`UPDATE case_team_members SET access = ${member.access}, sector = ${member.sector},
            version = version + 1 WHERE case_id = ${caseId} AND institution_id = ${row.institution_id}`
        wanted.delete(row.institution_id)
      }
      // New members join at the end, in the order given: the team reads back as it was built.
      const last = yield* decodeSeqs(
        yield* sql`SELECT COALESCE(MAX(position), 0) AS seq FROM case_team_members WHERE case_id = ${caseId}`,
      )
      let position = last[0]?.seq ?? 0
      for (const member of wanted.values()) {
        position += 1
        yield* sql`INSERT INTO case_team_members ${sql.insert({
          case_id: caseId,
          institution_id: member.institution,
          sector: member.sector,
          access: member.access,
          position,
          added_at: at.toISOString(),
          version: OptimisticConcurrency.initialVersion,
        })}`
      }
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.saveTeam"))

  const insert: Service["insert"] = (aCase, placement) =>
    Effect.gen(function* () {
      const taken = yield* sql`SELECT id FROM cases WHERE reference = ${aCase.reference}
        OR (mechanism_id = ${aCase.mechanismId} AND year = ${placement.year} AND sequence = ${placement.sequence})`
      if (taken.length > 0)
        return yield* new Errors.Conflict({ entity: "Case", id: aCase.id, rule: "case.reference.taken" })
      yield* sql`INSERT INTO cases ${sql.insert({
        id: aCase.id,
        mechanism_id: aCase.mechanismId,
        reference: aCase.reference,
        municipality: placement.municipality,
        year: placement.year,
        sequence: placement.sequence,
        ...caseColumns(aCase),
        opened_at: aCase.openedAt.toISOString(),
        version: aCase.version,
      })}`
      yield* saveTeam(aCase.id, aCase.team, aCase.openedAt)
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlCaseRepository.insert"))

  // No span of its own: every use case on a case starts here, under the use
  // case's span, and the one statement has its own (`sql.execute`); a span
  // more cost a copy of the request's context on every read.
  const find: Service["find"] = (id) =>
    load([id]).pipe(
      Effect.map((cases) => Option.fromNullable(cases[0])),
      Effect.orDie,
    )

  const findMany: Service["findMany"] = (ids) =>
    load(ids).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.findMany"))

  // No span of its own, as `find`.
  const findAccess: Service["findAccess"] = (id) =>
    loadAccess([id]).pipe(
      Effect.map((cases) => Option.fromNullable(cases[0])),
      Effect.orDie,
    )

  const findManyAccess: Service["findManyAccess"] = (ids) =>
    loadAccess(ids).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.findManyAccess"))

  const list: Service["list"] = (mechanismId, options) =>
    Effect.gen(function* () {
      const rows = yield* decodeIds(
        options?.includeClosed === true
          ? yield* sql`SELECT id FROM cases WHERE mechanism_id = ${mechanismId} ORDER BY year, sequence`
          : yield* sql`SELECT id FROM cases WHERE mechanism_id = ${mechanismId} AND status <> 'closed'
              ORDER BY year, sequence`,
      )
      const byId = new Map((yield* load(rows.map((row) => row.id))).map((aCase) => [aCase.id as string, aCase]))
      return rows.flatMap((row) => {
        const aCase = byId.get(row.id)
        return aCase === undefined ? [] : [aCase]
      })
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.list"))

  const openPage: Service["openPage"] = (mechanismId, page) =>
    Effect.gen(function* () {
      const after = page.after === undefined ? sql`` : sql`AND id > ${page.after}`
      // A never-assessed case has no risk level and counts as `standard`; the
      // expression is the index's (`cases_open_risk_page`, migration 10).
      const risk = page.riskLevel === undefined ? sql`` : sql`AND COALESCE(risk_level, 'standard') = ${page.riskLevel}`
      // Each has its index (`cases_open_status_page`, `cases_open_lead_page`,
      // migration 23); with two filters, the walk over one skips what the other rejects.
      const status = page.status === undefined ? sql`` : sql`AND status = ${page.status}`
      const lead = page.leadInstitution === undefined ? sql`` : sql`AND lead_institution = ${page.leadInstitution}`
      const rows = yield* decodeIds(
        yield* sql`SELECT id FROM cases WHERE mechanism_id = ${mechanismId} AND status <> 'closed' ${risk} ${status}
          ${lead} ${after} ORDER BY id LIMIT ${page.limit}`,
      )
      const byId = new Map((yield* load(rows.map((row) => row.id))).map((aCase) => [aCase.id as string, aCase]))
      return rows.flatMap((row) => {
        const aCase = byId.get(row.id)
        return aCase === undefined ? [] : [aCase]
      })
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.openPage"))

  const mechanismOf: Service["mechanismOf"] = (id) =>
    sql<{ readonly mechanism_id: string }>`SELECT mechanism_id FROM cases WHERE id = ${id}`.pipe(
      Effect.map((rows) => Option.fromNullable(rows[0]?.mechanism_id as Id.MechanismId | undefined)),
      Effect.orDie,
      Span.untraced("SqlCaseRepository.mechanismOf"),
    )

  const municipalityOf: Service["municipalityOf"] = (mechanismId) =>
    sql`SELECT municipality FROM cases WHERE mechanism_id = ${mechanismId} ORDER BY year, sequence LIMIT 1`.pipe(
      Effect.flatMap(decodeMunicipalities),
      Effect.map((rows) => Option.fromNullable(rows[0]?.municipality)),
      Effect.orDie,
      Span.untraced("SqlCaseRepository.municipalityOf"),
    )

  const update: Service["update"] = (aCase, expectedVersion) =>
    OptimisticConcurrency.update({
      table: "cases",
      entity: "Case",
      id: aCase.id,
      expectedVersion,
      set: caseColumns(aCase),
    }).pipe(
      Effect.map((version) => ({ ...aCase, version })),
      Effect.provideService(SqlClient.SqlClient, sql),
      Span.untraced("SqlCaseRepository.update"),
    )

  const insertPerson: Service["insertPerson"] = (caseId, person, details, at) =>
    sql`INSERT INTO persons ${sql.insert({
      id: person.id,
      case_id: caseId,
      role: person.role,
      ...personColumns(person),
      ...sealedColumnsOf(details.fields),
      personal_number_index: details.personalNumberIndex ?? null,
      created_at: at.toISOString(),
      version: OptimisticConcurrency.initialVersion,
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlCaseRepository.insertPerson"))

  // No span of its own and no generator: read on every details read, under the
  // use case's span, on the lean way (ADR 0041; `sql.execute` where tracing is on).
  const sealedDetails: Service["sealedDetails"] = (caseId, personId) =>
    LeanStatement.run(
      sql,
      sql`SELECT given_name, family_name, personal_number, birth_date, address, phone, safe_contact
          FROM persons WHERE id = ${personId} AND case_id = ${caseId}`,
    ).pipe(
      Effect.flatMap(decodeSealed),
      Effect.flatMap((rows) => {
        const row = rows[0]
        if (row === undefined) return Effect.fail(new Errors.NotFound({ entity: "Person", id: personId }))
        const fields: PersonalData.SealedFields = {}
        for (const [field, column] of Object.entries(sealedColumns)) {
          const value = defined(row[column])
          if (value !== undefined) fields[field as Person.PersonalField] = value
        }
        return Effect.succeed(fields)
      }),
      Effect.catchTags({ SqlError: Effect.die, ParseError: Effect.die }),
    )

  const caseOfPerson: Service["caseOfPerson"] = (personId) =>
    sql`SELECT case_id, id FROM persons WHERE id = ${personId}`.pipe(
      Effect.flatMap(decodeMatches),
      Effect.map((rows) => Option.fromNullable(rows[0]?.case_id)),
      Effect.orDie,
      Span.untraced("SqlCaseRepository.caseOfPerson"),
    )

  const personsByIndex: Service["personsByIndex"] = (index) =>
    sql`SELECT case_id, id FROM persons WHERE personal_number_index = ${index} ORDER BY case_id, id`.pipe(
      Effect.flatMap(decodeMatches),
      Effect.map((rows) => rows.map((row) => ({ caseId: row.case_id, personId: row.id }))),
      Effect.orDie,
      Span.untraced("SqlCaseRepository.personsByIndex"),
    )

  const personsByIndexes: Service["personsByIndexes"] = (indexes) =>
    Effect.gen(function* () {
      const found = new Map<BlindIndex.Digest, Array<PersonMatch>>()
      const distinct = [...new Set(indexes)]
      for (let from = 0; from < distinct.length; from += 500) {
        const rows = yield* decodeIndexedMatches(
          yield* sql`SELECT case_id, id, personal_number_index FROM persons
            WHERE ${sql.in("personal_number_index", distinct.slice(from, from + 500))} ORDER BY case_id, id`,
        )
        for (const row of rows) {
          const index = row.personal_number_index as BlindIndex.Digest
          const persons = found.get(index)
          const match = { caseId: row.case_id, personId: row.id }
          if (persons === undefined) found.set(index, [match])
          else persons.push(match)
        }
      }
      return found as ReadonlyMap<BlindIndex.Digest, ReadonlyArray<PersonMatch>>
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.personsByIndexes"))

  const insertIncident: Service["insertIncident"] = (caseId, incident) =>
    sql`INSERT INTO incidents ${sql.insert({
      id: incident.id,
      case_id: caseId,
      ...incidentColumns(incident),
      recorded_at: incident.recordedAt.toISOString(),
      version: OptimisticConcurrency.initialVersion,
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlCaseRepository.insertIncident"))

  const claimVersions: Service["claimVersions"] = (claims) =>
    Effect.gen(function* () {
      const claimed = new Set<string>()
      for (let from = 0; from < claims.length; from += 500) {
        const part = claims.slice(from, from + 500)
        const pairs = sql.csv(part.map((claim) => sql`(${claim.id}, CAST(${claim.version} AS INTEGER))`))
        const rows = yield* decodeIds(
          yield* sql`UPDATE cases SET version = version + 1
            WHERE (id, version) IN (VALUES ${pairs}) RETURNING id`,
        )
        for (const row of rows) claimed.add(row.id)
      }
      const missed = claims.find((claim) => !claimed.has(claim.id))
      // The one-case claim says why (stale or gone); the caller's transaction undoes the others.
      if (missed !== undefined)
        return yield* OptimisticConcurrency.update({
          table: "cases",
          entity: "Case",
          id: missed.id,
          expectedVersion: missed.version,
          set: {},
        }).pipe(Effect.provideService(SqlClient.SqlClient, sql), Effect.zipRight(Effect.dieMessage("claim raced")))
    }).pipe(
      Effect.catchTags({ SqlError: Effect.die, ParseError: Effect.die }),
      Span.untraced("SqlCaseRepository.claimVersions"),
    )

  // 13 parameters a row: 500 rows keep a statement under SQLite's and PostgreSQL's limits.
  const insertIncidents: Service["insertIncidents"] = (incidents) =>
    Effect.gen(function* () {
      const rows = incidents.map(({ caseId, incident }) => ({
        id: incident.id,
        case_id: caseId,
        ...incidentColumns(incident),
        recorded_at: incident.recordedAt.toISOString(),
        version: OptimisticConcurrency.initialVersion,
      }))
      for (let from = 0; from < rows.length; from += 500)
        yield* sql`INSERT INTO incidents ${sql.insert(rows.slice(from, from + 500))}`
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.insertIncidents"))

  /** The version a corrected row now has, or `NotFound` when no row was updated. */
  const newVersion = (entity: string, id: string) => (rows: ReadonlyArray<Record<string, unknown>>) => {
    const version = SqlValues.intFromSql(rows[0]?.version)
    return version === undefined ? Effect.fail(new Errors.NotFound({ entity, id })) : Effect.succeed(version)
  }

  const updatePerson: Service["updatePerson"] = (caseId, person, details) => {
    const sealed: Record<string, string | null> = details === undefined ? {} : sealedColumnsOf(details.fields)
    // A correction that leaves the personal number keeps its index.
    if (details?.personalNumberIndex !== undefined) sealed.personal_number_index = details.personalNumberIndex
    return sql`UPDATE persons SET ${sql.update({
      ...personColumns(person),
      ...sealed,
    })}, version = version + 1 WHERE id = ${person.id} AND case_id = ${caseId} RETURNING version`.pipe(
      Effect.catchTag("SqlError", Effect.die),
      Effect.flatMap(newVersion("Person", person.id)),
      Span.untraced("SqlCaseRepository.updatePerson"),
    )
  }

  const updateIncident: Service["updateIncident"] = (caseId, incident) =>
    sql`UPDATE incidents SET ${sql.update(incidentColumns(incident))}, version = version + 1 WHERE id = ${incident.id} AND case_id = ${caseId} RETURNING version`.pipe(
      Effect.catchTag("SqlError", Effect.die),
      Effect.flatMap(newVersion("Incident", incident.id)),
      Span.untraced("SqlCaseRepository.updateIncident"),
    )

  const insertAssessment: Service["insertAssessment"] = (caseId, assessment) =>
    sql`INSERT INTO risk_assessments ${sql.insert({
      id: assessment.id,
      case_id: caseId,
      instrument_id: assessment.instrument.id,
      instrument_version: assessment.instrument.version,
      answers: JSON.stringify(assessment.answers),
      score: assessment.score,
      computed_level: assessment.computedLevel,
      judgement_level: assessment.judgement?.level ?? null,
      judgement_reason: assessment.judgement?.reason ?? null,
      level: assessment.level,
      assessed_at: assessment.assessedAt.toISOString(),
      assessed_by: assessment.assessedBy,
      reassess_on: assessment.reassessOn,
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlCaseRepository.insertAssessment"))

  const appendOrderEvent = (caseId: Id.CaseId, orderId: Id.ProtectionOrderId, event: OrderEvent) =>
    Effect.gen(function* () {
      // The case row is claimed (locked) by the service first, so no other
      // writer can take the same number. Events and hearings share it, so the
      // history reads back in the order it was written.
      const last = yield* decodeSeqs(
        yield* sql`SELECT COALESCE(MAX(seq), 0) AS seq FROM (
            SELECT seq FROM protection_order_events WHERE order_id = ${orderId}
            UNION ALL SELECT seq FROM protection_order_hearings WHERE order_id = ${orderId}
          ) AS written`,
      )
      const seq = (last[0]?.seq ?? 0) + 1
      if (event.event === "hearing-scheduled") {
        if (event.hearingAt === undefined) return yield* Effect.dieMessage("hearing-scheduled without hearingAt")
        return yield* sql`INSERT INTO protection_order_hearings ${sql.insert({
          order_id: orderId,
          seq,
          case_id: caseId,
          hearing_at: event.hearingAt.toISOString(),
          scheduled_at: event.at.toISOString(),
          court: event.court ?? null,
          recorded_at: event.recordedAt.toISOString(),
        })}`
      }
      yield* sql`INSERT INTO protection_order_events ${sql.insert({
        order_id: orderId,
        seq,
        case_id: caseId,
        event: event.event,
        at: event.at.toISOString(),
        until_at: iso(event.until),
        reported_by: event.reportedBy ?? null,
        recorded_at: event.recordedAt.toISOString(),
      })}`
    })

  const orderColumns = (order: ProtectionOrder.ProtectionOrder) => ({
    status: order.status,
    requested_at: iso(order.requestedAt),
    decided_at: iso(order.decidedAt),
    issued_at: iso(order.issuedAt),
    expires_at: iso(order.expiresAt),
    conditions: order.conditions === undefined ? null : JSON.stringify(order.conditions),
  })

  const insertOrder: Service["insertOrder"] = (caseId, order, event) =>
    Effect.gen(function* () {
      yield* sql`INSERT INTO protection_orders ${sql.insert({
        id: order.id,
        case_id: caseId,
        kind: order.kind,
        petitioner: order.petitioner,
        ...orderColumns(order),
        version: OptimisticConcurrency.initialVersion,
      })}`
      yield* appendOrderEvent(caseId, order.id, event)
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.insertOrder"))

  const updateOrder: Service["updateOrder"] = (caseId, order, event) =>
    Effect.gen(function* () {
      const rows = yield* sql`UPDATE protection_orders SET ${sql.update(orderColumns(order))}, version = version + 1
        WHERE id = ${order.id} AND case_id = ${caseId} RETURNING id`
      if (rows.length === 0) return yield* new Errors.NotFound({ entity: "ProtectionOrder", id: order.id })
      yield* appendOrderEvent(caseId, order.id, event)
    }).pipe(
      Effect.catchTags({ SqlError: Effect.die, ParseError: Effect.die }),
      Span.untraced("SqlCaseRepository.updateOrder"),
    )

  const updateOrderConditions: Service["updateOrderConditions"] = (caseId, orderId, conditions) =>
    sql`UPDATE protection_orders SET conditions = ${JSON.stringify(conditions)}, version = version + 1
      WHERE id = ${orderId} AND case_id = ${caseId} RETURNING version`.pipe(
      Effect.catchTag("SqlError", Effect.die),
      Effect.flatMap(newVersion("ProtectionOrder", orderId)),
      Span.untraced("SqlCaseRepository.updateOrderConditions"),
    )

  const ordersPastExpiry: Service["ordersPastExpiry"] = (at, limit) =>
    sql<{ case_id: Id.CaseId; id: Id.ProtectionOrderId }>`SELECT case_id, id FROM protection_orders
      WHERE status IN ('issued', 'extended') AND expires_at IS NOT NULL AND expires_at <= ${iso(at)}
      ORDER BY expires_at, id LIMIT ${limit}`.pipe(
      Effect.map((rows) => rows.map((row) => ({ caseId: row.case_id, orderId: row.id }))),
      Effect.orDie,
      Span.untraced("SqlCaseRepository.ordersPastExpiry"),
    )

  const orderEvents: Service["orderEvents"] = (orderId) =>
    Effect.gen(function* () {
      const events = yield* decodeOrderEvents(
        yield* sql`SELECT order_id, seq, event, at, until_at, reported_by, recorded_at FROM protection_order_events
          WHERE order_id = ${orderId}`,
      )
      const hearings = yield* decodeHearings(
        yield* sql`SELECT order_id, seq, hearing_at, scheduled_at, court, recorded_at FROM protection_order_hearings
          WHERE order_id = ${orderId}`,
      )
      return [
        ...events.map((row) => ({ seq: row.seq, event: toEvent(row) })),
        ...hearings.map((row) => ({ seq: row.seq, event: hearingEvent(row) })),
      ]
        .sort((a, b) => a.seq - b.seq)
        .map((entry) => entry.event)
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.orderEvents"))

  const insertMeasure: Service["insertMeasure"] = (caseId, measure) =>
    sql`INSERT INTO safety_plan_measures ${sql.insert({
      id: measure.id,
      case_id: caseId,
      kind: measure.kind,
      owner_institution: measure.owner,
      review_on: measure.reviewOn,
      status: measure.status,
      version: OptimisticConcurrency.initialVersion,
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlCaseRepository.insertMeasure"))

  const updateMeasure: Service["updateMeasure"] = (caseId, measure) =>
    Effect.gen(function* () {
      const rows = yield* sql`UPDATE safety_plan_measures SET ${sql.update({
        kind: measure.kind,
        owner_institution: measure.owner,
        review_on: measure.reviewOn,
        status: measure.status,
      })}, version = version + 1 WHERE id = ${measure.id} AND case_id = ${caseId} RETURNING id`
      if (rows.length === 0) return yield* new Errors.NotFound({ entity: "SafetyMeasure", id: measure.id })
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlCaseRepository.updateMeasure"))

  const insertConsent: Service["insertConsent"] = (caseId, consent) =>
    sql`INSERT INTO consents ${sql.insert({
      id: consent.id,
      case_id: caseId,
      given_by: consent.givenBy,
      institutions: JSON.stringify(consent.institutions),
      sectors: JSON.stringify(consent.sectors),
      purposes: JSON.stringify(consent.purposes),
      valid_from: consent.from.toISOString(),
      valid_until: iso(consent.until),
      withdrawn_at: iso(consent.withdrawnAt),
      ...recordingColumns(consent),
      ...confirmationColumns(consent),
      version: OptimisticConcurrency.initialVersion,
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlCaseRepository.insertConsent"))

  const updateConsent: Service["updateConsent"] = (caseId, consent) =>
    Effect.gen(function* () {
      const rows = yield* sql`UPDATE consents SET ${sql.update({
        valid_until: iso(consent.until),
        withdrawn_at: iso(consent.withdrawnAt),
        ...confirmationColumns(consent),
      })}, version = version + 1 WHERE id = ${consent.id} AND case_id = ${caseId} RETURNING id`
      if (rows.length === 0) return yield* new Errors.NotFound({ entity: "Consent", id: consent.id })
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlCaseRepository.updateConsent"))

  const insertTransition: Service["insertTransition"] = (caseId, transition) =>
    Effect.gen(function* () {
      const last = yield* decodeSeqs(
        yield* sql`SELECT COALESCE(MAX(seq), 0) AS seq FROM case_transitions WHERE case_id = ${caseId}`,
      )
      yield* sql`INSERT INTO case_transitions ${sql.insert({
        case_id: caseId,
        seq: (last[0]?.seq ?? 0) + 1,
        command: transition.command,
        from_status: transition.from,
        to_status: transition.to,
        reason: transition.reason ?? null,
        at: transition.at.toISOString(),
        principal_id: transition.principalId,
        institution_id: transition.institutionId ?? null,
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlCaseRepository.insertTransition"))

  const transitions: Service["transitions"] = (caseId) =>
    sql`SELECT command, from_status, to_status, reason, at, principal_id, institution_id FROM case_transitions
      WHERE case_id = ${caseId} ORDER BY seq`.pipe(
      Effect.flatMap(decodeTransitions),
      Effect.map((rows) => rows.map(toTransition)),
      Effect.orDie,
      Span.untraced("SqlCaseRepository.transitions"),
    )

  return {
    insert,
    find,
    findMany,
    findAccess,
    findManyAccess,
    list,
    openPage,
    mechanismOf,
    municipalityOf,
    update,
    saveTeam,
    moveToMechanism,
    insertPerson,
    sealedDetails,
    caseOfPerson,
    personsByIndex,
    personsByIndexes,
    updatePerson,
    insertIncident,
    insertIncidents,
    claimVersions,
    updateIncident,
    insertAssessment,
    insertOrder,
    updateOrder,
    updateOrderConditions,
    ordersPastExpiry,
    orderEvents,
    insertMeasure,
    updateMeasure,
    insertConsent,
    updateConsent,
    insertTransition,
    transitions,
  }
})

export const layer: Layer.Layer<CaseRepository, never, SqlClient.SqlClient> = Layer.effect(CaseRepository, make)
