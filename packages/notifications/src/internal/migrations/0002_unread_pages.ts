// The unread notifications of a person, newest first, paged by keyset
// (`Inbox.list` with `unread`): `WHERE recipient = ? AND read_at IS NULL AND
// id < ? ORDER BY id DESC LIMIT n` walks this partial index from the cursor and
// stops after a page; `notifications_unread (recipient, read_at)` found the
// unread ones but left them to be sorted, every one of them for every page.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX notifications_unread_page ON notifications (recipient, id) WHERE read_at IS NULL`
})
