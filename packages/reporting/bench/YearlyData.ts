// Generates a large, deterministic data set in the real tables of the case,
// referral and meeting packages, inside the database (a recursive CTE on
// SQLite, generate_series on PostgreSQL), so that a million cases take seconds
// rather than a million round trips. Values come from modular arithmetic on
// the row number: every dimension of the yearly tables gets a realistic spread
// (mostly female victims and male perpetrators, a second perpetrator in one case
// of five, a protection order in three cases of ten, a referral in one of two).
import { Municipality } from "@bashke/kernel"
import { SqlClient, type SqlError } from "@effect/sql"
import { Effect } from "effect"

/** The years the cases are spread over, evenly. */
export const firstYear = 2016
export const years = 10

const codes = Municipality.codes
const serviceTypes = [
  "shelter",
  "legal-aid",
  "medical-care",
  "psychosocial-counselling",
  "child-protection",
  "economic-empowerment",
  "education",
  "housing",
  "police-protection",
]
const relationships = [
  "married",
  "extramarital-union",
  "engaged",
  "shared-household",
  "relative-blood",
  "relative-marriage",
  "relative-adoption",
  "in-law",
  "guardianship",
  "parents-of-common-child",
  "family-law-dispute-party",
]
const forms = [
  '["physical"]',
  '["psychological"]',
  '["physical","psychological"]',
  '["economic","psychological"]',
  '["sexual","physical"]',
  '["physical","psychological","economic"]',
]
const kinds = ["protection-order", "emergency-protection-order", "temporary-emergency-protection-order"]

// A CASE picking the (i mod n)-th literal of a list.
const pick = (list: ReadonlyArray<string>, index: string): string =>
  `CASE ${index} ${list.map((value, n) => `WHEN ${n} THEN '${value.replaceAll("'", "''")}'`).join(" ")} END`

const two = (expr: string): string => `CASE WHEN ${expr} < 10 THEN '0' || (${expr}) ELSE '' || (${expr}) END`

/**
 * Generates `count` cases with their persons, incidents, consents, orders,
 * referrals; and meetings. A bulk load: one transaction, foreign keys not
 * checked row by row on SQLite (the rows are consistent by construction), no
 * waiting for the disk at commit. The case package's triggers keep the
 * statistics facts as they would for any writer.
 */
export const generate = (count: number): Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
    const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
    if (pg) {
      // Triggers run (foreign keys, and the case package's statistics facts,
      // which the views read): `session_replication_role = replica` would skip both.
      yield* sql.withTransaction(
        Effect.gen(function* () {
          yield* exec("SET LOCAL synchronous_commit = off")
          yield* insert(count, pg)
        }),
      )
    } else {
      // SQLite changes these outside a transaction only.
      yield* exec("PRAGMA foreign_keys = OFF")
      yield* sql.withTransaction(insert(count, pg))
      yield* exec("PRAGMA foreign_keys = ON")
    }
    // Fresh statistics for the planner; on PostgreSQL also the visibility map,
    // without which an index-only scan visits the table anyway (autovacuum
    // would see to both in a database that grew over years).
    yield* exec(pg ? "VACUUM ANALYZE" : "ANALYZE")
  })

const insert = (count: number, pg: boolean): Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const numbers = (n: number, body: (i: string) => string) =>
      pg
        ? `${body("g.i")} FROM generate_series(1, ${n}) AS g(i)`
        : `WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${n}) ${body("g.i")} FROM g`
    const instant = (text: string) => (pg ? `(${text})::timestamptz` : text)
    // The case opened on day (i mod 28) + 1 of month (i / 10 mod 12) + 1 of its year, 10:00 UTC.
    // Cases come in yearly blocks, so that every subset taken by row number spreads over the years.
    const year = (i: string) => `(${firstYear} + (${i} - 1) / ${count / years})`
    const opened = (i: string, hour = "10") =>
      `'' || ${year(i)} || '-' || ${two(`(${i} / 10) % 12 + 1`)} || '-' || ${two(`${i} % 28 + 1`)} || 'T${hour}:00:00.000Z'`
    const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
    yield* exec(`INSERT INTO cases (id, mechanism_id, reference, municipality, year, sequence, lead_institution,
        status, risk_level, opened_at, version)
      ${numbers(
        count,
        (i) => `SELECT 'c' || ${i}, 'm-' || ${pick(codes, `${i} % 38`)}, 'r' || ${i}, ${pick(codes, `${i} % 38`)},
          ${year(i)}, ${i}, 'lead', 'open', ${pick(["standard", "medium", "high"], `${i} % 3`)},
          ${instant(opened(i))}, 1`,
      )}`)
    // One victim a case: eight in ten female; a birth year for most, a band for some.
    yield* exec(`INSERT INTO persons (id, case_id, role, sex, birth_year, age_band, disabilities, created_at, version)
      ${numbers(
        count,
        (i) => `SELECT 'v' || ${i}, 'c' || ${i}, 'victim',
          CASE WHEN ${i} % 10 < 8 THEN 'female' WHEN ${i} % 10 < 9 THEN 'male' ELSE 'not-recorded' END,
          CASE WHEN ${i} % 7 = 0 THEN NULL ELSE 1945 + (${i} * 7) % 75 END,
          CASE WHEN ${i} % 14 = 0 THEN '25-34' ELSE NULL END,
          '[]', ${instant(opened(i))}, 1`,
      )}`)
    // One alleged perpetrator a case, a second in one case of five.
    yield* exec(`INSERT INTO persons (id, case_id, role, sex, birth_year, disabilities, relationship_kind,
        relationship_time, created_at, version)
      ${numbers(
        count + count / 5,
        (i) => `SELECT 'p' || ${i}, 'c' || (CASE WHEN ${i} <= ${count} THEN ${i} ELSE (${i} - ${count}) * 5 END),
          'alleged-perpetrator', CASE WHEN ${i} % 10 < 9 THEN 'male' ELSE 'female' END, 1940 + (${i} * 11) % 70, '[]',
          ${pick(relationships, `${i} % 11`)}, CASE WHEN ${i} % 4 = 0 THEN 'former' ELSE 'current' END,
          ${instant(opened(`(CASE WHEN ${i} <= ${count} THEN ${i} ELSE (${i} - ${count}) * 5 END)`))}, 1`,
      )}`)
    // One incident a case, a second in every other case.
    yield* exec(`INSERT INTO incidents (id, case_id, occurred_on, municipality, place, forms, children, perpetrators,
        source, recorded_at, version)
      ${numbers(count + count / 2, (i) => {
        const c = `(CASE WHEN ${i} <= ${count} THEN ${i} ELSE (${i} - ${count}) * 2 END)`
        return `SELECT 'i' || ${i}, 'c' || ${c}, ${pg ? `(substr(${opened(c)}, 1, 10))::date` : `substr(${opened(c)}, 1, 10)`},
          ${pick(codes, `${c} % 38`)}, 'home', ${pick(forms, `${i} % 6`)},
          ${pick(["none", "present", "witnessed", "not-known"], `${i} % 4`)}, '[]', 'police-report',
          ${instant(opened(c))}, 1`
      })}`)
    // Seven cases in ten consent to statistics; one of those consents is withdrawn in ten.
    yield* exec(`INSERT INTO consents (id, case_id, given_by, institutions, sectors, purposes, valid_from,
        withdrawn_at, version)
      ${numbers(
        count,
        (i) => `SELECT 'k' || ${i}, 'c' || ${i}, 'v' || ${i}, '[]', '["social-work"]',
          CASE WHEN ${i} % 10 < 7 THEN '["case-management","statistics"]' ELSE '["case-management"]' END,
          ${instant(opened(i))}, CASE WHEN ${i} % 100 = 0 THEN ${instant(opened(i, "12"))} ELSE NULL END, 1`,
      )}`)
    // A protection order in three cases of ten, issued the day it was asked for; a breach in one of ten orders.
    const orders = (3 * count) / 10
    const orderCase = (i: string) => `((${i} - 1) / 3 * 10 + (${i} - 1) % 3 + 1)`
    yield* exec(`INSERT INTO protection_orders (id, case_id, kind, petitioner, status, requested_at, decided_at,
        issued_at, expires_at, version)
      ${numbers(
        orders,
        (i) => `SELECT 'o' || ${i}, 'c' || ${orderCase(i)}, ${pick(kinds, `${i} % 3`)}, 'victim', 'issued',
          ${instant(opened(orderCase(i), "11"))}, ${instant(opened(orderCase(i), "15"))},
          ${instant(opened(orderCase(i), "15"))}, NULL, 1`,
      )}`)
    yield* exec(`INSERT INTO protection_order_events (order_id, seq, case_id, event, at, recorded_at)
      ${numbers(
        orders / 10,
        (i) => `SELECT 'o' || (${i} * 10), 1, 'c' || ${orderCase(`(${i} * 10)`)}, 'breach-recorded',
          ${instant(opened(orderCase(`(${i} * 10)`), "20"))}, ${instant(opened(orderCase(`(${i} * 10)`), "21"))}`,
      )}`)

    // The directory: one service of each type in each municipality.
    yield* exec(`INSERT INTO referral_organizations (institution_id, name) VALUES ('provider', 'Provider')`)
    yield* exec(`INSERT INTO referral_services (id, institution_id, name, type, municipality, languages, locations, active)
      ${numbers(
        9 * 38,
        (i) => `SELECT 's' || ${i}, 'provider', 'Service', ${pick(serviceTypes, `${i} % 9`)},
          ${pick(codes, `(${i} / 9) % 38`)}, '["sq"]', '[]', 1`,
      )}`)
    // A referral in every other case, acknowledged a few hours after it was sent, then accepted.
    const referrals = count / 2
    yield* exec(`INSERT INTO referrals (id, mechanism_id, case_id, from_institution, to_institution, service_id,
        reason, urgency, consent_id, status, sent_at, version)
      ${numbers(
        referrals,
        (i) => `SELECT 'f' || ${i}, 'm-' || ${pick(codes, `(${i} * 2) % 38`)}, 'c' || (${i} * 2), 'lead', 'provider',
          's' || ((${i} % 9) + 1 + 9 * ((${i} * 2) % 38)), 'needs-shelter',
          CASE WHEN ${i} % 5 = 0 THEN 'high' ELSE 'standard' END, 'k' || (${i} * 2),
          ${pick(["accepted", "completed", "declined", "sent"], `${i} % 4`)}, ${instant(opened(`(${i} * 2)`))}, 1`,
      )}`)
    for (const [seq, status, hour] of [
      [1, "sent", "10"],
      [2, "acknowledged", "13"],
      [3, "accepted", "18"],
    ] as const) {
      yield* exec(`INSERT INTO referral_steps (referral_id, seq, status, at, principal_id, institution_id)
        ${numbers(
          referrals,
          (i) =>
            `SELECT 'f' || ${i}, ${seq}, '${status}', ${instant(opened(`(${i} * 2)`, hour))}, 'principal', 'provider'`,
        )}`)
    }

    // Five meetings a year in each municipality's mechanism, one of them ad hoc and one cancelled.
    yield* exec(`INSERT INTO meeting_meetings (id, mechanism_id, kind, status, starts_at, sequence, version,
        created_at, updated_at)
      ${numbers(38 * years * 5, (i) => {
        const at = `'' || (${firstYear} + (${i} / 190) % ${years}) || '-' || ${two(`(${i} % 5) * 2 + 1`)} || '-15T09:00:00.000Z'`
        return `SELECT 'g' || ${i}, 'm-' || ${pick(codes, `(${i} / 5) % 38`)},
          CASE WHEN ${i} % 5 = 4 THEN 'ad-hoc' ELSE 'regular' END,
          CASE WHEN ${i} % 5 = 3 THEN 'cancelled' ELSE 'minutes-approved' END,
          ${instant(at)}, ${i}, 1, ${instant(at)}, ${instant(at)}`
      })}`)
  })
