/**
 * The `ActionPlanRepository` on `@effect/sql`, for SQLite and PostgreSQL, over
 * the `action_plan_plans` table: the plan's objectives, activities and
 * indicators as one JSON document (jsonb on PostgreSQL). Joins the caller's
 * transaction; SQL failures are defects.
 */
import { Errors, Span } from "@bashke/kernel"
import { OptimisticConcurrency, SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Schema } from "effect"
import { ActionPlan } from "./ActionPlan"
import { ActionPlanRepository, type Service } from "./ActionPlanRepository"
import { PlanRevision, Previous } from "./PlanRevision"

type Row = Record<string, unknown>

const Document = ActionPlan.pipe(Schema.pick("title", "objectives", "activities", "indicators"))
const encodeDocument = Schema.encodeSync(Document)

const documentOf = (plan: ActionPlan): string => JSON.stringify(encodeDocument(plan))

// PostgreSQL's driver parses jsonb; SQLite hands back the text.
const parseDocument = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value)

/**
 * Builds the adapter from the `SqlClient` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const client = yield* SqlClient.SqlClient
  const sql = client.withoutTransforms()
  const decode = SqlValues.decodeStored(ActionPlan)

  const fromRow = (row: Row) =>
    decode({
      ...(parseDocument(row.document) as object),
      id: row.id,
      mechanismId: row.mechanism_id,
      framework: row.framework,
      status: row.status,
      period: { start: row.period_start, end: row.period_end },
      version: SqlValues.intFromSql(row.version),
      createdAt: SqlValues.fromSql(row.created_at),
      updatedAt: SqlValues.fromSql(row.updated_at),
    })

  const insert: Service["insert"] = (plan) =>
    sql`INSERT INTO action_plan_plans ${sql.insert({
      id: plan.id,
      mechanism_id: plan.mechanismId,
      framework: plan.framework,
      status: plan.status,
      period_start: plan.period.start,
      period_end: plan.period.end,
      document: documentOf(plan),
      version: plan.version,
      created_at: SqlValues.toSql(plan.createdAt),
      updated_at: SqlValues.toSql(plan.updatedAt),
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlActionPlanRepository.insert"))

  // The mechanism and the period are fixed at creation; the rest follows the plan.
  const update: Service["update"] = (plan, expectedVersion) =>
    OptimisticConcurrency.update({
      table: "action_plan_plans",
      entity: "ActionPlan",
      id: plan.id,
      expectedVersion,
      set: {
        framework: plan.framework,
        status: plan.status,
        document: documentOf(plan),
        updated_at: SqlValues.toSql(plan.updatedAt),
      },
    }).pipe(
      Effect.provideService(SqlClient.SqlClient, client),
      Effect.map((version) => ({ ...plan, version })),
      Span.untraced("SqlActionPlanRepository.update"),
    )

  const find: Service["find"] = (id) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM action_plan_plans WHERE id = ${id}`
      const row = rows[0]
      if (row === undefined) return yield* Effect.fail(new Errors.NotFound({ entity: "ActionPlan", id }))
      return yield* fromRow(row)
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlActionPlanRepository.find"))

  const byMechanism: Service["byMechanism"] = (mechanismId) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM action_plan_plans
        WHERE mechanism_id = ${mechanismId} ORDER BY period_start DESC, id`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionPlanRepository.byMechanism"))

  const page: Service["page"] = (mechanismId, step) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM action_plan_plans WHERE mechanism_id = ${mechanismId}
        ${step.status === undefined ? sql`` : sql`AND status = ${step.status}`}
        ${step.after === undefined ? sql`` : sql`AND id > ${step.after}`}
        ORDER BY id LIMIT ${step.limit}`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionPlanRepository.page"))

  const encodePrevious = Schema.encodeSync(Previous)
  const decodeRevision = SqlValues.decodeStored(PlanRevision)

  const addRevision: Service["addRevision"] = (revision) =>
    sql`INSERT INTO action_plan_revisions ${sql.insert({
      plan_id: revision.planId,
      version: revision.version,
      revised_by: revision.revisedBy,
      institution: revision.institution ?? null,
      revised_at: SqlValues.toSql(revision.revisedAt),
      reason: revision.reason ?? null,
      previous: JSON.stringify(encodePrevious(revision.previous)),
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlActionPlanRepository.addRevision"))

  const revisions: Service["revisions"] = (planId) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM action_plan_revisions WHERE plan_id = ${planId} ORDER BY version`
      return yield* Effect.forEach(rows, (row) =>
        decodeRevision({
          planId: row.plan_id,
          version: SqlValues.intFromSql(row.version),
          revisedBy: row.revised_by,
          ...(row.institution === null ? {} : { institution: row.institution }),
          revisedAt: SqlValues.fromSql(row.revised_at),
          ...(row.reason === null ? {} : { reason: row.reason }),
          previous: parseDocument(row.previous),
        }),
      )
    }).pipe(Effect.orDie, Span.untraced("SqlActionPlanRepository.revisions"))

  return { insert, update, find, byMechanism, page, addRevision, revisions }
})

/**
 * The adapter as a layer.
 */
export const layer: Layer.Layer<ActionPlanRepository, never, SqlClient.SqlClient> = Layer.effect(
  ActionPlanRepository,
  make,
)
