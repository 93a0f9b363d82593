/**
 * The `Statistics` port on `@effect/sql`, for SQLite and PostgreSQL, over the
 * statistics views the case (incidents included), referral and meeting packages publish (and
 * nothing else of theirs). Dimensions map to the views' columns through a
 * fixed table: no caller's text ever reaches the SQL. Counting happens in the
 * database (`GROUP BY`); only codes and counts come back.
 *
 * On PostgreSQL each query runs in its own short transaction with JIT
 * compilation off (`SET LOCAL jit = off`: these aggregates are planned as
 * expensive enough to be compiled, and compiling them costs more than it
 * saves) and room to group in memory (`SET LOCAL work_mem = '64MB'`: with the
 * server's default of 4 MB a year's cases grouped by six dimensions were
 * sorted on disk instead, 1.2 s instead of 0.3 s under load). Queries of one report may run at once on a pool; SQLite runs them
 * one after the other on its one connection.
 */
import type { Id } from "@bashke/kernel"
import { SqlClient, type SqlError } from "@effect/sql"
import { Effect, Layer } from "effect"
import type { Dimension } from "./Dimension"
import type { Source } from "./Source"
import { type Filter, type Service, Statistics } from "./Statistics"

interface View {
  readonly view: string
  /** The instant a record is dated by. */
  readonly at: string
  readonly columns: { readonly [D in Dimension]?: string }
  /** How the records of a case with consent for statistics are told apart. */
  readonly consent: "flag" | "case"
}

const views: { readonly [S in Source]: View } = {
  cases: {
    view: "case_statistics",
    at: "opened_at",
    consent: "flag",
    columns: {
      year: "opened_year",
      mechanism: "mechanism_id",
      municipality: "municipality",
      "victim-sex": "victim_sex",
      "victim-age-band": "victim_age_band",
      form: "forms",
      children: "children_exposure",
    },
  },
  perpetrators: {
    view: "perpetrator_statistics",
    at: "opened_at",
    consent: "flag",
    columns: {
      year: "opened_year",
      mechanism: "mechanism_id",
      municipality: "municipality",
      "perpetrator-sex": "perpetrator_sex",
      "perpetrator-age-band": "perpetrator_age_band",
      relationship: "relationship",
      "relationship-time": "relationship_time",
      "victim-sex": "victim_sex",
    },
  },
  "protection-orders": {
    view: "protection_order_statistics",
    at: "event_at",
    consent: "flag",
    columns: {
      mechanism: "mechanism_id",
      municipality: "municipality",
      "order-kind": "order_kind",
      "order-event": "event",
      petitioner: "petitioner",
    },
  },
  referrals: {
    view: "referral_statistics",
    at: "sent_at",
    consent: "case",
    columns: {
      mechanism: "mechanism_id",
      municipality: "service_municipality",
      "service-type": "service_type",
      "referral-status": "status",
      urgency: "urgency",
    },
  },
  incidents: {
    view: "incident_statistics",
    at: "opened_at",
    consent: "flag",
    columns: {
      year: "opened_year",
      mechanism: "mechanism_id",
      municipality: "municipality",
      place: "place",
      "victim-sex": "victim_sex",
      children: "children_exposure",
    },
  },
}

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value))
const number = (value: unknown): number => Number(value)
const optionalNumber = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value)

/**
 * Builds the adapter from the `SqlClient` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })

  // Both settings in one round trip (`set_config(…, true)` is `SET LOCAL`).
  const settings = sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`
  const run = <A>(query: Effect.Effect<A, SqlError.SqlError>): Effect.Effect<A> =>
    (pg ? sql.withTransaction(Effect.zipRight(settings, query)) : query).pipe(Effect.orDie)

  // The WHERE clause of a view's records: period, mechanism, consent.
  const where = (view: View, filter: Filter, alias: string) =>
    sql.and([
      sql`${sql(alias)}.${sql(view.at)} >= ${filter.from.toISOString()}`,
      sql`${sql(alias)}.${sql(view.at)} < ${filter.until.toISOString()}`,
      ...(filter.mechanismId === undefined ? [] : [sql`${sql(alias)}.mechanism_id = ${filter.mechanismId}`]),
      ...(!filter.consentRequired
        ? []
        : view.consent === "flag"
          ? [sql`${sql(alias)}.statistics_consent = 1`]
          : [
              sql`EXISTS (SELECT 1 FROM case_statistics k
                WHERE k.case_id = ${sql(alias)}.case_id AND k.statistics_consent = 1)`,
            ]),
    ])

  const groups: Service["groups"] = (source, dimensions, filter) =>
    Effect.suspend(() => {
      const view = views[source]
      const columns = dimensions.map((dimension) => {
        const column = view.columns[dimension]
        // The requests are decoded against `Source.dimensions` first: a gap here is a bug.
        if (column === undefined) throw new Error(`SqlStatistics: ${source} has no dimension ${dimension}`)
        return sql`r.${sql(column)}`
      })
      const selected = columns.map((column, i) => sql`${column} AS ${sql(`d${i}`)}`)
      const query =
        columns.length === 0
          ? sql<
              Record<string, unknown>
            >`SELECT count(*) AS n FROM ${sql(view.view)} r WHERE ${where(view, filter, "r")}`
          : sql<Record<string, unknown>>`SELECT ${sql.csv(selected)}, count(*) AS n FROM ${sql(view.view)} r
              WHERE ${where(view, filter, "r")} GROUP BY ${sql.csv(columns)}`
      return run(query)
    }).pipe(
      Effect.map((rows) =>
        rows
          .map((row) => ({ values: dimensions.map((_, i) => text(row[`d${i}`])), count: number(row.n) }))
          .filter((group) => group.count > 0),
      ),
      Effect.withSpan("SqlStatistics.groups", { attributes: { source, dimensions: dimensions.join(",") } }),
    )

  // Minutes, not hours, are grouped on: medians to the minute, and far fewer
  // rows back. Grouped by position, so that each row's expressions (a
  // subquery each, on SQLite) are computed once.
  const responseTimes: Service["responseTimes"] = (filter) =>
    run(
      sql<Record<string, unknown>>`SELECT r.service_type AS service_type,
          ROUND(r.acknowledge_hours * 60) AS acknowledge_minutes,
          ROUND(r.decide_hours * 60) AS decide_minutes,
          count(*) AS n
        FROM referral_statistics r WHERE ${where(views.referrals, filter, "r")}
        GROUP BY 1, 2, 3`,
    ).pipe(
      Effect.map((rows) =>
        rows.map((row) => ({
          serviceType: text(row.service_type),
          acknowledgeMinutes: optionalNumber(row.acknowledge_minutes),
          decideMinutes: optionalNumber(row.decide_minutes),
          count: number(row.n),
        })),
      ),
      Effect.withSpan("SqlStatistics.responseTimes"),
    )

  const meetings: Service["meetings"] = (filter) =>
    run(
      sql<Record<string, unknown>>`SELECT m.mechanism_id AS mechanism_id, m.kind AS kind, SUM(m.held) AS held
        FROM meeting_statistics m
        WHERE ${sql.and([
          sql`m.starts_at >= ${filter.from.toISOString()}`,
          sql`m.starts_at < ${filter.until.toISOString()}`,
          ...(filter.mechanismId === undefined ? [] : [sql`m.mechanism_id = ${filter.mechanismId}`]),
        ])}
        GROUP BY m.mechanism_id, m.kind`,
    ).pipe(
      Effect.map((rows) =>
        rows.map((row) => ({
          mechanismId: text(row.mechanism_id) as Id.MechanismId,
          kind: text(row.kind),
          held: number(row.held ?? 0),
        })),
      ),
      Effect.withSpan("SqlStatistics.meetings"),
    )

  const mechanisms: Service["mechanisms"] = run(
    sql<Record<string, unknown>>`SELECT DISTINCT m.mechanism_id AS mechanism_id FROM meeting_statistics m`,
  ).pipe(
    Effect.map((rows) => rows.map((row) => text(row.mechanism_id) as Id.MechanismId).sort()),
    Effect.withSpan("SqlStatistics.mechanisms"),
  )

  return { groups, responseTimes, meetings, mechanisms }
})

/**
 * The adapter as a layer.
 */
export const layer: Layer.Layer<Statistics, never, SqlClient.SqlClient> = Layer.effect(Statistics, make)
