/**
 * The referral repository on `@effect/sql`, for SQLite and PostgreSQL. Rows
 * are decoded with the model's schemas, so a row that breaks a rule is a
 * defect, not a silent value.
 */
import { Errors, type Id } from "@bashke/kernel"
import { OptimisticConcurrency } from "@bashke/persistence"
import { SqlClient, type Statement } from "@effect/sql"
import { Effect, Layer, Option, Schema } from "effect"
import * as Directory from "./Directory"
import * as Referral from "./Referral"
import type * as ReferralDeadlines from "./ReferralDeadlines"
import * as ReferralDue from "./ReferralDue"
import { ReferralRepository, type Service } from "./ReferralRepository"

const instant = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)))
const iso = (date: Date): string => date.toISOString()
const orNull = <A>(value: A | undefined): A | null => (value === undefined ? null : value)
const opt = <K extends string, A>(key: K, value: A | null | undefined): { readonly [P in K]?: A } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { readonly [P in K]?: A }

type Row = Record<string, unknown>

const decodeService = Schema.decodeUnknownSync(Directory.Service)
const decodeOrganization = Schema.decodeUnknownSync(Directory.Organization)
const decodeLocation = Schema.decodeUnknownSync(Directory.Location)
const decodeReferral = Schema.validateSync(Referral.Referral)

const serviceOf = (row: Row): Directory.Service =>
  decodeService({
    id: row.id,
    institution: row.institution_id,
    name: row.name,
    type: row.type,
    municipality: row.municipality,
    languages: JSON.parse(String(row.languages)),
    ...opt("eligibility", row.eligibility),
    locations: JSON.parse(String(row.locations)),
    active: Number(row.active) === 1,
    ...(row.capacity_unit === null || row.capacity_unit === undefined
      ? {}
      : {
          capacity: {
            unit: row.capacity_unit,
            available: Number(row.capacity_available),
            total: Number(row.capacity_total),
            updatedAt: instant(row.capacity_updated_at),
          },
        }),
  })

const organizationOf = (row: Row): Directory.Organization =>
  decodeOrganization({
    institution: row.institution_id,
    name: row.name,
    ...opt("sector", row.sector),
    ...opt("description", row.description),
    ...opt("website", row.website),
    ...opt("email", row.email),
  })

const locationOf = (row: Row): Directory.Location =>
  decodeLocation({
    id: row.id,
    institution: row.institution_id,
    name: row.name,
    municipality: row.municipality,
    ...opt("address", row.address),
  })

const referralOf = (row: Row, steps: ReadonlyArray<Row>): Referral.Referral =>
  decodeReferral({
    id: row.id,
    mechanism: row.mechanism_id,
    case: row.case_id,
    from: row.from_institution,
    to: row.to_institution,
    service: row.service_id,
    reason: row.reason,
    urgency: row.urgency,
    basis:
      row.consent_id === null
        ? { _tag: "Override", override: { ground: row.override_ground, reason: row.override_reason } }
        : { _tag: "Consent", consent: row.consent_id },
    status: row.status,
    history: steps.map((step) => ({
      status: step.status,
      at: instant(step.at),
      actor: { principal: step.principal_id, institution: step.institution_id },
      ...opt("code", step.code),
    })),
    version: Number(row.version),
  })

/**
 * The repository over the current `SqlClient`.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const client = yield* SqlClient.SqlClient
  const sql = client.withoutTransforms()
  const provide = Effect.provideService(SqlClient.SqlClient, sql)

  const insertSteps = (referral: Referral.Referral, from: number) =>
    Effect.forEach(
      referral.history.slice(from),
      (step, i) => sql`INSERT INTO referral_steps (referral_id, seq, status, at, principal_id, institution_id, code)
        VALUES (${referral.id}, ${from + i + 1}, ${step.status}, ${iso(step.at)}, ${step.actor.principal},
          ${step.actor.institution}, ${orNull(step.code)})`,
      { discard: true },
    )

  // Whether the text `column` holds `text`, exactly (case-sensitive) on both dialects: a language's tag as
  // JSON (`"sr-Latn"`, quotes included) is in the services' languages array only as that element.
  // A page's filter: each field that is set, as its condition, joined by AND (every row when none is).
  const matching = (conditions: ReadonlyArray<Statement.Fragment | false>) =>
    sql.and(conditions.filter((condition): condition is Statement.Fragment => condition !== false))
  const containsText = (column: Statement.Fragment, text: string) =>
    sql.onDialectOrElse({
      pg: () => sql`strpos(${column}, ${text}) > 0`,
      orElse: () => sql`instr(${column}, ${text}) > 0`,
    })

  const load = (rows: ReadonlyArray<Row>) =>
    Effect.forEach(rows, (row) =>
      Effect.map(sql<Row>`SELECT * FROM referral_steps WHERE referral_id = ${String(row.id)} ORDER BY seq`, (steps) =>
        referralOf(row, steps),
      ),
    )

  const service: Service = {
    insertOrganization: (org) =>
      sql`INSERT INTO referral_organizations (institution_id, sector, name, description, website, email)
        VALUES (${org.institution}, ${orNull(org.sector)}, ${org.name}, ${orNull(org.description)},
          ${orNull(org.website)}, ${orNull(org.email)})`.pipe(Effect.asVoid, Effect.orDie),
    insertLocation: (loc) =>
      sql`INSERT INTO referral_locations (id, institution_id, name, municipality, address)
        VALUES (${loc.id}, ${loc.institution}, ${loc.name}, ${loc.municipality}, ${orNull(loc.address)})`.pipe(
        Effect.asVoid,
        Effect.orDie,
      ),
    insertService: (svc) =>
      sql`INSERT INTO referral_services (id, institution_id, name, type, municipality, languages, eligibility,
          locations, active, capacity_unit, capacity_available, capacity_total, capacity_updated_at)
        VALUES (${svc.id}, ${svc.institution}, ${svc.name}, ${svc.type}, ${svc.municipality},
          ${JSON.stringify(svc.languages)}, ${orNull(svc.eligibility)}, ${JSON.stringify(svc.locations)},
          ${svc.active ? 1 : 0}, ${orNull(svc.capacity?.unit)}, ${orNull(svc.capacity?.available)},
          ${orNull(svc.capacity?.total)}, ${orNull(svc.capacity && iso(svc.capacity.updatedAt))})`.pipe(
        Effect.asVoid,
        Effect.orDie,
      ),
    updateCapacity: (svc) =>
      sql`UPDATE referral_services SET capacity_unit = ${orNull(svc.capacity?.unit)},
          capacity_available = ${orNull(svc.capacity?.available)}, capacity_total = ${orNull(svc.capacity?.total)},
          capacity_updated_at = ${orNull(svc.capacity && iso(svc.capacity.updatedAt))}
        WHERE id = ${svc.id}`.pipe(Effect.asVoid, Effect.orDie),
    directory: Effect.gen(function* () {
      const organizations = yield* sql<Row>`SELECT * FROM referral_organizations ORDER BY institution_id`
      const locations = yield* sql<Row>`SELECT * FROM referral_locations ORDER BY id`
      const services = yield* sql<Row>`SELECT * FROM referral_services ORDER BY id`
      return {
        organizations: organizations.map(organizationOf),
        locations: locations.map(locationOf),
        services: services.map(serviceOf),
      }
    }).pipe(Effect.orDie),
    organizationPage: (step) =>
      sql<Row>`SELECT * FROM referral_organizations
        ${step.after === undefined ? sql`` : sql`WHERE institution_id > ${step.after}`}
        ORDER BY institution_id LIMIT ${step.limit}`.pipe(
        Effect.map((rows) => rows.map(organizationOf)),
        Effect.orDie,
      ),
    locationPage: (step) =>
      sql<Row>`SELECT * FROM referral_locations WHERE ${matching([
        step.municipality !== undefined && sql`municipality = ${step.municipality}`,
        step.institution !== undefined && sql`institution_id = ${step.institution}`,
        step.after !== undefined && sql`id > ${step.after}`,
      ])}
        ORDER BY id LIMIT ${step.limit}`.pipe(
        Effect.map((rows) => rows.map(locationOf)),
        Effect.orDie,
      ),
    servicePage: (step) =>
      sql<Row>`SELECT * FROM referral_services WHERE ${matching([
        step.type !== undefined && sql`type = ${step.type}`,
        step.municipality !== undefined && sql`municipality = ${step.municipality}`,
        step.institution !== undefined && sql`institution_id = ${step.institution}`,
        step.active !== undefined && sql`active = ${step.active ? 1 : 0}`,
        step.language !== undefined && containsText(sql`languages`, JSON.stringify(step.language)),
        step.after !== undefined && sql`id > ${step.after}`,
      ])}
        ORDER BY id LIMIT ${step.limit}`.pipe(
        Effect.map((rows) => rows.map(serviceOf)),
        Effect.orDie,
      ),
    insert: (referral) =>
      Effect.gen(function* () {
        const basis = referral.basis
        yield* sql`INSERT INTO referrals (id, mechanism_id, case_id, from_institution, to_institution, service_id,
            reason, urgency, consent_id, override_ground, override_reason, status, sent_at, version)
          VALUES (${referral.id}, ${referral.mechanism}, ${referral.case}, ${referral.from}, ${referral.to},
            ${referral.service}, ${referral.reason}, ${referral.urgency},
            ${basis._tag === "Consent" ? basis.consent : null},
            ${basis._tag === "Override" ? basis.override.ground : null},
            ${basis._tag === "Override" ? basis.override.reason : null},
            ${referral.status}, ${iso(Referral.sentAt(referral))}, ${referral.version})`
        yield* insertSteps(referral, 0)
      }).pipe(Effect.orDie),
    update: (referral, expectedVersion) =>
      Effect.gen(function* () {
        const stored = yield* sql<{ n: unknown }>`SELECT count(*) AS n FROM referral_steps
          WHERE referral_id = ${referral.id}`.pipe(Effect.orDie)
        yield* OptimisticConcurrency.update({
          table: "referrals",
          entity: "Referral",
          id: referral.id,
          expectedVersion,
          set: { status: referral.status },
        }).pipe(provide)
        yield* insertSteps(referral, Number(stored[0]?.n ?? 0)).pipe(Effect.orDie)
      }),
    find: (id) =>
      Effect.gen(function* () {
        const rows = yield* sql<Row>`SELECT * FROM referrals WHERE id = ${id}`.pipe(Effect.orDie)
        const [found] = yield* load(rows).pipe(Effect.orDie)
        if (found === undefined) return yield* Effect.fail(new Errors.NotFound({ entity: "Referral", id }))
        return found
      }),
    partiesOf: (id) =>
      sql<{
        readonly mechanism_id: string
        readonly from_institution: string
        readonly to_institution: string
      }>`SELECT mechanism_id, from_institution, to_institution FROM referrals WHERE id = ${id}`.pipe(
        Effect.orDie,
        Effect.map((rows) =>
          Option.map(Option.fromNullable(rows[0]), (row) => ({
            mechanism: row.mechanism_id as Id.MechanismId,
            from: row.from_institution as Id.InstitutionId,
            to: row.to_institution as Id.InstitutionId,
          })),
        ),
      ),
    forCase: (caseId) =>
      Effect.flatMap(sql<Row>`SELECT * FROM referrals WHERE case_id = ${caseId} ORDER BY id`, load).pipe(Effect.orDie),
    forMechanism: (mechanismId) =>
      Effect.flatMap(sql<Row>`SELECT * FROM referrals WHERE mechanism_id = ${mechanismId} ORDER BY id`, load).pipe(
        Effect.orDie,
      ),
    casePage: (caseId, page) =>
      Effect.flatMap(
        sql<Row>`SELECT * FROM referrals WHERE case_id = ${caseId}
          ${page.after === undefined ? sql`` : sql`AND id > ${page.after}`} ORDER BY id LIMIT ${page.limit}`,
        load,
      ).pipe(Effect.orDie),
    mechanismPage: (mechanismId, page) =>
      Effect.gen(function* () {
        const after = page.after === undefined ? sql`` : sql`AND id > ${page.after}`
        const status = page.status === undefined ? sql`` : sql`AND status = ${page.status}`
        const step = (party: Statement.Fragment) =>
          sql<Row>`SELECT * FROM referrals WHERE mechanism_id = ${mechanismId} ${party} ${status} ${after}
            ORDER BY id LIMIT ${page.limit}`
        if (page.party === undefined) return yield* Effect.flatMap(step(sql``), load)
        // Sent or received: two walks, one per index, merged by id; an OR would
        // read every match and sort it.
        const sent = yield* step(sql`AND from_institution = ${page.party}`)
        const received = yield* step(sql`AND to_institution = ${page.party}`)
        const byId = new Map([...sent, ...received].map((row) => [String(row.id), row]))
        const merged = [...byId.keys()].sort().slice(0, page.limit)
        return yield* load(merged.map((id) => byId.get(id) as Row))
      }).pipe(Effect.orDie),
    awaitingAnswer: (mechanismId) =>
      Effect.map(
        sql<Row>`SELECT id, mechanism_id, case_id, from_institution, to_institution, urgency, status, sent_at
          FROM referrals WHERE mechanism_id = ${mechanismId} AND ${sql.in("status", ReferralDue.awaitingStatuses)}
          ORDER BY id`,
        (rows) =>
          rows.map(
            (row): ReferralDue.Awaiting => ({
              id: row.id as Id.ReferralId,
              mechanism: row.mechanism_id as Id.MechanismId,
              case: row.case_id as Id.CaseId,
              from: row.from_institution as Id.InstitutionId,
              to: row.to_institution as Id.InstitutionId,
              urgency: row.urgency as Referral.Urgency,
              status: row.status as ReferralDue.Awaiting["status"],
              sentAt: instant(row.sent_at),
            }),
          ),
      ).pipe(Effect.orDie),
    relyingOn: (consentId) =>
      Effect.flatMap(
        sql<Row>`SELECT * FROM referrals WHERE consent_id = ${consentId}
          AND ${sql.in("status", Referral.openStatuses)} ORDER BY id`,
        load,
      ).pipe(Effect.orDie),
    announced: (mechanismId) =>
      Effect.map(
        sql<{ id: Id.ReferralId; overdue_announced: ReferralDeadlines.Step }>`SELECT id, overdue_announced
          FROM referrals WHERE mechanism_id = ${mechanismId} AND overdue_announced IS NOT NULL`,
        (rows) => new Map(rows.map((row) => [row.id, row.overdue_announced] as const)),
      ).pipe(Effect.orDie),
    markAnnounced: (id, step) =>
      sql`UPDATE referrals SET overdue_announced = ${step} WHERE id = ${id}`.pipe(Effect.asVoid, Effect.orDie),
  }
  return service
})

/**
 * The repository as a layer.
 */
export const layer: Layer.Layer<ReferralRepository, never, SqlClient.SqlClient> = Layer.effect(ReferralRepository, make)
