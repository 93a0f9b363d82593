// Each incident's statistics facts kept by its own row's triggers (ADR 0038),
// no longer rebuilt with every incident of its case whenever the case's facts
// are written.
//
// Until now (migration 25) a write of a case's facts rebuilt all its part
// facts: every incident's and every perpetrator's row, deleted and inserted
// again. An incident's insert writes its case's facts (the forms and the
// children's exposure over the case's incidents, migration 17), so recording
// the k-th incident of a case rewrote k incident rows: a police import of a
// page spent most of its SQL time there, more the more a case already had.
//
// Now an incident's insert, update and delete write that incident's row only,
// from the incident and its case's facts. The part facts copy six columns of
// the case's facts (the instant the case was opened, its mechanism, its
// municipality, the year, the victim's sex, the consent); a write of the
// case's facts rebuilds the part facts only when one of those six changed —
// exactly when a row copied from them would differ. The forms, the children's
// exposure and the victim's age band are not copied, so an incident changes
// no part fact of another incident. The facts stay what migration 25 defines,
// row for row (the reporting package's property test checks them against the
// base tables after every kind of change).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { refresh as refreshParts } from "./0025_statistics_part_facts"

/** The columns of the case's facts that the part facts copy. */
const copied = ["opened_at", "mechanism_id", "municipality", "opened_year", "victim_sex", "statistics_consent"] as const

const incidentColumns =
  "incident_id, case_id, opened_at, mechanism_id, municipality, opened_year, place, children_exposure, victim_sex, statistics_consent"

/** The incident facts of the incidents `incidents` lists (a query of incident ids), as migration 25 computes them. */
const insertIncidentFacts = (incidents: string): string => `INSERT INTO incident_statistics_facts (${incidentColumns})
  SELECT i.id, f.case_id, f.opened_at, f.mechanism_id, i.municipality, f.opened_year,
    COALESCE(i.place, 'not-recorded'), i.children, f.victim_sex, f.statistics_consent
  FROM incidents i JOIN case_statistics_facts f ON f.case_id = i.case_id
  WHERE i.id IN (${incidents})`

const forgetIncidentFacts = (incidents: string): string =>
  `DELETE FROM incident_statistics_facts WHERE incident_id IN (${incidents})`

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
  const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
  if (pg) {
    // Statement triggers: the old and new rows of the statement, compared per case.
    const changedCases = `SELECT n.case_id FROM changed n JOIN before o ON o.case_id = n.case_id
      WHERE (${copied.map((column) => `n.${column}`).join(", ")}) IS DISTINCT FROM (${copied.map((column) => `o.${column}`).join(", ")})`
    yield* exec("DROP TRIGGER case_statistics_facts_part_statistics_facts_update ON case_statistics_facts")
    yield* exec(`CREATE FUNCTION part_statistics_facts_of_changed_cases() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN ${refreshParts(changedCases).join("; ")}; RETURN NULL; END $fn$`)
    yield* exec(`CREATE TRIGGER case_statistics_facts_part_statistics_facts_update AFTER UPDATE ON case_statistics_facts
      REFERENCING OLD TABLE AS before NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION part_statistics_facts_of_changed_cases()`)
    const fn = (name: string, body: ReadonlyArray<string>) =>
      exec(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN ${body.join("; ")}; RETURN NULL; END $fn$`)
    yield* fn("incident_statistics_facts_of_new", [
      forgetIncidentFacts("SELECT changed.id FROM changed"),
      insertIncidentFacts("SELECT changed.id FROM changed"),
    ])
    yield* fn("incident_statistics_facts_of_changed", [
      forgetIncidentFacts("SELECT before.id FROM before"),
      insertIncidentFacts("SELECT changed.id FROM changed"),
    ])
    yield* fn("incident_statistics_facts_of_deleted", [forgetIncidentFacts("SELECT changed.id FROM changed")])
    yield* exec(`CREATE TRIGGER incidents_part_statistics_facts_insert AFTER INSERT ON incidents
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_statistics_facts_of_new()`)
    yield* exec(`CREATE TRIGGER incidents_part_statistics_facts_update AFTER UPDATE ON incidents
      REFERENCING OLD TABLE AS before NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION incident_statistics_facts_of_changed()`)
    yield* exec(`CREATE TRIGGER incidents_part_statistics_facts_delete AFTER DELETE ON incidents
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_statistics_facts_of_deleted()`)
  } else {
    yield* exec("DROP TRIGGER case_statistics_facts_parts_update")
    yield* exec(`CREATE TRIGGER case_statistics_facts_parts_update AFTER UPDATE ON case_statistics_facts
      FOR EACH ROW WHEN ${copied.map((column) => `NEW.${column} IS NOT OLD.${column}`).join(" OR ")}
      BEGIN ${refreshParts("SELECT NEW.case_id").join("; ")}; END`)
    // Delete first: whichever of an insert's triggers runs first, the incident has one row.
    yield* exec(`CREATE TRIGGER incidents_part_statistics_facts_insert AFTER INSERT ON incidents FOR EACH ROW
      BEGIN ${forgetIncidentFacts("SELECT NEW.id")}; ${insertIncidentFacts("SELECT NEW.id")}; END`)
    yield* exec(`CREATE TRIGGER incidents_part_statistics_facts_update AFTER UPDATE ON incidents FOR EACH ROW
      BEGIN ${forgetIncidentFacts("SELECT OLD.id")}; ${insertIncidentFacts("SELECT NEW.id")}; END`)
    yield* exec(`CREATE TRIGGER incidents_part_statistics_facts_delete AFTER DELETE ON incidents FOR EACH ROW
      BEGIN ${forgetIncidentFacts("SELECT OLD.id")}; END`)
  }
})
