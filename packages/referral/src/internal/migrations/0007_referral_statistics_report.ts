// A yearly report's referral tables read one range of one index (issue 19,
// acceptance: the yearly tables over a million cases under 1 s on
// PostgreSQL). With only `referrals_sent` (migration 2) a year's 50,000 of
// 500,000 referrals were a tenth of the table, and PostgreSQL read the whole
// table instead (EXPLAIN ANALYZE over the reporting bench's million cases:
// 173 ms; 71 ms reading the index alone). The index now holds every column
// the view `referral_statistics` reads of a referral (PostgreSQL: INCLUDE;
// SQLite: trailing key columns do the same), and replaces `referrals_sent`,
// whose look-ups by `sent_at` it serves as well.
//
// On PostgreSQL the view's two durations become double precision: the
// numeric arithmetic of `EXTRACT(EPOCH …) / 3600.0` cost the response-time
// table about as much as reading its rows. SQLite's were always floating
// point (`julianday`), so both dialects now answer the same kind of number.
// Columns, order and meaning are unchanged (the contract `@bashke/reporting`
// reads).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

const covered = [
  "mechanism_id",
  "case_id",
  "service_id",
  "urgency",
  "status",
  "first_answered_at",
  "first_decided_at",
] as const

const pgView = `CREATE VIEW referral_statistics AS
    SELECT r.case_id, r.mechanism_id, s.type AS service_type, s.municipality AS service_municipality,
      r.urgency, r.status, r.sent_at, r.first_answered_at AS acknowledged_at, r.first_decided_at AS decided_at,
      date_part('epoch', r.first_answered_at - r.sent_at) / 3600.0 AS acknowledge_hours,
      date_part('epoch', r.first_decided_at - r.sent_at) / 3600.0 AS decide_hours
    FROM referrals r
    JOIN referral_services s ON s.id = r.service_id`

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const pg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
  const exec = (text: string) => sql.unsafe(text).pipe(Effect.asVoid)
  yield* exec(
    pg
      ? `CREATE INDEX referrals_statistics ON referrals (sent_at) INCLUDE (${covered.join(", ")})`
      : `CREATE INDEX referrals_statistics ON referrals (sent_at, ${covered.join(", ")})`,
  )
  yield* exec("DROP INDEX referrals_sent")
  if (pg) {
    // A view's column cannot change its type in place.
    yield* exec("DROP VIEW referral_statistics")
    yield* exec(pgView)
  }
})
