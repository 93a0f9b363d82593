// A case's action items are read by their link (the case's timeline pages
// them by id): an index over the link, so the read does not scan every item.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX meeting_action_items_link ON meeting_action_items (link_kind, link_id, id)`
})
