// Per-case statistics facts kept at write time (issue 19, point 5): one row per
// case in `case_statistics_facts` with what the published views used to look up
// per case on every report (the victim's sex and age band, the forms of
// violence and the children's exposure over the case's incidents, whether a
// standing consent names the statistics purpose), next to the case columns the
// reports filter on. Kept by triggers, so every writer — the case service,
// corrections, bulk imports, erasure, anything added later — refreshes them in
// its own transaction without knowing they exist (ADR 0019).
//
// The views keep their columns, order and meaning (the contract `@bashke/reporting`
// reads); they now read the facts instead of three correlated look-ups a case.
//
// A refresh recomputes a case's row from its tables with the expressions of
// migrations 2 and 3 (`ON CONFLICT … DO UPDATE`, both dialects). SQLite runs it
// per changed row; PostgreSQL once per statement over the changed rows
// (transition tables), so a bulk `INSERT … SELECT` refreshes its cases in one
// set-based statement. A case with two victims (never, by the model) takes the
// first by id.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** The age band of `person` in `year` (a recorded band first), as the published views define it. */
export const ageBand = (person: string, year: string): string => `COALESCE(${person}.age_band, CASE
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

const forms = ["physical", "sexual", "psychological", "economic"] as const
const formsOfCase = `COALESCE((
    SELECT CASE ${forms.map((code, bit) => `${2 ** bit} * MAX(CASE WHEN i.forms LIKE '%"${code}"%' THEN 1 ELSE 0 END)`).join(" + ")}
      ${Array.from({ length: 15 }, (_, n) => n + 1)
        .map((mask) => `WHEN ${mask} THEN '${forms.filter((_, bit) => (mask & (2 ** bit)) !== 0).join(",")}'`)
        .join(" ")}
      ELSE '' END
    FROM incidents i WHERE i.case_id = c.id
  ), '')`

const childrenExposure = `COALESCE((
    SELECT CASE MAX(CASE i.children WHEN 'witnessed' THEN 3 WHEN 'present' THEN 2 WHEN 'none' THEN 1 ELSE 0 END)
      WHEN 3 THEN 'witnessed' WHEN 2 THEN 'present' WHEN 1 THEN 'none' ELSE 'not-known' END
    FROM incidents i WHERE i.case_id = c.id
  ), 'not-known')`

const statisticsConsent = `CASE WHEN EXISTS (
    SELECT 1 FROM consents k
    WHERE k.case_id = c.id AND k.withdrawn_at IS NULL AND k.purposes LIKE '%"statistics"%'
  ) THEN 1 ELSE 0 END`

const factColumns = [
  "mechanism_id",
  "municipality",
  "opened_at",
  "opened_year",
  "victim_sex",
  "victim_age_band",
  "forms",
  "children_exposure",
  "statistics_consent",
] as const

/** Recomputes the facts of the cases `where` selects (a condition on `c`). */
const refresh = (where: string): string => `INSERT INTO case_statistics_facts (case_id, ${factColumns.join(", ")})
  SELECT c.id, c.mechanism_id, c.municipality, c.opened_at, c.year,
    COALESCE(v.sex, 'not-recorded'), ${ageBand("v", "c.year")}, ${formsOfCase}, ${childrenExposure}, ${statisticsConsent}
  FROM cases c
  LEFT JOIN persons v ON v.id = (
    SELECT p.id FROM persons p WHERE p.case_id = c.id AND p.role = 'victim' ORDER BY p.id LIMIT 1
  )
  WHERE ${where}
  ON CONFLICT (case_id) DO UPDATE SET ${factColumns.map((column) => `${column} = excluded.${column}`).join(", ")}`

/** The tables whose rows feed the facts, and which of their rows do. */
const parts = [
  { table: "persons", row: (alias: string) => `${alias}.role = 'victim'` },
  { table: "incidents", row: () => "true" },
  { table: "consents", row: () => "true" },
] as const

const views = (pg: boolean) => {
  const facts = `f.case_id, f.mechanism_id, f.municipality, f.opened_at, f.opened_year`
  return [
    `CREATE ${pg ? "OR REPLACE " : ""}VIEW case_statistics AS
      SELECT ${facts}, f.victim_sex, f.victim_age_band, f.forms, f.children_exposure, f.statistics_consent
      FROM case_statistics_facts f`,
    `CREATE ${pg ? "OR REPLACE " : ""}VIEW perpetrator_statistics AS
      SELECT ${facts},
        p.sex AS perpetrator_sex,
        ${ageBand("p", "f.opened_year")} AS perpetrator_age_band,
        COALESCE(p.relationship_kind, 'not-recorded') AS relationship,
        COALESCE(p.relationship_time, 'not-recorded') AS relationship_time,
        f.victim_sex,
        f.statistics_consent
      FROM persons p
      JOIN case_statistics_facts f ON f.case_id = p.case_id
      WHERE p.role = 'alleged-perpetrator'`,
    `CREATE ${pg ? "OR REPLACE " : ""}VIEW incident_statistics AS
      SELECT f.case_id, f.mechanism_id, i.municipality, f.opened_at, f.opened_year,
        COALESCE(i.place, 'not-recorded') AS place,
        i.children AS children_exposure,
        f.victim_sex,
        f.statistics_consent
      FROM incidents i
      JOIN case_statistics_facts f ON f.case_id = i.case_id`,
    `CREATE ${pg ? "OR REPLACE " : ""}VIEW protection_order_statistics AS
      SELECT o.case_id, f.mechanism_id, f.municipality, o.kind AS order_kind, o.petitioner,
        'requested' AS event, o.requested_at AS event_at, f.statistics_consent
      FROM protection_orders o JOIN case_statistics_facts f ON f.case_id = o.case_id
      WHERE o.requested_at IS NOT NULL
      UNION ALL
      SELECT o.case_id, f.mechanism_id, f.municipality, o.kind AS order_kind, o.petitioner,
        'issued' AS event, o.issued_at AS event_at, f.statistics_consent
      FROM protection_orders o JOIN case_statistics_facts f ON f.case_id = o.case_id
      WHERE o.issued_at IS NOT NULL
      UNION ALL
      SELECT o.case_id, f.mechanism_id, f.municipality, o.kind AS order_kind, o.petitioner,
        e.event, e.at AS event_at, f.statistics_consent
      FROM protection_order_events e
      JOIN protection_orders o ON o.id = e.order_id
      JOIN case_statistics_facts f ON f.case_id = o.case_id
      WHERE e.event IN ('rejected', 'extended', 'expired', 'breach-recorded')`,
  ]
}

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
  const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
  const instant = pg ? "timestamptz" : "TEXT"
  yield* exec(`CREATE TABLE case_statistics_facts (
    case_id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    opened_at ${instant} NOT NULL,
    opened_year INTEGER NOT NULL,
    victim_sex TEXT NOT NULL,
    victim_age_band TEXT NOT NULL,
    forms TEXT NOT NULL,
    children_exposure TEXT NOT NULL,
    statistics_consent INTEGER NOT NULL
  )`)
  // Reports select by the instant a case was opened, often of one mechanism.
  yield* exec(`CREATE INDEX case_statistics_facts_opened ON case_statistics_facts (opened_at)`)
  yield* exec(refresh("true"))

  if (pg) {
    // One trigger function per shape of changed row; each statement refreshes
    // the distinct cases it touched, once.
    const fn = (name: string, body: string) =>
      exec(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN ${body}; RETURN NULL; END $fn$`)
    yield* fn("case_statistics_facts_of_cases", refresh("c.id IN (SELECT changed.id FROM changed)"))
    yield* fn(
      "case_statistics_facts_of_victims",
      refresh(`c.id IN (SELECT changed.case_id FROM changed WHERE changed.role = 'victim')`),
    )
    yield* fn("case_statistics_facts_of_parts", refresh("c.id IN (SELECT changed.case_id FROM changed)"))
    yield* fn(
      "case_statistics_facts_of_deleted_cases",
      "DELETE FROM case_statistics_facts WHERE case_id IN (SELECT changed.id FROM changed)",
    )
    const trigger = (table: string, event: "INSERT" | "UPDATE" | "DELETE", fnName: string) =>
      exec(`CREATE TRIGGER ${table}_statistics_facts_${event.toLowerCase()} AFTER ${event} ON ${table}
        REFERENCING ${event === "DELETE" ? "OLD" : "NEW"} TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION ${fnName}()`)
    yield* trigger("cases", "INSERT", "case_statistics_facts_of_cases")
    yield* trigger("cases", "UPDATE", "case_statistics_facts_of_cases")
    yield* trigger("cases", "DELETE", "case_statistics_facts_of_deleted_cases")
    for (const part of parts) {
      const fnName = part.table === "persons" ? "case_statistics_facts_of_victims" : "case_statistics_facts_of_parts"
      for (const event of ["INSERT", "UPDATE", "DELETE"] as const) yield* trigger(part.table, event, fnName)
    }
  } else {
    const trigger = (name: string, event: string, when: string, body: string) =>
      exec(`CREATE TRIGGER ${name} AFTER ${event} FOR EACH ROW WHEN ${when} BEGIN ${body}; END`)
    yield* trigger("cases_statistics_facts_insert", "INSERT ON cases", "true", refresh("c.id = NEW.id"))
    yield* trigger(
      "cases_statistics_facts_update",
      "UPDATE OF mechanism_id, municipality, opened_at, year ON cases",
      "true",
      refresh("c.id = NEW.id"),
    )
    yield* trigger(
      "cases_statistics_facts_delete",
      "DELETE ON cases",
      "true",
      "DELETE FROM case_statistics_facts WHERE case_id = OLD.id",
    )
    for (const part of parts) {
      yield* trigger(
        `${part.table}_statistics_facts_insert`,
        `INSERT ON ${part.table}`,
        part.row("NEW"),
        refresh("c.id = NEW.case_id"),
      )
      yield* trigger(
        `${part.table}_statistics_facts_update`,
        `UPDATE ON ${part.table}`,
        `${part.row("NEW")} OR ${part.row("OLD")}`,
        refresh("c.id = NEW.case_id"),
      )
      yield* trigger(
        `${part.table}_statistics_facts_delete`,
        `DELETE ON ${part.table}`,
        part.row("OLD"),
        refresh("c.id = OLD.case_id"),
      )
    }
    // SQLite cannot replace a view in place.
    for (const view of [
      "case_statistics",
      "perpetrator_statistics",
      "incident_statistics",
      "protection_order_statistics",
    ])
      yield* exec(`DROP VIEW ${view}`)
  }
  for (const view of views(pg)) yield* exec(view)
})
