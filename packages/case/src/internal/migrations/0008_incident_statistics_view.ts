// A fourth published statistics view, `incident_statistics`: one row per
// recorded incident, with the place it happened (the Istanbul Convention's
// art. 11 "place"; `not-recorded` when none was given), the municipality it
// happened in, the children's exposure, the victim's sex and the case's
// statistics consent, dated like the other case views by the case's opening.
// Codes and flags only, as the other views. The same SQL on both dialects.
// Id 8: 6 and 7 came first (consent recording, break-glass reviews).
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql.unsafe(`CREATE VIEW incident_statistics AS
    SELECT
      c.id AS case_id,
      c.mechanism_id,
      i.municipality,
      c.opened_at,
      c.year AS opened_year,
      COALESCE(i.place, 'not-recorded') AS place,
      i.children AS children_exposure,
      COALESCE((
        SELECT v.sex FROM persons v WHERE v.case_id = c.id AND v.role = 'victim' LIMIT 1
      ), 'not-recorded') AS victim_sex,
      CASE WHEN EXISTS (
        SELECT 1 FROM consents k
        WHERE k.case_id = c.id AND k.withdrawn_at IS NULL AND k.purposes LIKE '%"statistics"%'
      ) THEN 1 ELSE 0 END AS statistics_consent
    FROM incidents i
    JOIN cases c ON c.id = i.case_id`)
})
