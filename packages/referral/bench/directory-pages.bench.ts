// The service directory's page at growing sizes: the time of
// `ReferralRepository.servicePage` (a page of 51 — the route's 50 and one to
// tell a next page exists — from a cursor in the middle of the services, with
// and without the type filter) as pages per second, against its floor, the
// same page of 1,000 services measured in the same run. Flat means a share
// near 100 % (referral migration 6's indexes; ADR 0034). Each size in its own
// database, rounds interleaved. SQLite, and PostgreSQL when it answers. Not a
// timed test.
import { Id } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { TestDatabase } from "@bashke/persistence/testing"
import { securityMigrations } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { type Figure, flatPages, record } from "../../../scripts/benchmark"
import { referralMigrations } from "../src/ReferralMigrations"
import { ReferralRepository } from "../src/ReferralRepository"
import { ServiceType } from "../src/ServiceType"
import * as SqlReferralRepository from "../src/SqlReferralRepository"

const sizes = [1_000, 100_000]
const institution = Id.ulidAt(Date.parse("2020-01-01T00:00:00Z"), new Uint8Array(10)) as Id.InstitutionId
const idPrefix = Id.ulidAt(Date.parse("2021-01-01T00:00:00Z"), new Uint8Array(10)).slice(0, 10)
// Every service type the schema knows, spread evenly over the services.
const types = ServiceType.literals

// Service n's id: a fixed ULID time part and n in decimal, so SQL can make it and ids sort as n does.
const idOf = (n: number) => `${idPrefix}${String(n).padStart(16, "0")}` as Id.ServiceId

/** A database of `size` services of one provider, made inside the database in one statement. */
const seeded = (size: number) =>
  Effect.gen(function* () {
    yield* Migrations.run([persistenceMigrations, securityMigrations, referralMigrations])
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
    const numbers = (body: (n: string) => string) =>
      pg
        ? `${body("g.n")} FROM generate_series(0, ${size - 1}) AS g(n)`
        : `WITH RECURSIVE g(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM g WHERE n < ${size - 1}) ${body("g.n")} FROM g`
    const padded = (n: string) => (pg ? `lpad((${n})::text, 16, '0')` : `printf('%016d', ${n})`)
    const type = `CASE ${types.map((t, i) => `WHEN g.n % ${types.length} = ${i} THEN '${t}'`).join(" ")} END`
    yield* sql`INSERT INTO referral_organizations (institution_id, name) VALUES (${institution}, ${"Provider"})`
    yield* sql.withTransaction(
      sql.unsafe(`INSERT INTO referral_services (id, institution_id, name, type, municipality, languages, locations,
          active)
        ${numbers(
          (n) => `SELECT '${idPrefix}' || ${padded(n)}, '${institution}', 'Service', ${type},
            CASE WHEN ${n} % 2 = 0 THEN 'PRI' ELSE 'DEC' END, '["sq"]', '[]', 1`,
        )}`),
    )
    yield* sql.unsafe(pg ? "VACUUM ANALYZE referral_services" : "ANALYZE")
    return yield* Effect.context<ReferralRepository>()
  }).pipe(Effect.orDie)

const measure = (dialect: string, database: Layer.Layer<SqlClient.SqlClient>) =>
  Effect.gen(function* () {
    const contexts = yield* Effect.forEach(sizes, (size) =>
      Effect.flatMap(Layer.build(SqlReferralRepository.layer.pipe(Layer.provideMerge(database))), (built) =>
        seeded(size).pipe(Effect.provide(built)),
      ),
    )
    const page = (n: number, type?: "shelter") =>
      Effect.runPromise(
        Effect.flatMap(ReferralRepository, (repository) =>
          repository.servicePage({ after: idOf(Math.floor((sizes[n] as number) / 2)), limit: 51, type }),
        ).pipe(Effect.provide(contexts[n] as (typeof contexts)[number])),
      )
    return yield* Effect.promise(() =>
      flatPages({
        dialect,
        sizes,
        rows: "services",
        read: "ReferralRepository.servicePage",
        filter: "shelters only",
        page: (n, filtered) => page(n, filtered ? "shelter" : undefined),
      }),
    )
  }).pipe(Effect.scoped)

const figures: Array<Figure> = [...(await Effect.runPromise(measure("SQLite file, WAL", TestDatabase.sqliteLayer)))]
const unavailable = await TestDatabase.postgresUnavailable()
if (unavailable === undefined) {
  figures.push(...(await Effect.runPromise(measure("PostgreSQL", TestDatabase.postgresLayer()))))
} else {
  console.warn(`directory-pages bench: PostgreSQL skipped (${unavailable})`)
}
record(new URL("..", import.meta.url).pathname, "directory-pages", figures)
