// The yearly tables of the country over a million cases (ten years of them,
// 2016–2025, in the real tables of the case, referral and meeting packages),
// on SQLite and on PostgreSQL: the time of `ReportingService.yearly` for 2025
// — every count table, suppressed, and the measure tables — as cases per
// second, against its floor, a bare `SELECT count(*)` of the same year's cases
// in the same run. Goal: under one second for the year's 100,000 cases, that
// is at least 100,000 cases/s. The same tables over all ten years are timed
// too, against a count of all cases. Not a timed test: `pnpm bench` runs it.

import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Id, Principal } from "@bashke/kernel"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { type Figure, rate, record } from "../../../scripts/benchmark"
import * as PlanImplementation from "../src/PlanImplementation"
import * as ReportingService from "../src/ReportingService"
import * as SqlStatistics from "../src/SqlStatistics"
import type { Statistics } from "../src/Statistics"
import { migrations } from "../test/support/Databases"
import { firstYear, generate, years } from "./YearlyData"

const cases = 1_000_000
const perYear = cases / years
const lastYear = firstYear + years - 1

const national: Principal.Principal = {
  id: "01JP0000000000000000000001" as Id.PrincipalId,
  kind: "user",
  roles: ["national-coordinator"],
  mechanisms: [],
}

type Services = SqlClient.SqlClient | Statistics | PlanImplementation.PlanImplementation

const seconds = async (run: () => Promise<unknown>) => {
  const started = performance.now()
  await run()
  return (performance.now() - started) / 1000
}

const measure = (dialect: string, database: Layer.Layer<SqlClient.SqlClient>) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    if (keep && sql.onDialectOrElse({ pg: () => true, orElse: () => false }))
      yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${keptSchema}`)
    // Kept cases are migrated first too: the figures are of the schema as it is now.
    yield* Migrations.run(migrations)
    const context = yield* Effect.context<Services>()
    const run = <A, E>(effect: Effect.Effect<A, E, Services | Principal.CurrentPrincipal>) =>
      Effect.runPromise(
        effect.pipe(Effect.provideService(Principal.CurrentPrincipal, national), Effect.provide(context), Effect.orDie),
      )
    yield* sql.unsafe("CREATE TABLE IF NOT EXISTS bench_yearly_generated (cases INTEGER NOT NULL)")
    const kept = Number((yield* sql<{ readonly cases: unknown }>`SELECT cases FROM bench_yearly_generated`)[0]?.cases)
    if (kept === cases) {
      console.log(`${dialect}: ${cases.toLocaleString("en-US")} cases kept from an earlier run (BASHKE_BENCH_KEEP)`)
    } else {
      const generated = yield* Effect.promise(() => seconds(() => run(generate(cases))))
      yield* sql`INSERT INTO bench_yearly_generated (cases) VALUES (${cases})`
      console.log(`${dialect}: generated ${cases.toLocaleString("en-US")} cases in ${generated.toFixed(1)} s`)
    }

    const count = (from: string, until: string) =>
      sql`SELECT count(*) AS n FROM cases WHERE opened_at >= ${from} AND opened_at < ${until}`
    // 2025 in Kosovo: from midnight local time (23:00 UTC the day before).
    const year = count(`${lastYear - 1}-12-31T23:00:00.000Z`, `${lastYear}-12-31T23:00:00.000Z`)
    const all = count(`${firstYear - 1}-12-31T23:00:00.000Z`, `${lastYear}-12-31T23:00:00.000Z`)
    const counted = Number((yield* Effect.promise(() => run(year)))[0]?.n)
    if (counted !== perYear) throw new Error(`expected ${perYear} cases in ${lastYear}, found ${counted}`)

    const yearly = () => run(ReportingService.yearly({ year: lastYear }))
    const tenYears = () =>
      run(ReportingService.report({ period: { start: `${firstYear}-01-01`, end: `${lastYear}-12-31` } }))
    const value = yield* Effect.promise(() => rate(perYear, yearly))
    const floor = yield* Effect.promise(() => rate(perYear, () => run(year)))
    const allValue = yield* Effect.promise(() => rate(cases, tenYears, 2))
    const allFloor = yield* Effect.promise(() => rate(cases, () => run(all), 2))
    console.log(
      `${dialect}: yearly tables ${((1000 * perYear) / value).toFixed(0)} ms, ten years ${((1000 * cases) / allValue).toFixed(0)} ms`,
    )
    return [
      {
        measure: `ReportingService.yearly: every table of ${lastYear}, national, suppressed (${perYear.toLocaleString("en-US")} of ${cases.toLocaleString("en-US")} cases; ${dialect}; ${((1000 * perYear) / value).toFixed(0)} ms)`,
        unit: "cases/s",
        value,
        floor: {
          measure: `SELECT count(*) of the year's cases (${((1000 * perYear) / floor).toFixed(1)} ms)`,
          value: floor,
        },
        goal: "under 1 s a year: ≥ 100,000 cases/s",
      },
      {
        measure: `ReportingService.report: the same tables over ${years} years (${cases.toLocaleString("en-US")} cases; ${dialect}; ${((1000 * cases) / allValue).toFixed(0)} ms)`,
        unit: "cases/s",
        value: allValue,
        floor: {
          measure: `SELECT count(*) of all cases (${((1000 * cases) / allFloor).toFixed(1)} ms)`,
          value: allFloor,
        },
      },
    ] satisfies ReadonlyArray<Figure>
  }).pipe(
    Effect.provide(
      Layer.mergeAll(SqlStatistics.layer, PlanImplementation.layerTest([])).pipe(Layer.provideMerge(database)),
    ),
  )

// BASHKE_BENCH_KEEP=1 keeps the generated cases for the next run, which
// migrates and measures them again instead of generating them anew (half an
// hour on a loaded machine): on PostgreSQL in the schema `bashke_bench_yearly`
// of the test database (about 8 GB), on SQLite in `bashke-bench-yearly.db` of
// the temporary directory. Drop either to generate again.
const keep = process.env.BASHKE_BENCH_KEEP === "1"
const keptSchema = "bashke_bench_yearly"
const sqliteDatabase = keep
  ? Layer.orDie(Database.layer(`sqlite:${join(tmpdir(), "bashke-bench-yearly.db")}`))
  : TestDatabase.sqliteLayer
const postgresDatabase = () => {
  if (!keep) return TestDatabase.postgresLayer()
  const url = new URL(process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl)
  url.searchParams.set("options", `-c search_path=${keptSchema}`)
  return Layer.orDie(Database.layer(url.toString()))
}

// BASHKE_BENCH_DIALECTS=sqlite or =postgres runs one dialect only (generating a
// million cases on SQLite, whose triggers keep the statistics facts row by
// row, takes many minutes on a loaded machine). Each dialect is a suite of its
// own, so that measuring one keeps the other's figures on the page.
const dialects = (process.env.BASHKE_BENCH_DIALECTS ?? "sqlite,postgres").split(",")
const directory = new URL("..", import.meta.url).pathname
if (dialects.includes("sqlite")) {
  record(
    directory,
    "reporting-yearly-tables-sqlite",
    await Effect.runPromise(measure("SQLite file, WAL", sqliteDatabase)),
  )
}
const unavailable = dialects.includes("postgres") ? await TestDatabase.postgresUnavailable() : "not asked for"
if (unavailable === undefined) {
  record(
    directory,
    "reporting-yearly-tables-postgres",
    await Effect.runPromise(measure("PostgreSQL", postgresDatabase())),
  )
} else {
  console.warn(`yearly-tables bench: PostgreSQL skipped (${unavailable})`)
}
