// Per-perpetrator and per-incident statistics facts kept at write time (issue
// 19, point 5; ADR 0029). Migration 17 keeps one row of facts per case; the
// perpetrator and incident views still joined every perpetrator and incident
// of a report's period to it, one index look-up per case: on PostgreSQL a
// yearly report spent most of its time in those look-ups (1.5 s and 1.2 s of
// its 3 s under load, EXPLAIN ANALYZE over the reporting bench's million
// cases). Here each perpetrator and each incident gets its own row of facts
// with the case's facts copied in (the instant the case was opened, its
// mechanism, the victim's sex, the consent), so that a report reads one range
// of one index per view and joins nothing.
//
// Kept by triggers, like the case facts, in the writing statement's
// transaction: a refresh of a case's facts (whatever wrote the case, its
// victim, incidents or consents) rebuilds its part facts, and so does a write
// of an alleged perpetrator. The views `perpetrator_statistics` and
// `incident_statistics` keep their columns, order and meaning and read the
// new tables. The case facts get an index holding every column a report
// reads, for index-only scans.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { ageBand } from "./0017_case_statistics_facts"

const perpetrator = "'alleged-perpetrator'"

const perpetratorColumns = [
  "mechanism_id",
  "municipality",
  "opened_year",
  "perpetrator_sex",
  "perpetrator_age_band",
  "relationship",
  "relationship_time",
  "victim_sex",
  "statistics_consent",
] as const

const incidentColumns = [
  "mechanism_id",
  "municipality",
  "opened_year",
  "place",
  "children_exposure",
  "victim_sex",
  "statistics_consent",
] as const

const caseColumns = [
  "mechanism_id",
  "statistics_consent",
  "municipality",
  "opened_year",
  "victim_sex",
  "victim_age_band",
  "forms",
  "children_exposure",
] as const

/** Rebuilds the part facts of the cases `cases` lists (a query of case ids). */
export const refresh = (cases: string): ReadonlyArray<string> => [
  `DELETE FROM perpetrator_statistics_facts WHERE case_id IN (${cases})`,
  `INSERT INTO perpetrator_statistics_facts (person_id, case_id, opened_at, ${perpetratorColumns.join(", ")})
    SELECT p.id, f.case_id, f.opened_at, f.mechanism_id, f.municipality, f.opened_year,
      p.sex, ${ageBand("p", "f.opened_year")},
      COALESCE(p.relationship_kind, 'not-recorded'), COALESCE(p.relationship_time, 'not-recorded'),
      f.victim_sex, f.statistics_consent
    FROM persons p JOIN case_statistics_facts f ON f.case_id = p.case_id
    WHERE p.role = ${perpetrator} AND f.case_id IN (${cases})`,
  `DELETE FROM incident_statistics_facts WHERE case_id IN (${cases})`,
  `INSERT INTO incident_statistics_facts (incident_id, case_id, opened_at, ${incidentColumns.join(", ")})
    SELECT i.id, f.case_id, f.opened_at, f.mechanism_id, i.municipality, f.opened_year,
      COALESCE(i.place, 'not-recorded'), i.children, f.victim_sex, f.statistics_consent
    FROM incidents i JOIN case_statistics_facts f ON f.case_id = i.case_id
    WHERE f.case_id IN (${cases})`,
]

const forget = (cases: string): ReadonlyArray<string> => [
  `DELETE FROM perpetrator_statistics_facts WHERE case_id IN (${cases})`,
  `DELETE FROM incident_statistics_facts WHERE case_id IN (${cases})`,
]

const views = (pg: boolean): ReadonlyArray<string> => [
  `CREATE ${pg ? "OR REPLACE " : ""}VIEW perpetrator_statistics AS
    SELECT case_id, mechanism_id, municipality, opened_at, opened_year, perpetrator_sex, perpetrator_age_band,
      relationship, relationship_time, victim_sex, statistics_consent
    FROM perpetrator_statistics_facts`,
  `CREATE ${pg ? "OR REPLACE " : ""}VIEW incident_statistics AS
    SELECT case_id, mechanism_id, municipality, opened_at, opened_year, place, children_exposure, victim_sex,
      statistics_consent
    FROM incident_statistics_facts`,
]

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
  const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
  const instant = pg ? "timestamptz" : "TEXT"
  yield* exec(`CREATE TABLE perpetrator_statistics_facts (
    person_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    opened_at ${instant} NOT NULL,
    mechanism_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    opened_year INTEGER NOT NULL,
    perpetrator_sex TEXT,
    perpetrator_age_band TEXT NOT NULL,
    relationship TEXT NOT NULL,
    relationship_time TEXT NOT NULL,
    victim_sex TEXT NOT NULL,
    statistics_consent INTEGER NOT NULL
  )`)
  yield* exec(`CREATE TABLE incident_statistics_facts (
    incident_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    opened_at ${instant} NOT NULL,
    mechanism_id TEXT NOT NULL,
    municipality TEXT,
    opened_year INTEGER NOT NULL,
    place TEXT NOT NULL,
    children_exposure TEXT,
    victim_sex TEXT NOT NULL,
    statistics_consent INTEGER NOT NULL
  )`)
  // A report reads one range of instants, every column from the index
  // (PostgreSQL: INCLUDE; SQLite: trailing key columns do the same).
  const covering = (name: string, table: string, columns: ReadonlyArray<string>) =>
    exec(
      pg
        ? `CREATE INDEX ${name} ON ${table} (opened_at) INCLUDE (${columns.join(", ")})`
        : `CREATE INDEX ${name} ON ${table} (opened_at, ${columns.join(", ")})`,
    )
  yield* covering("case_statistics_facts_report", "case_statistics_facts", caseColumns)
  yield* exec("DROP INDEX case_statistics_facts_opened")
  yield* covering("perpetrator_statistics_facts_report", "perpetrator_statistics_facts", perpetratorColumns)
  yield* covering("incident_statistics_facts_report", "incident_statistics_facts", incidentColumns)
  yield* exec("CREATE INDEX perpetrator_statistics_facts_case ON perpetrator_statistics_facts (case_id)")
  yield* exec("CREATE INDEX incident_statistics_facts_case ON incident_statistics_facts (case_id)")
  for (const statement of refresh("SELECT case_id FROM case_statistics_facts")) yield* exec(statement)

  if (pg) {
    const fn = (name: string, body: ReadonlyArray<string>) =>
      exec(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN ${body.join("; ")}; RETURN NULL; END $fn$`)
    yield* fn("part_statistics_facts_of_cases", refresh("SELECT changed.case_id FROM changed"))
    yield* fn("part_statistics_facts_of_deleted_cases", forget("SELECT changed.case_id FROM changed"))
    yield* fn(
      "part_statistics_facts_of_perpetrators",
      refresh(`SELECT changed.case_id FROM changed WHERE changed.role = ${perpetrator}`),
    )
    // An update may move a person out of the perpetrators: every updated person's case is rebuilt.
    yield* fn("part_statistics_facts_of_persons", refresh("SELECT changed.case_id FROM changed"))
    const trigger = (table: string, event: "INSERT" | "UPDATE" | "DELETE", fnName: string) =>
      exec(`CREATE TRIGGER ${table}_part_statistics_facts_${event.toLowerCase()} AFTER ${event} ON ${table}
        REFERENCING ${event === "DELETE" ? "OLD" : "NEW"} TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION ${fnName}()`)
    yield* trigger("case_statistics_facts", "INSERT", "part_statistics_facts_of_cases")
    yield* trigger("case_statistics_facts", "UPDATE", "part_statistics_facts_of_cases")
    yield* trigger("case_statistics_facts", "DELETE", "part_statistics_facts_of_deleted_cases")
    yield* trigger("persons", "INSERT", "part_statistics_facts_of_perpetrators")
    yield* trigger("persons", "UPDATE", "part_statistics_facts_of_persons")
    yield* trigger("persons", "DELETE", "part_statistics_facts_of_perpetrators")
  } else {
    const trigger = (name: string, event: string, when: string, body: ReadonlyArray<string>) =>
      exec(`CREATE TRIGGER ${name} AFTER ${event} FOR EACH ROW WHEN ${when} BEGIN ${body.join("; ")}; END`)
    yield* trigger(
      "case_statistics_facts_parts_insert",
      "INSERT ON case_statistics_facts",
      "true",
      refresh("SELECT NEW.case_id"),
    )
    yield* trigger(
      "case_statistics_facts_parts_update",
      "UPDATE ON case_statistics_facts",
      "true",
      refresh("SELECT NEW.case_id"),
    )
    yield* trigger(
      "case_statistics_facts_parts_delete",
      "DELETE ON case_statistics_facts",
      "true",
      forget("SELECT OLD.case_id"),
    )
    yield* trigger(
      "persons_part_statistics_facts_insert",
      "INSERT ON persons",
      `NEW.role = ${perpetrator}`,
      refresh("SELECT NEW.case_id"),
    )
    yield* trigger(
      "persons_part_statistics_facts_update",
      "UPDATE ON persons",
      `NEW.role = ${perpetrator} OR OLD.role = ${perpetrator}`,
      refresh("SELECT NEW.case_id UNION SELECT OLD.case_id"),
    )
    yield* trigger(
      "persons_part_statistics_facts_delete",
      "DELETE ON persons",
      `OLD.role = ${perpetrator}`,
      refresh("SELECT OLD.case_id"),
    )
    // SQLite cannot replace a view in place.
    yield* exec("DROP VIEW perpetrator_statistics")
    yield* exec("DROP VIEW incident_statistics")
  }
  for (const view of views(pg)) yield* exec(view)
})
