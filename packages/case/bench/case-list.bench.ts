// The case list's page at growing sizes of one mechanism: the time of
// `CaseRepository.openPage` (a page of 51 — the route's 50 and one to tell a
// next page exists — from a cursor in the middle of the mechanism's open cases,
// with and without the risk filter) as pages per second, against its floor, the
// same page at 10,000 cases measured in the same run. Flat means a share near
// 100 %; the issue's goal is p50 at 1,000,000 within 1.5 × of p50 at 10,000
// (a share of at least 67 %). Each size in its own database, rounds
// interleaved. Sizes: 10,000 and 100,000 by default;
// BASHKE_BENCH_CASES=1000000 adds the million (the rows are made in SQL: about
// a minute on a loaded machine, each dialect). SQLite, and PostgreSQL when it
// answers. Not a timed test.
import { Id } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { TestDatabase } from "@bashke/persistence/testing"
import { securityMigrations } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { type Figure, flatPages, record } from "../../../scripts/benchmark"
import { caseMigrations } from "../src/CaseMigrations"
import { CaseRepository } from "../src/CaseRepository"
import * as SqlCaseRepository from "../src/SqlCaseRepository"

const sizes = [10_000, 100_000, ...(Number(process.env.BASHKE_BENCH_CASES) >= 1_000_000 ? [1_000_000] : [])]
const mechanismId = Id.ulidAt(Date.parse("2020-01-01T00:00:00Z"), new Uint8Array(10)) as Id.MechanismId
const idPrefix = Id.ulidAt(Date.parse("2021-01-01T00:00:00Z"), new Uint8Array(10)).slice(0, 10)

// Case n's id: a fixed ULID time part and n in decimal (digits are Crockford
// base 32), so SQL can make it and ids sort as n does.
const idOf = (n: number) => `${idPrefix}${String(n).padStart(16, "0")}` as Id.CaseId

/**
 * A database of `size` cases of the mechanism, case rows only (a page reads
 * the other tables by case id, and they are empty here), made inside the
 * database in one statement: a million cases in seconds rather than two
 * thousand round trips of 500 rows.
 */
const seeded = (size: number) =>
  Effect.gen(function* () {
    yield* Migrations.run([persistenceMigrations, securityMigrations, caseMigrations])
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
    const numbers = (body: (n: string) => string) =>
      pg
        ? `${body("g.n")} FROM generate_series(0, ${size - 1}) AS g(n)`
        : `WITH RECURSIVE g(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM g WHERE n < ${size - 1}) ${body("g.n")} FROM g`
    const instant = (text: string) => (pg ? `${text}::timestamptz` : text)
    const padded = (n: string, width: number) =>
      pg ? `lpad((${n})::text, ${width}, '0')` : `printf('%0${width}d', ${n})`
    // Every tenth case closed; a quarter never assessed; the rest by thirds of risk level.
    // A reference holds four digits of sequence: 9,999 cases a year, over as many years as it takes.
    yield* sql.withTransaction(
      sql.unsafe(`INSERT INTO cases (id, mechanism_id, reference, municipality, year, sequence,
          lead_institution, status, risk_level, closed_at, opened_at, version)
        ${numbers(
          (n) => `SELECT '${idPrefix}' || ${padded(n, 16)}, '${mechanismId}',
            'PRI-' || (1000 + ${n} / 9999) || '-' || ${padded(`(${n} % 9999) + 1`, 4)},
            'PRI', 1000 + ${n} / 9999, (${n} % 9999) + 1, '${mechanismId}',
            CASE WHEN ${n} % 10 = 9 THEN 'closed' ELSE 'active' END,
            CASE WHEN ${n} % 4 = 0 THEN NULL WHEN ${n} % 3 = 0 THEN 'standard' WHEN ${n} % 3 = 1 THEN 'medium'
              ELSE 'high' END,
            CASE WHEN ${n} % 10 = 9 THEN ${instant("'2021-06-01T00:00:00.000Z'")} END,
            ${instant("'2021-01-01T00:00:00.000Z'")}, 1`,
        )}`),
    )
    yield* sql.unsafe(pg ? "VACUUM ANALYZE cases" : "ANALYZE")
    return yield* Effect.context<CaseRepository>()
  }).pipe(Effect.orDie)

// Every size in a database of its own, all kept open, and the rounds
// interleaved (a page of each size in turn): on a shared, loaded machine the
// load then weighs on every size alike instead of on whichever ran last.
const measure = (dialect: string, database: Layer.Layer<SqlClient.SqlClient>) =>
  Effect.gen(function* () {
    const contexts = yield* Effect.forEach(sizes, (size) =>
      Effect.flatMap(Layer.build(SqlCaseRepository.layer.pipe(Layer.provideMerge(database))), (built) =>
        seeded(size).pipe(Effect.provide(built)),
      ),
    )
    const page = (n: number, riskLevel?: "high") => {
      const context = contexts[n] as (typeof contexts)[number]
      return Effect.runPromise(
        Effect.flatMap(CaseRepository, (repository) =>
          repository.openPage(mechanismId, { after: idOf(Math.floor((sizes[n] as number) / 2)), limit: 51, riskLevel }),
        ).pipe(Effect.provide(context)),
      )
    }
    return yield* Effect.promise(() =>
      flatPages({
        dialect,
        sizes,
        rows: "cases",
        read: "CaseRepository.openPage",
        filter: "risk level high",
        page: (n, filtered) => page(n, filtered ? "high" : undefined),
      }),
    )
  }).pipe(Effect.scoped)

const figures: Array<Figure> = [...(await Effect.runPromise(measure("SQLite file, WAL", TestDatabase.sqliteLayer)))]
const unavailable = await TestDatabase.postgresUnavailable()
if (unavailable === undefined) {
  figures.push(...(await Effect.runPromise(measure("PostgreSQL", TestDatabase.postgresLayer()))))
} else {
  console.warn(`case-list bench: PostgreSQL skipped (${unavailable})`)
}
record(new URL("..", import.meta.url).pathname, "case-list", figures)
