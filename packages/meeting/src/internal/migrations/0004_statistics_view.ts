// The meeting package's published statistics view, read by
// `@bashke/reporting` and nothing else of this package: one row per meeting
// with its mechanism, kind, status and instants. No request reason, place,
// minutes or attendance. `held` is 1 for a meeting that took place (held,
// whatever the state of its minutes), as `Meeting.wasHeld` decides.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE VIEW meeting_statistics AS
    SELECT
      m.mechanism_id,
      m.kind,
      m.status,
      CASE WHEN m.status IN ('held', 'minutes-drafted', 'minutes-approved') THEN 1 ELSE 0 END AS held,
      m.request_urgency,
      m.requested_at,
      m.request_deadline,
      m.scheduled_at,
      m.starts_at,
      m.held_at,
      m.cancelled_at
    FROM meeting_meetings m`
})
