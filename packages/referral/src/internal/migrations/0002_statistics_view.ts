// The referral package's published statistics view, read by
// `@bashke/reporting` and nothing else of this package: one row per referral
// with codes, instants and hours only, and `case_id` (a random ULID) so that a
// report can keep to the cases whose consent covers statistics. No reason
// code, institution or principal: the service's type and municipality say
// enough. Acknowledged is the first step that answered the referral
// (acknowledged, accepted or declined: a decision without an explicit
// acknowledgement counts as one, as in `ResponseTimes`); decided the first
// accept or decline. PostgreSQL reads both from one LATERAL look-up of the
// steps; SQLite, which has no LATERAL, from two correlated subqueries.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

const answered = "'acknowledged', 'accepted', 'declined'"
const decided = "'accepted', 'declined'"
const firstStep = (statuses: string): string =>
  `(SELECT MIN(st.at) FROM referral_steps st WHERE st.referral_id = r.id AND st.status IN (${statuses}))`

const columns = `r.case_id, r.mechanism_id, s.type AS service_type, s.municipality AS service_municipality,
      r.urgency, r.status, r.sent_at`

const pg = `CREATE VIEW referral_statistics AS
    SELECT ${columns},
      t.acknowledged_at,
      t.decided_at,
      EXTRACT(EPOCH FROM (t.acknowledged_at - r.sent_at)) / 3600.0 AS acknowledge_hours,
      EXTRACT(EPOCH FROM (t.decided_at - r.sent_at)) / 3600.0 AS decide_hours
    FROM referrals r
    JOIN referral_services s ON s.id = r.service_id
    LEFT JOIN LATERAL (
      SELECT
        MIN(st.at) FILTER (WHERE st.status IN (${answered})) AS acknowledged_at,
        MIN(st.at) FILTER (WHERE st.status IN (${decided})) AS decided_at
      FROM referral_steps st WHERE st.referral_id = r.id
    ) t ON true`

const sqlite = `CREATE VIEW referral_statistics AS
    SELECT ${columns},
      ${firstStep(answered)} AS acknowledged_at,
      ${firstStep(decided)} AS decided_at,
      (julianday(${firstStep(answered)}) - julianday(r.sent_at)) * 24.0 AS acknowledge_hours,
      (julianday(${firstStep(decided)}) - julianday(r.sent_at)) * 24.0 AS decide_hours
    FROM referrals r
    JOIN referral_services s ON s.id = r.service_id`

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  // Reports select referrals by the instant they were sent; the steps' index
  // covers the look-up of the first answer and the first decision.
  yield* sql`CREATE INDEX referrals_sent ON referrals (sent_at)`
  yield* sql`CREATE INDEX referral_steps_statistics ON referral_steps (referral_id, status, at)`
  yield* sql.unsafe(sql.onDialectOrElse({ pg: () => pg, orElse: () => sqlite }))
})
