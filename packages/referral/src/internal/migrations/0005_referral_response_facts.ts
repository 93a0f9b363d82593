// The first answer and the first decision of each referral kept on the
// referral at write time (issue 19, point 5; ADR 0029). The published view
// `referral_statistics` looked both up in the steps for every referral a
// report counted (a LATERAL look-up on PostgreSQL, two correlated subqueries
// on SQLite): on PostgreSQL the response-time table of a yearly report spent
// 2.6 s of its 3 s under load in those 50,000 look-ups. Now triggers on
// `referral_steps` keep `first_answered_at` and `first_decided_at` in the
// writing statement's transaction, with the view's definitions (answered: the
// first acknowledge, accept or decline; decided: the first accept or
// decline), and the view reads them. The view keeps its columns, order and
// meaning (the contract `@bashke/reporting` reads).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

const answered = "'acknowledged', 'accepted', 'declined'"
const decided = "'accepted', 'declined'"

/** Recomputes the two instants of the referrals `referrals` lists (a query of referral ids). */
const refresh = (referrals: string): string => `UPDATE referrals SET
    first_answered_at = (SELECT MIN(st.at) FROM referral_steps st
      WHERE st.referral_id = referrals.id AND st.status IN (${answered})),
    first_decided_at = (SELECT MIN(st.at) FROM referral_steps st
      WHERE st.referral_id = referrals.id AND st.status IN (${decided}))
  WHERE referrals.id IN (${referrals})`

const columns = `r.case_id, r.mechanism_id, s.type AS service_type, s.municipality AS service_municipality,
      r.urgency, r.status, r.sent_at, r.first_answered_at AS acknowledged_at, r.first_decided_at AS decided_at`

const pgView = `CREATE OR REPLACE VIEW referral_statistics AS
    SELECT ${columns},
      EXTRACT(EPOCH FROM (r.first_answered_at - r.sent_at)) / 3600.0 AS acknowledge_hours,
      EXTRACT(EPOCH FROM (r.first_decided_at - r.sent_at)) / 3600.0 AS decide_hours
    FROM referrals r
    JOIN referral_services s ON s.id = r.service_id`

const sqliteView = `CREATE VIEW referral_statistics AS
    SELECT ${columns},
      (julianday(r.first_answered_at) - julianday(r.sent_at)) * 24.0 AS acknowledge_hours,
      (julianday(r.first_decided_at) - julianday(r.sent_at)) * 24.0 AS decide_hours
    FROM referrals r
    JOIN referral_services s ON s.id = r.service_id`

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
  const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
  const instant = pg ? "timestamptz" : "TEXT"
  yield* exec(`ALTER TABLE referrals ADD COLUMN first_answered_at ${instant}`)
  yield* exec(`ALTER TABLE referrals ADD COLUMN first_decided_at ${instant}`)
  yield* exec(refresh("SELECT referral_id FROM referral_steps"))
  if (pg) {
    yield* exec(`CREATE FUNCTION referral_response_facts() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN ${refresh("SELECT changed.referral_id FROM changed")}; RETURN NULL; END $fn$`)
    for (const event of ["INSERT", "UPDATE", "DELETE"] as const)
      yield* exec(`CREATE TRIGGER referral_steps_response_facts_${event.toLowerCase()} AFTER ${event} ON referral_steps
        REFERENCING ${event === "DELETE" ? "OLD" : "NEW"} TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION referral_response_facts()`)
    yield* exec(pgView)
  } else {
    yield* exec(`CREATE TRIGGER referral_steps_response_facts_insert AFTER INSERT ON referral_steps FOR EACH ROW
      BEGIN ${refresh("SELECT NEW.referral_id")}; END`)
    yield* exec(`CREATE TRIGGER referral_steps_response_facts_update AFTER UPDATE ON referral_steps FOR EACH ROW
      BEGIN ${refresh("SELECT NEW.referral_id UNION SELECT OLD.referral_id")}; END`)
    yield* exec(`CREATE TRIGGER referral_steps_response_facts_delete AFTER DELETE ON referral_steps FOR EACH ROW
      BEGIN ${refresh("SELECT OLD.referral_id")}; END`)
    // SQLite cannot replace a view in place.
    yield* exec("DROP VIEW referral_statistics")
    yield* exec(sqliteView)
  }
})
