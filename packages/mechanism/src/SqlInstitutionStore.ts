/**
 * The institution registry's store on `@effect/sql`, for SQLite and
 * PostgreSQL alike, over `mechanism_institutions` (migration 4). The name is
 * one JSON column; a database failure is a defect.
 */
import { Errors, Id, Municipality, Sector, Span } from "@bashke/kernel"
import { OptimisticConcurrency, SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option, Schema } from "effect"
import { FullName, InstitutionStore, type RegisteredInstitution, type Store } from "./Institutions"

const Row = Schema.Struct({
  id: Id.InstitutionId,
  name: Schema.parseJson(FullName),
  sector: Sector.Sector,
  municipality: Schema.NullishOr(Municipality.MunicipalityCode),
  version: SqlValues.SqlInteger,
  created_at: SqlValues.SqlTimestamp,
  updated_at: SqlValues.SqlTimestamp,
})

const decodeRows = Schema.decodeUnknown(Schema.Array(Row))

const toInstitution = (row: typeof Row.Type): RegisteredInstitution => ({
  id: row.id,
  name: row.name,
  sector: row.sector,
  ...(row.municipality == null ? {} : { municipality: row.municipality }),
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const columns = (institution: RegisteredInstitution) => ({
  name: JSON.stringify(institution.name),
  sector: institution.sector,
  municipality: institution.municipality ?? null,
  updated_at: SqlValues.toSql(institution.updatedAt),
})

/**
 * Builds the store from the `SqlClient` in context.
 */
export const make: Effect.Effect<Store, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const client = yield* SqlClient.SqlClient
  const sql = client.withoutTransforms()
  const read = (rows: ReadonlyArray<unknown>) => Effect.map(decodeRows(rows), (decoded) => decoded.map(toInstitution))

  const insert: Store["insert"] = (institution) =>
    Effect.gen(function* () {
      const taken = yield* sql`SELECT id FROM mechanism_institutions WHERE id = ${institution.id}`
      if (taken.length > 0)
        return yield* new Errors.Conflict({
          entity: "Institution",
          id: institution.id,
          rule: "mechanism.institution.already-registered",
        })
      yield* sql`INSERT INTO mechanism_institutions ${sql.insert({
        id: institution.id,
        ...columns(institution),
        version: institution.version,
        created_at: SqlValues.toSql(institution.createdAt),
      })}`
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlInstitutionStore.insert"))

  const update: Store["update"] = (institution, expectedVersion) =>
    Effect.map(
      OptimisticConcurrency.update({
        table: "mechanism_institutions",
        entity: "Institution",
        id: institution.id,
        expectedVersion,
        set: columns(institution),
      }).pipe(Effect.provideService(SqlClient.SqlClient, sql)),
      (version) => ({ ...institution, version }),
    ).pipe(Span.untraced("SqlInstitutionStore.update"))

  const find: Store["find"] = (id) =>
    sql`SELECT * FROM mechanism_institutions WHERE id = ${id}`.pipe(
      Effect.flatMap(read),
      Effect.map((found) => Option.fromNullable(found[0])),
      Effect.orDie,
      Span.untraced("SqlInstitutionStore.find"),
    )

  const list: Store["list"] = sql`SELECT * FROM mechanism_institutions ORDER BY id`.pipe(
    Effect.flatMap(read),
    Effect.orDie,
    Span.untraced("SqlInstitutionStore.list"),
  )

  const page: Store["page"] = (step) =>
    sql`SELECT * FROM mechanism_institutions WHERE 1 = 1
      ${step.sector === undefined ? sql`` : sql`AND sector = ${step.sector}`}
      ${step.municipality === undefined ? sql`` : sql`AND municipality = ${step.municipality}`}
      ${step.after === undefined ? sql`` : sql`AND id > ${step.after}`}
      ORDER BY id LIMIT ${step.limit}`.pipe(
      Effect.flatMap(read),
      Effect.orDie,
      Span.untraced("SqlInstitutionStore.page"),
    )

  const names: Store["names"] = (ids) =>
    (ids.length === 0
      ? Effect.succeed([])
      : sql`SELECT * FROM mechanism_institutions WHERE ${sql.in("id", ids)}`.pipe(Effect.flatMap(read))
    ).pipe(
      Effect.map((found) => new Map(found.map((institution) => [institution.id, institution.name] as const))),
      Effect.orDie,
      Span.untraced("SqlInstitutionStore.names"),
    )

  return { insert, update, find, list, page, names }
})

/**
 * The store as a layer.
 */
export const layer: Layer.Layer<InstitutionStore, never, SqlClient.SqlClient> = Layer.effect(InstitutionStore, make)
