// The case package's published statistics views: codes, flags, dates and one
// pseudonymous id only (`case_id`, a random ULID that links an order to its
// case; never the reference, a name or a personal number). `@bashke/reporting`
// reads these views and nothing else of this package, so the tables behind
// them may change as long as the views keep their columns. Three views, one
// unit each, so that `count(*)` counts the unit without DISTINCT:
//
// - `case_statistics`: one row per case, which is one row per victim (a case
//   has exactly one);
// - `perpetrator_statistics`: one row per alleged perpetrator of a case;
// - `protection_order_statistics`: one row per dated event of an order.
//
// Lists of codes are JSON text on both dialects (`["physical","sexual"]`), so a
// quoted code is found with LIKE. Age bands are the recorded band, else the
// band of (year opened − birth year), else `not-recorded`.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

const ageBand = (person: string, year: string): string => `COALESCE(${person}.age_band, CASE
    WHEN ${person}.birth_year IS NULL THEN 'not-recorded'
    WHEN ${year} - ${person}.birth_year < 5 THEN '0-4'
    WHEN ${year} - ${person}.birth_year < 10 THEN '5-9'
    WHEN ${year} - ${person}.birth_year < 15 THEN '10-14'
    WHEN ${year} - ${person}.birth_year < 18 THEN '15-17'
    WHEN ${year} - ${person}.birth_year < 25 THEN '18-24'
    WHEN ${year} - ${person}.birth_year < 35 THEN '25-34'
    WHEN ${year} - ${person}.birth_year < 45 THEN '35-44'
    WHEN ${year} - ${person}.birth_year < 55 THEN '45-54'
    WHEN ${year} - ${person}.birth_year < 65 THEN '55-64'
    ELSE '65-plus' END)`

// A consent of the case that names the statistics purpose and was not
// withdrawn: withdrawing it takes the case out of every later report.
const statisticsConsent = (caseId: string): string => `CASE WHEN EXISTS (
    SELECT 1 FROM consents k
    WHERE k.case_id = ${caseId} AND k.withdrawn_at IS NULL AND k.purposes LIKE '%"statistics"%'
  ) THEN 1 ELSE 0 END`

// The forms of violence over the case's incidents, as one code: the forms
// present, in the Istanbul Convention's order, joined by commas
// (`physical,psychological`), or '' when no incident is recorded. One look-up
// per case instead of one per form: reports group by it and split it.
const forms = ["physical", "sexual", "psychological", "economic"] as const
const formsOfCase = `COALESCE((
    SELECT CASE ${forms.map((code, bit) => `${2 ** bit} * MAX(CASE WHEN i.forms LIKE '%"${code}"%' THEN 1 ELSE 0 END)`).join(" + ")}
      ${Array.from({ length: 15 }, (_, n) => n + 1)
        .map((mask) => `WHEN ${mask} THEN '${forms.filter((_, bit) => (mask & (2 ** bit)) !== 0).join(",")}'`)
        .join(" ")}
      ELSE '' END
    FROM incidents i WHERE i.case_id = c.id
  ), '')`

// The most telling exposure over the case's incidents: witnessed, then
// present, then none; `not-known` when no incident says.
const childrenExposure = `COALESCE((
    SELECT CASE MAX(CASE i.children WHEN 'witnessed' THEN 3 WHEN 'present' THEN 2 WHEN 'none' THEN 1 ELSE 0 END)
      WHEN 3 THEN 'witnessed' WHEN 2 THEN 'present' WHEN 1 THEN 'none' ELSE 'not-known' END
    FROM incidents i WHERE i.case_id = c.id
  ), 'not-known')`

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()

  // Reports select cases by the instant they were opened; the other indexes
  // cover what the views read of each case's persons, incidents and consents,
  // so a look-up never visits the table.
  yield* sql`CREATE INDEX cases_opened ON cases (opened_at, id, mechanism_id, municipality, year)`
  yield* sql`CREATE INDEX persons_statistics ON persons
    (case_id, role, sex, birth_year, age_band, relationship_kind, relationship_time)`
  yield* sql`CREATE INDEX incidents_statistics ON incidents (case_id, forms, children)`
  yield* sql`CREATE INDEX consents_statistics ON consents (case_id, withdrawn_at, purposes)`
  yield* sql`CREATE INDEX protection_orders_requested ON protection_orders (requested_at)`
  yield* sql`CREATE INDEX protection_orders_issued ON protection_orders (issued_at)`
  yield* sql`CREATE INDEX protection_order_events_event ON protection_order_events (event, at)`

  yield* sql.unsafe(`CREATE VIEW case_statistics AS
    SELECT
      c.id AS case_id,
      c.mechanism_id,
      c.municipality,
      c.opened_at,
      c.year AS opened_year,
      COALESCE(v.sex, 'not-recorded') AS victim_sex,
      ${ageBand("v", "c.year")} AS victim_age_band,
      ${formsOfCase} AS forms,
      ${childrenExposure} AS children_exposure,
      ${statisticsConsent("c.id")} AS statistics_consent
    FROM cases c
    LEFT JOIN persons v ON v.case_id = c.id AND v.role = 'victim'`)

  yield* sql.unsafe(`CREATE VIEW perpetrator_statistics AS
    SELECT
      c.id AS case_id,
      c.mechanism_id,
      c.municipality,
      c.opened_at,
      c.year AS opened_year,
      p.sex AS perpetrator_sex,
      ${ageBand("p", "c.year")} AS perpetrator_age_band,
      COALESCE(p.relationship_kind, 'not-recorded') AS relationship,
      COALESCE(p.relationship_time, 'not-recorded') AS relationship_time,
      COALESCE((SELECT v.sex FROM persons v WHERE v.case_id = c.id AND v.role = 'victim'), 'not-recorded') AS victim_sex,
      ${statisticsConsent("c.id")} AS statistics_consent
    FROM persons p
    JOIN cases c ON c.id = p.case_id
    WHERE p.role = 'alleged-perpetrator'`)

  // Requested and issued come from the order (an order recorded as already
  // issued has no "requested" event, yet may carry the request's date); the
  // later events from the order's event log.
  const orderColumns = `o.case_id, c.mechanism_id, c.municipality, o.kind AS order_kind, o.petitioner`
  yield* sql.unsafe(`CREATE VIEW protection_order_statistics AS
    SELECT ${orderColumns}, 'requested' AS event, o.requested_at AS event_at, ${statisticsConsent("o.case_id")} AS statistics_consent
    FROM protection_orders o JOIN cases c ON c.id = o.case_id
    WHERE o.requested_at IS NOT NULL
    UNION ALL
    SELECT ${orderColumns}, 'issued' AS event, o.issued_at AS event_at, ${statisticsConsent("o.case_id")} AS statistics_consent
    FROM protection_orders o JOIN cases c ON c.id = o.case_id
    WHERE o.issued_at IS NOT NULL
    UNION ALL
    SELECT ${orderColumns}, e.event, e.at AS event_at, ${statisticsConsent("o.case_id")} AS statistics_consent
    FROM protection_order_events e
    JOIN protection_orders o ON o.id = e.order_id
    JOIN cases c ON c.id = o.case_id
    WHERE e.event IN ('rejected', 'extended', 'expired', 'breach-recorded')`)
})
