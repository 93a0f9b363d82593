/**
 * The repository on `@effect/sql`, over the tables of `mechanismMigrations`,
 * for SQLite and PostgreSQL alike. Column names are written out in snake_case
 * on a client without name transforms, so the adapter reads the same whatever
 * transforms the application's client has. A database failure is a defect.
 */
import { CivilDate, Errors, Id, JurisdictionProfile, Municipality, Sector, Span } from "@bashke/kernel"
import { LeanStatement, OptimisticConcurrency, SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option, Schema } from "effect"
import * as Mechanism from "./Mechanism"
import { Status } from "./MechanismLifecycle"
import { MechanismRepository, type SealedContacts, type Service } from "./MechanismRepository"
import type * as Membership from "./Membership"
import * as Memorandum from "./Memorandum"

// Integers and timestamps as the two drivers hand them back.
const Integer = Schema.Union(Schema.Int, Schema.NumberFromString.pipe(Schema.int()))
// A timestamp as either dialect returns it.
const Instant = SqlValues.SqlTimestamp
const Nullable = <S extends Schema.Schema.Any>(schema: S) => Schema.NullishOr(schema)

const MechanismRow = Schema.Struct({
  id: Id.MechanismId,
  municipality: Municipality.MunicipalityCode,
  name: Schema.parseJson(Mechanism.Name),
  status: Status,
  coordinator_membership_id: Nullable(Id.MembershipId),
  minimum_meetings_per_year: Integer,
  quorum: JurisdictionProfile.Quorum,
  version: Integer,
  created_at: Instant,
})

const MembershipRow = Schema.Struct({
  id: Id.MembershipId,
  mechanism_id: Id.MechanismId,
  institution_id: Id.InstitutionId,
  sector: Sector.Sector,
  joined_on: CivilDate.CivilDate,
  left_on: Nullable(CivilDate.CivilDate),
})

const ContactsRow = Schema.Struct({
  representative_name: Schema.String,
  representative_phone: Nullable(Schema.String),
  representative_email: Nullable(Schema.String),
  deputy_name: Nullable(Schema.String),
  deputy_phone: Nullable(Schema.String),
  deputy_email: Nullable(Schema.String),
})

const VersionRow = Schema.Struct({
  memorandum_id: Id.MemorandumId,
  version: Integer,
  mechanism_id: Id.MechanismId,
  effective_from: CivilDate.CivilDate,
  document_hash: Memorandum.DocumentHash,
  expected_sectors: Schema.parseJson(Schema.Array(Sector.Sector)),
  published_at: Instant,
})

const SignatureRow = Schema.Struct({
  memorandum_id: Id.MemorandumId,
  version: Integer,
  institution_id: Id.InstitutionId,
  membership_id: Id.MembershipId,
  signed_on: CivilDate.CivilDate,
  countersigned_on: Schema.NullOr(CivilDate.CivilDate),
  countersigned_by: Schema.NullOr(Id.PrincipalId),
})

// Built once: a decoder made per query (a fresh `Schema.Array` class, its AST
// and parser) cost more than the statement it decoded.
const rowsOf = <A, I>(schema: Schema.Schema<A, I>) => Schema.decodeUnknown(Schema.Array(schema))
const decodeMechanisms = rowsOf(MechanismRow)
const decodeMemberships = rowsOf(MembershipRow)
const decodeContacts = rowsOf(ContactsRow)
const decodeVersions = rowsOf(VersionRow)
const decodeSignatures = rowsOf(SignatureRow)

const toMechanism = (row: typeof MechanismRow.Type): Mechanism.Mechanism => ({
  id: row.id,
  municipality: row.municipality,
  name: row.name,
  status: row.status,
  ...(row.coordinator_membership_id == null ? {} : { coordinator: row.coordinator_membership_id }),
  minimumMeetingsPerYear: row.minimum_meetings_per_year,
  quorum: row.quorum,
  version: row.version,
  createdAt: row.created_at,
})

const toMembership = (row: typeof MembershipRow.Type): Membership.Membership => ({
  id: row.id,
  mechanismId: row.mechanism_id,
  institutionId: row.institution_id,
  sector: row.sector,
  joinedOn: row.joined_on,
  ...(row.left_on == null ? {} : { leftOn: row.left_on }),
})

const contactColumns = {
  "representative-name": "representative_name",
  "representative-phone": "representative_phone",
  "representative-email": "representative_email",
  "deputy-name": "deputy_name",
  "deputy-phone": "deputy_phone",
  "deputy-email": "deputy_email",
} as const

const toColumns = (contacts: SealedContacts) => {
  const out: Record<string, string | null> = {}
  for (const [field, column] of Object.entries(contactColumns))
    out[column] = contacts[field as keyof typeof contactColumns] ?? null
  return out
}

/**
 * The adapter over the application's `SqlClient`.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const client = yield* SqlClient.SqlClient
  const sql = client.withoutTransforms()

  const mechanismsWhere = (rows: Effect.Effect<ReadonlyArray<unknown>, unknown>) =>
    Effect.map(Effect.flatMap(rows, decodeMechanisms), (decoded) => decoded.map(toMechanism))

  const findMechanism: Service["findMechanism"] = (id) =>
    mechanismsWhere(sql`SELECT * FROM mechanisms WHERE id = ${id}`).pipe(
      Effect.map((rows) => Option.fromNullable(rows[0])),
      Effect.orDie,
      Span.untraced("SqlMechanismRepository.findMechanism"),
    )

  const listMechanisms: Service["listMechanisms"] = mechanismsWhere(
    sql`SELECT * FROM mechanisms ORDER BY created_at, id`,
  ).pipe(Effect.orDie, Span.untraced("SqlMechanismRepository.listMechanisms"))

  const mechanismPage: Service["mechanismPage"] = (page) =>
    (page.within !== undefined && page.within.length === 0
      ? Effect.succeed([])
      : mechanismsWhere(
          sql`SELECT * FROM mechanisms WHERE 1 = 1
            ${page.after === undefined ? sql`` : sql`AND id > ${page.after}`}
            ${page.municipality === undefined ? sql`` : sql`AND municipality = ${page.municipality}`}
            ${page.status === undefined ? sql`` : sql`AND status = ${page.status}`}
            ${page.within === undefined ? sql`` : sql`AND ${sql.in("id", page.within)}`}
            ORDER BY id LIMIT ${page.limit}`,
        )
    ).pipe(Effect.orDie, Span.untraced("SqlMechanismRepository.mechanismPage"))

  const insertMechanism: Service["insertMechanism"] = (mechanism) =>
    Effect.gen(function* () {
      const taken = yield* sql`SELECT id FROM mechanisms WHERE municipality = ${mechanism.municipality}`
      if (taken.length > 0)
        return yield* new Errors.Conflict({
          entity: "Mechanism",
          id: mechanism.id,
          rule: "mechanism.municipality.taken",
        })
      yield* sql`INSERT INTO mechanisms ${sql.insert({
        id: mechanism.id,
        municipality: mechanism.municipality,
        name: JSON.stringify(mechanism.name),
        status: mechanism.status,
        coordinator_membership_id: mechanism.coordinator ?? null,
        minimum_meetings_per_year: mechanism.minimumMeetingsPerYear,
        quorum: mechanism.quorum,
        version: mechanism.version,
        created_at: mechanism.createdAt.toISOString(),
      })}`
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlMechanismRepository.insertMechanism"))

  const updateMechanism: Service["updateMechanism"] = (mechanism, expectedVersion) =>
    OptimisticConcurrency.update({
      table: "mechanisms",
      entity: "Mechanism",
      id: mechanism.id,
      expectedVersion,
      set: {
        status: mechanism.status,
        coordinator_membership_id: mechanism.coordinator ?? null,
        minimum_meetings_per_year: mechanism.minimumMeetingsPerYear,
        quorum: mechanism.quorum,
      },
    }).pipe(
      Effect.map((version) => ({ ...mechanism, version })),
      Effect.provideService(SqlClient.SqlClient, sql),
      Span.untraced("SqlMechanismRepository.updateMechanism"),
    )

  const memberships: Service["memberships"] = (mechanismId) =>
    sql`SELECT id, mechanism_id, institution_id, sector, joined_on, left_on FROM mechanism_memberships
      WHERE mechanism_id = ${mechanismId} ORDER BY joined_on, id`.pipe(
      Effect.flatMap(decodeMemberships),
      Effect.map((rows) => rows.map(toMembership)),
      Effect.orDie,
      Span.untraced("SqlMechanismRepository.memberships"),
    )

  const membershipPage: Service["membershipPage"] = (mechanismId, page) =>
    sql`SELECT id, mechanism_id, institution_id, sector, joined_on, left_on FROM mechanism_memberships
      WHERE mechanism_id = ${mechanismId}
      ${page.sector === undefined ? sql`` : sql`AND sector = ${page.sector}`}
      ${page.after === undefined ? sql`` : sql`AND (joined_on, id) > (${page.after[0]}, ${page.after[1]})`}
      ${page.on === undefined ? sql`` : sql`AND joined_on <= ${page.on} AND (left_on IS NULL OR left_on > ${page.on})`}
      ORDER BY joined_on, id LIMIT ${page.limit}`.pipe(
      Effect.flatMap(decodeMemberships),
      Effect.map((rows) => rows.map(toMembership)),
      Effect.orDie,
      Span.untraced("SqlMechanismRepository.membershipPage"),
    )

  const findMembership: Service["findMembership"] = (id) =>
    sql`SELECT id, mechanism_id, institution_id, sector, joined_on, left_on FROM mechanism_memberships
      WHERE id = ${id}`.pipe(
      Effect.flatMap(decodeMemberships),
      Effect.map((rows) => Option.fromNullable(rows[0]).pipe(Option.map(toMembership))),
      Effect.orDie,
      Span.untraced("SqlMechanismRepository.findMembership"),
    )

  const insertMembership: Service["insertMembership"] = (membership, contacts) =>
    sql`INSERT INTO mechanism_memberships ${sql.insert({
      id: membership.id,
      mechanism_id: membership.mechanismId,
      institution_id: membership.institutionId,
      sector: membership.sector,
      joined_on: membership.joinedOn,
      left_on: membership.leftOn ?? null,
      ...toColumns(contacts),
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlMechanismRepository.insertMembership"))

  const touched = (entity: string, id: string) => (rows: ReadonlyArray<unknown>) =>
    rows.length === 0 ? Effect.fail(new Errors.NotFound({ entity, id })) : Effect.void

  const endMembership: Service["endMembership"] = (id, leftOn) =>
    sql`UPDATE mechanism_memberships SET left_on = ${leftOn} WHERE id = ${id} RETURNING id`.pipe(
      Effect.catchTag("SqlError", Effect.die),
      Effect.flatMap(touched("Membership", id)),
      Span.untraced("SqlMechanismRepository.endMembership"),
    )

  const sealedContacts: Service["sealedContacts"] = (id) =>
    Effect.gen(function* () {
      const rows = yield* decodeContacts(
        yield* sql`SELECT representative_name, representative_phone, representative_email,
          deputy_name, deputy_phone, deputy_email FROM mechanism_memberships WHERE id = ${id}`,
      )
      const row = rows[0]
      if (row === undefined) return yield* new Errors.NotFound({ entity: "Membership", id })
      const out: SealedContacts = {}
      for (const [field, column] of Object.entries(contactColumns)) {
        const value = row[column]
        if (value != null) out[field as keyof typeof contactColumns] = value
      }
      return out
    }).pipe(
      Effect.catchTags({ SqlError: Effect.die, ParseError: Effect.die }),
      Span.untraced("SqlMechanismRepository.sealedContacts"),
    )

  const replaceContacts: Service["replaceContacts"] = (id, contacts) =>
    sql`UPDATE mechanism_memberships SET ${sql.update(toColumns(contacts))} WHERE id = ${id} RETURNING id`.pipe(
      Effect.catchTag("SqlError", Effect.die),
      Effect.flatMap(touched("Membership", id)),
      Span.untraced("SqlMechanismRepository.replaceContacts"),
    )

  // No span of its own: read on every request that asks for a roster, on the
  // lean way (ADR 0041; its one statement spanned by `sql.execute` where
  // tracing is on), and a span more cost a copy of the request's context each time.
  const rosterVersion: Service["rosterVersion"] = LeanStatement.run(
    sql,
    sql<{ readonly value: string }>`SELECT value FROM mechanism_roster_version WHERE id = 1`,
  ).pipe(
    Effect.map((rows) => String(rows[0]?.value)),
    Effect.orDie,
  )

  // A mechanism's versions (those of a page when `page` is given) with their signatures, in two statements.
  const readMemoranda = (
    mechanismId: Id.MechanismId,
    page?: { readonly after?: number | undefined; readonly limit: number },
  ) =>
    Effect.gen(function* () {
      const after = page?.after === undefined ? sql`` : sql`AND version > ${page.after}`
      const limit = page === undefined ? sql`` : sql`LIMIT ${page.limit}`
      const versions = yield* decodeVersions(
        yield* sql`SELECT memorandum_id, version, mechanism_id, effective_from, document_hash, expected_sectors,
          published_at FROM mechanism_memorandum_versions WHERE mechanism_id = ${mechanismId} ${after}
          ORDER BY version ${limit}`,
      )
      const first = versions[0]
      const last = versions[versions.length - 1]
      if (first === undefined || last === undefined) return []
      const signatures = yield* decodeSignatures(
        yield* sql`SELECT s.memorandum_id, s.version, s.institution_id, s.membership_id, s.signed_on,
            c.countersigned_on, c.countersigned_by
          FROM mechanism_memorandum_signatures s
          JOIN mechanism_memorandum_versions v ON v.memorandum_id = s.memorandum_id AND v.version = s.version
          LEFT JOIN mechanism_memorandum_countersignatures c ON c.memorandum_id = s.memorandum_id
            AND c.version = s.version AND c.institution_id = s.institution_id
          WHERE v.mechanism_id = ${mechanismId} AND v.version >= ${first.version} AND v.version <= ${last.version}
          ORDER BY s.version, s.seq`,
      )
      return versions.map(
        (row): Memorandum.MemorandumVersion => ({
          memorandumId: row.memorandum_id,
          mechanismId: row.mechanism_id,
          version: row.version,
          effectiveFrom: row.effective_from,
          documentHash: row.document_hash,
          expectedSectors: row.expected_sectors,
          publishedAt: row.published_at,
          signatures: signatures
            .filter((s) => s.memorandum_id === row.memorandum_id && s.version === row.version)
            .map(
              (s): Memorandum.Signature => ({
                membershipId: s.membership_id,
                institutionId: s.institution_id,
                signedOn: s.signed_on,
                ...(s.countersigned_on === null || s.countersigned_by === null
                  ? {}
                  : {
                      countersignature: { countersignedOn: s.countersigned_on, countersignedBy: s.countersigned_by },
                    }),
              }),
            ),
        }),
      )
    }).pipe(Effect.orDie)

  const memoranda: Service["memoranda"] = (mechanismId) =>
    readMemoranda(mechanismId).pipe(Span.untraced("SqlMechanismRepository.memoranda"))

  const memorandumPage: Service["memorandumPage"] = (mechanismId, page) =>
    readMemoranda(mechanismId, page).pipe(Span.untraced("SqlMechanismRepository.memorandumPage"))

  const insertMemorandumVersion: Service["insertMemorandumVersion"] = (version) =>
    sql`INSERT INTO mechanism_memorandum_versions ${sql.insert({
      memorandum_id: version.memorandumId,
      version: version.version,
      mechanism_id: version.mechanismId,
      effective_from: version.effectiveFrom,
      document_hash: version.documentHash,
      expected_sectors: JSON.stringify(version.expectedSectors),
      published_at: version.publishedAt.toISOString(),
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlMechanismRepository.insertMemorandumVersion"))

  const insertSignature: Service["insertSignature"] = (memorandumId, version, signature, sealedSigner) =>
    Effect.gen(function* () {
      const existing = yield* sql<{ institution_id: string }>`SELECT institution_id
        FROM mechanism_memorandum_signatures WHERE memorandum_id = ${memorandumId} AND version = ${version}`
      if (existing.some((row) => row.institution_id === signature.institutionId))
        return yield* new Errors.Conflict({
          entity: "MemorandumVersion",
          id: `${memorandumId}/${version}`,
          rule: "mechanism.memorandum.already-signed",
        })
      yield* sql`INSERT INTO mechanism_memorandum_signatures ${sql.insert({
        memorandum_id: memorandumId,
        version,
        institution_id: signature.institutionId,
        membership_id: signature.membershipId,
        signer: sealedSigner,
        signed_on: signature.signedOn,
        seq: existing.length + 1,
      })}`
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlMechanismRepository.insertSignature"))

  const insertCountersignature: Service["insertCountersignature"] = (
    memorandumId,
    version,
    institutionId,
    countersignature,
    recordedAt,
  ) =>
    Effect.gen(function* () {
      const existing = yield* sql<{ institution_id: string }>`SELECT institution_id
        FROM mechanism_memorandum_countersignatures
        WHERE memorandum_id = ${memorandumId} AND version = ${version} AND institution_id = ${institutionId}`
      if (existing.length > 0)
        return yield* new Errors.Conflict({
          entity: "MemorandumSignature",
          id: `${memorandumId}/${version}/${institutionId}`,
          rule: "mechanism.memorandum.already-countersigned",
        })
      yield* sql`INSERT INTO mechanism_memorandum_countersignatures ${sql.insert({
        memorandum_id: memorandumId,
        version,
        institution_id: institutionId,
        countersigned_on: countersignature.countersignedOn,
        countersigned_by: countersignature.countersignedBy,
        recorded_at: recordedAt.toISOString(),
      })}`
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlMechanismRepository.insertCountersignature"))

  const sealedSigner: Service["sealedSigner"] = (memorandumId, version, institutionId: Id.InstitutionId) =>
    sql<{ signer: string }>`SELECT signer FROM mechanism_memorandum_signatures
      WHERE memorandum_id = ${memorandumId} AND version = ${version} AND institution_id = ${institutionId}`.pipe(
      Effect.catchTag("SqlError", Effect.die),
      Effect.flatMap((rows) =>
        rows[0] === undefined
          ? Effect.fail(
              new Errors.NotFound({ entity: "MemorandumSignature", id: `${memorandumId}/${version}/${institutionId}` }),
            )
          : Effect.succeed(rows[0].signer),
      ),
      Span.untraced("SqlMechanismRepository.sealedSigner"),
    )

  return {
    rosterVersion,
    insertMechanism,
    findMechanism,
    listMechanisms,
    mechanismPage,
    updateMechanism,
    memberships,
    membershipPage,
    findMembership,
    insertMembership,
    endMembership,
    sealedContacts,
    replaceContacts,
    memoranda,
    memorandumPage,
    insertMemorandumVersion,
    insertSignature,
    insertCountersignature,
    sealedSigner,
  }
})

export const layer: Layer.Layer<MechanismRepository, never, SqlClient.SqlClient> = Layer.effect(
  MechanismRepository,
  make,
)
