// Due items of whole mechanisms, beside their floor: the plain SQL that
// selects the same rows (open cases, their teams, active orders and hearings,
// latest assessments, referrals waiting for an answer, meetings, open action
// items) with nothing decoded and no rule applied. Two shapes: one mechanism
// with 10,000 open cases, and all 38 municipalities' mechanisms with 500 each
// (a full scheduler sweep). Rows are written by plain INSERTs in the packages'
// own tables (through their migrations); every case has a team of three and
// an assessment, one in three an issued order, one in two a referral waiting.
import { caseMigrations, SqlOpenCases } from "@bashke/case"
import { Id, Municipality } from "@bashke/kernel"
import { mechanismMigrations } from "@bashke/mechanism"
import { MeetingRounds, meetingMigrations } from "@bashke/meeting"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { TestDatabase } from "@bashke/persistence/testing"
import { ReferralRounds, referralMigrations } from "@bashke/referral"
import { securityMigrations, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { type Figure, rate, record } from "../../../scripts/benchmark"
import * as DueItems from "../src/DueItems"
import { notificationMigrations } from "../src/NotificationMigrations"

const municipalities = 38
const ulid = (time: number, n: number) =>
  Id.ulidAt(
    time,
    new Uint8Array(10).map((_, i) => (n >> (i * 3)) & 0xff),
  )
const t0 = Date.parse("2026-03-01T08:00:00Z")
const iso = (millis: number) => new Date(millis).toISOString()

const populate = (first: number, mechanisms: number, casesEach: number) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const institution = (m: number, k: number) => ulid(t0 + m, 1000 + k)
    const ids: Array<Id.MechanismId> = []
    for (let m = first; m < first + mechanisms; m++) {
      const mechanism = ulid(t0 + m, 1) as Id.MechanismId
      ids.push(mechanism)
      const service = ulid(t0 + m, 2)
      yield* sql`INSERT INTO referral_organizations (institution_id, name) VALUES (${institution(m, 1)}, 'Shelter')`
      yield* sql`INSERT INTO referral_services (id, institution_id, name, type, municipality, languages, locations, active)
        VALUES (${service}, ${institution(m, 1)}, 'Shelter', 'shelter', 'GJI', '["sq"]', '[]', 1)`
      yield* sql.withTransaction(
        Effect.gen(function* () {
          for (let start = 0; start < casesEach; start += 250) {
            const batch = Array.from({ length: Math.min(250, casesEach - start) }, (_, i) => start + i)
            const caseId = (c: number) => ulid(t0 + m * 1_000_000 + c, 3)
            yield* sql`INSERT INTO cases ${sql.insert(
              batch.map((c) => ({
                id: caseId(c),
                mechanism_id: mechanism,
                reference: `${Municipality.codes[m % Municipality.codes.length]}-${2026 + Math.floor(c / 9000) + 10 * Math.floor(m / Municipality.codes.length)}-${String((c % 9000) + 1).padStart(4, "0")}`,
                municipality: Municipality.codes[m % Municipality.codes.length],
                year: 2026 + Math.floor(c / 9000) + 10 * Math.floor(m / Municipality.codes.length),
                sequence: (c % 9000) + 1,
                lead_institution: institution(m, 0),
                status: "active",
                opened_at: iso(t0 + c * 60_000),
                version: 1,
              })),
            )}`
            yield* sql`INSERT INTO case_team_members ${sql.insert(
              batch.flatMap((c) =>
                [0, 1, 2].map((k) => ({
                  case_id: caseId(c),
                  institution_id: institution(m, k),
                  sector: k === 0 ? "social-work" : k === 1 ? "shelter" : "police",
                  access: "full",
                  position: k,
                  added_at: iso(t0),
                  version: 1,
                })),
              ),
            )}`
            yield* sql`INSERT INTO risk_assessments ${sql.insert(
              batch.map((c) => ({
                id: ulid(t0 + m * 1_000_000 + c, 4),
                case_id: caseId(c),
                instrument_id: "dash",
                instrument_version: 1,
                answers: "{}",
                score: 5,
                computed_level: "standard",
                level: "standard",
                assessed_at: iso(t0 + c * 60_000),
                assessed_by: institution(m, 0),
                reassess_on: "2026-04-26",
              })),
            )}`
            const withOrder = batch.filter((c) => c % 3 === 0)
            if (withOrder.length > 0)
              yield* sql`INSERT INTO protection_orders ${sql.insert(
                withOrder.map((c) => ({
                  id: ulid(t0 + m * 1_000_000 + c, 5),
                  case_id: caseId(c),
                  kind: "emergency-protection-order",
                  petitioner: "police",
                  status: "issued",
                  requested_at: iso(t0),
                  issued_at: iso(t0 + hour),
                  expires_at: iso(t0 + 15 * 24 * hour),
                  version: 1,
                })),
              )}`
            const referred = batch.filter((c) => c % 2 === 0)
            if (referred.length > 0) {
              yield* sql`INSERT INTO referrals ${sql.insert(
                referred.map((c) => ({
                  id: ulid(t0 + m * 1_000_000 + c, 6),
                  mechanism_id: mechanism,
                  case_id: caseId(c),
                  from_institution: institution(m, 0),
                  to_institution: institution(m, 1),
                  service_id: service,
                  reason: "shelter-needed",
                  urgency: c % 4 === 0 ? "high" : "standard",
                  override_ground: "imminent-danger",
                  override_reason: "bench",
                  status: "sent",
                  sent_at: iso(t0 + c * 60_000),
                  version: 1,
                })),
              )}`
            }
          }
        }),
      )
    }
    return ids
  })

const hour = 3_600_000

/** The floor: the same rows, selected by hand, nothing decoded. */
const floor = (mechanism: Id.MechanismId) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const open = sql`c.mechanism_id = ${mechanism} AND c.status <> 'closed'`
    yield* sql`SELECT id, reference, lead_institution FROM cases c WHERE ${open}`
    yield* sql`SELECT m.case_id, m.institution_id FROM case_team_members m JOIN cases c ON c.id = m.case_id WHERE ${open}`
    yield* sql`SELECT o.id, o.case_id, o.kind, o.status, o.requested_at, o.expires_at FROM protection_orders o
      JOIN cases c ON c.id = o.case_id WHERE ${open} AND o.status IN ('requested', 'issued', 'extended')`
    yield* sql`SELECT h.order_id, h.hearing_at FROM protection_order_hearings h JOIN protection_orders o ON o.id = h.order_id
      JOIN cases c ON c.id = o.case_id WHERE ${open} AND o.status IN ('requested', 'issued', 'extended')`
    yield* sql`SELECT r.case_id, r.reassess_on, r.assessed_at FROM risk_assessments r JOIN cases c ON c.id = r.case_id WHERE ${open}`
    yield* sql`SELECT id, case_id, from_institution, to_institution, urgency, status, sent_at FROM referrals
      WHERE mechanism_id = ${mechanism} AND status IN ('sent', 'acknowledged')`
    yield* sql`SELECT id, status, request_deadline, held_at FROM meeting_meetings WHERE mechanism_id = ${mechanism}`
    yield* sql`SELECT id, owner, due_date FROM meeting_action_items WHERE mechanism_id = ${mechanism} AND status = 'open'`
  })

const measure = (dialect: string, database: Layer.Layer<SqlClient.SqlClient>) =>
  Effect.gen(function* () {
    yield* Migrations.run([
      persistenceMigrations,
      securityMigrations,
      mechanismMigrations,
      meetingMigrations,
      caseMigrations,
      referralMigrations,
      notificationMigrations,
    ])
    const context = yield* Effect.context<DueItems.Sources | SqlClient.SqlClient>()
    const run = <A, E>(effect: Effect.Effect<A, E, DueItems.Sources | SqlClient.SqlClient>) =>
      Effect.runPromise(Effect.provide(Effect.orDie(effect), context))
    const [large] = yield* populate(0, 1, 10_000)
    const all = yield* populate(1, municipalities, 500)
    const items = (yield* DueItems.forMechanism(large as Id.MechanismId)).length
    const one = yield* Effect.promise(() => rate(10_000, () => run(DueItems.forMechanism(large as Id.MechanismId)), 3))
    const oneFloor = yield* Effect.promise(() => rate(10_000, () => run(floor(large as Id.MechanismId)), 3))
    const sweep = yield* Effect.promise(() =>
      rate(municipalities * 500, () => run(Effect.forEach(all, DueItems.forMechanism)), 3),
    )
    const sweepFloor = yield* Effect.promise(() => rate(municipalities * 500, () => run(Effect.forEach(all, floor)), 3))
    console.log(`due-items (${dialect}): ${items} items for 10,000 open cases`)
    return [
      {
        measure: `due items of one mechanism with 10,000 open cases (${items} items; ${dialect})`,
        unit: "cases/s",
        value: one,
        floor: { measure: "the same rows selected by hand, not decoded", value: oneFloor },
      },
      {
        measure: `due items of 38 mechanisms × 500 open cases, one sweep (${dialect})`,
        unit: "cases/s",
        value: sweep,
        floor: { measure: "the same rows selected by hand, not decoded", value: sweepFloor },
      },
    ] satisfies ReadonlyArray<Figure>
  }).pipe(
    Effect.provide(
      Layer.mergeAll(SqlOpenCases.layer, ReferralRounds.layerSql, MeetingRounds.layerSql).pipe(
        Layer.provideMerge(Layer.mergeAll(database, Vault.layerTest, Id.layer)),
      ),
    ),
  )

const figures: Array<Figure> = [...(await Effect.runPromise(measure("SQLite file, WAL", TestDatabase.sqliteLayer)))]
const unavailable = await TestDatabase.postgresUnavailable()
if (unavailable === undefined) {
  figures.push(...(await Effect.runPromise(measure("PostgreSQL", TestDatabase.postgresLayer()))))
} else {
  console.warn(`due-items bench: PostgreSQL skipped (${unavailable})`)
}
record(new URL("..", import.meta.url).pathname, "notifications-due-items", figures)
