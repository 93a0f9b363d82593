// Indexes for paging the package's lists by keyset (ADR 0034), each walk
// starting at the cursor and stopping after a page, so a page costs the same
// however long the list: a mechanism's memberships by (joining day, id) — the
// order the list answers, which `(mechanism_id, joined_on)` left to a sort of
// each day's rows; it replaces that index — and of one sector; the mechanisms
// of one status by id (the id is the primary key; a municipality has one
// mechanism, under migration 1's unique constraint); the institution registry
// of one sector or one municipality by id. Memorandum versions walk the unique
// `(mechanism_id, version)` of migration 1.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX mechanism_memberships_page ON mechanism_memberships (mechanism_id, joined_on, id)`
  yield* sql`DROP INDEX mechanism_memberships_mechanism`
  yield* sql`CREATE INDEX mechanism_memberships_sector_page
    ON mechanism_memberships (mechanism_id, sector, joined_on, id)`
  yield* sql`CREATE INDEX mechanisms_status_page ON mechanisms (status, id)`
  yield* sql`CREATE INDEX mechanism_institutions_sector_page ON mechanism_institutions (sector, id)`
  yield* sql`CREATE INDEX mechanism_institutions_municipality_page ON mechanism_institutions (municipality, id)`
})
