/**
 * `OpenCases` on `@effect/sql`, for SQLite and PostgreSQL: a mechanism's open
 * cases in four statements whatever their number (cases, team members, active
 * orders with their hearings, latest assessments), each through the indexes
 * by mechanism and by case.
 */
import { CivilDate, Id } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Schema } from "effect"
import * as CaseDue from "./CaseDue"
import { CaseReference } from "./CaseReference"
import { type Heading, OpenCases, type Service } from "./OpenCases"
import * as ProtectionOrder from "./ProtectionOrder"

const Instant = SqlValues.SqlTimestamp
const Nullable = <S extends Schema.Schema.Any>(schema: S) => Schema.NullishOr(schema)

const CaseRow = Schema.Struct({
  id: Id.CaseId,
  mechanism_id: Id.MechanismId,
  reference: CaseReference,
  lead_institution: Id.InstitutionId,
  status: Schema.String,
})
const TeamRow = Schema.Struct({ case_id: Id.CaseId, institution_id: Id.InstitutionId })
const OrderRow = Schema.Struct({
  id: Id.ProtectionOrderId,
  case_id: Id.CaseId,
  kind: ProtectionOrder.OrderKind,
  status: ProtectionOrder.Status,
  requested_at: Nullable(Instant),
  expires_at: Nullable(Instant),
})
const HearingRow = Schema.Struct({
  order_id: Id.ProtectionOrderId,
  hearing_at: Instant,
  scheduled_at: Instant,
  court: Nullable(Id.InstitutionId),
})
const AssessmentRow = Schema.Struct({ case_id: Id.CaseId, reassess_on: Schema.Unknown, assessed_at: Instant })

const decodeCases = Schema.decodeUnknownSync(Schema.Array(CaseRow))
const decodeTeam = Schema.decodeUnknownSync(Schema.Array(TeamRow))
const decodeOrders = Schema.decodeUnknownSync(Schema.Array(OrderRow))
const decodeHearings = Schema.decodeUnknownSync(Schema.Array(HearingRow))
const decodeAssessments = Schema.decodeUnknownSync(Schema.Array(AssessmentRow))
const decodeDay = Schema.decodeUnknownSync(CivilDate.CivilDate)

// A `date` column: a `Date` at UTC midnight from node-postgres, `YYYY-MM-DD` text on SQLite.
const dayOf = (value: unknown): CivilDate.CivilDate =>
  decodeDay(value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10))

const group = <A, K>(rows: ReadonlyArray<A>, keyOf: (row: A) => K): Map<K, Array<A>> => {
  const out = new Map<K, Array<A>>()
  for (const row of rows) {
    const list = out.get(keyOf(row))
    if (list === undefined) out.set(keyOf(row), [row])
    else list.push(row)
  }
  return out
}

// SQL IN lists stay well under every driver's parameter limit.
const chunks = <A>(items: ReadonlyArray<A>, size = 500): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * The port over the current `SqlClient`.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const active = sql.in("o.status", CaseDue.activeStatuses)

  const forMechanism: Service["forMechanism"] = (mechanism) =>
    Effect.gen(function* () {
      const cases = decodeCases(
        yield* sql`SELECT id, mechanism_id, reference, lead_institution, status FROM cases
          WHERE mechanism_id = ${mechanism} AND status <> 'closed' ORDER BY id`,
      )
      if (cases.length === 0) return []
      const team = group(
        decodeTeam(
          yield* sql`SELECT m.case_id, m.institution_id FROM case_team_members m JOIN cases c ON c.id = m.case_id
            WHERE c.mechanism_id = ${mechanism} AND c.status <> 'closed' ORDER BY m.case_id, m.position`,
        ),
        (row) => row.case_id,
      )
      const orderRows = decodeOrders(
        yield* sql`SELECT o.id, o.case_id, o.kind, o.status, o.requested_at, o.expires_at
          FROM protection_orders o JOIN cases c ON c.id = o.case_id
          WHERE c.mechanism_id = ${mechanism} AND c.status <> 'closed' AND ${active} ORDER BY o.id`,
      )
      const hearings = group(
        decodeHearings(
          yield* sql`SELECT h.order_id, h.hearing_at, h.scheduled_at, h.court
            FROM protection_order_hearings h JOIN protection_orders o ON o.id = h.order_id
            JOIN cases c ON c.id = o.case_id
            WHERE c.mechanism_id = ${mechanism} AND c.status <> 'closed' AND ${active}
            ORDER BY h.order_id, h.seq`,
        ),
        (row) => row.order_id,
      )
      const orders = group(orderRows, (row) => row.case_id)
      const latest = new Map<Id.CaseId, { readonly at: number; readonly on: CivilDate.CivilDate }>()
      for (const row of decodeAssessments(
        yield* sql`SELECT r.case_id, r.reassess_on, r.assessed_at FROM risk_assessments r
          JOIN cases c ON c.id = r.case_id WHERE c.mechanism_id = ${mechanism} AND c.status <> 'closed'`,
      )) {
        const known = latest.get(row.case_id)
        if (known === undefined || row.assessed_at.getTime() >= known.at)
          latest.set(row.case_id, { at: row.assessed_at.getTime(), on: dayOf(row.reassess_on) })
      }
      return cases.map(
        (row): CaseDue.OpenCase => ({
          id: row.id,
          mechanism: row.mechanism_id,
          reference: row.reference,
          lead: row.lead_institution,
          team: (team.get(row.id) ?? []).map((member) => member.institution_id),
          orders: (orders.get(row.id) ?? []).map((order) => ({
            id: order.id,
            kind: order.kind,
            status: order.status,
            ...(order.requested_at == null ? {} : { requestedAt: order.requested_at }),
            ...(order.expires_at == null ? {} : { expiresAt: order.expires_at }),
            hearings: (hearings.get(order.id) ?? []).map((hearing) => ({
              at: hearing.hearing_at,
              scheduledAt: hearing.scheduled_at,
              ...(hearing.court == null ? {} : { court: hearing.court }),
            })),
          })),
          reassessOn: latest.get(row.id)?.on,
        }),
      )
    }).pipe(Effect.orDie, Effect.withSpan("OpenCases.forMechanism"))

  const headings: Service["headings"] = (ids) =>
    Effect.gen(function* () {
      const out = new Map<Id.CaseId, Heading>()
      for (const chunk of chunks([...new Set(ids)])) {
        const cases = decodeCases(
          yield* sql`SELECT id, mechanism_id, reference, lead_institution, status FROM cases
            WHERE ${sql.in("id", chunk)}`,
        )
        const team = group(
          decodeTeam(
            yield* sql`SELECT case_id, institution_id FROM case_team_members WHERE ${sql.in("case_id", chunk)}
              ORDER BY case_id, position`,
          ),
          (row) => row.case_id,
        )
        for (const row of cases)
          out.set(row.id, {
            id: row.id,
            mechanism: row.mechanism_id,
            reference: row.reference,
            closed: row.status === "closed",
            lead: row.lead_institution,
            team: (team.get(row.id) ?? []).map((member) => member.institution_id),
          })
      }
      return out
    }).pipe(Effect.orDie)

  return { forMechanism, headings }
})

/**
 * The port as a layer.
 */
export const layer: Layer.Layer<OpenCases, never, SqlClient.SqlClient> = Layer.effect(OpenCases, make)
