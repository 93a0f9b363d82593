// Indexes for paging the meeting lists by keyset: each walk starts at the
// cursor and stops after a page, so a page costs the same at ten meetings or
// items as at ten thousand. A mechanism's meetings by (start, id), the requests
// (no start) by id within the same index (`(mechanism_id, starts_at)` is its
// prefix, so it goes); a mechanism's open action items by (due date, id),
// all of them or one owner's; a meeting's items by (due date, id); a
// meeting's decisions by (recorded at, id). Numbered 9:
// 8 belongs to another change that may reach main after this one.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX meeting_meetings_page ON meeting_meetings (mechanism_id, starts_at, id)`
  yield* sql`DROP INDEX meeting_meetings_mechanism`
  yield* sql`CREATE INDEX meeting_action_items_open_page ON meeting_action_items (mechanism_id, due_date, id)
    WHERE status = 'open'`
  yield* sql`CREATE INDEX meeting_action_items_owner_page ON meeting_action_items (mechanism_id, owner, due_date, id)
    WHERE status = 'open'`
  yield* sql`CREATE INDEX meeting_action_items_meeting_page ON meeting_action_items (meeting_id, due_date, id)`
  yield* sql`CREATE INDEX meeting_decisions_page ON meeting_decisions (meeting_id, recorded_at, id)`
})
