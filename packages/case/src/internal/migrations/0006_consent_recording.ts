// How a consent was taken and recorded, and the second person's confirmation
// of one that widened its recorder's own institution's access (ADR 0004).
// Columns added to `consents`; a consent recorded before this migration has no
// recording (NULL method) and `needs_confirmation` 1: it counts again only once
// the case lead or the coordinator confirms it, since nothing tells a
// self-granted one apart. The CHECKs keep the method a known one and a
// confirmation whole. Instants are `timestamptz` on PostgreSQL and ISO text on
// SQLite, as in migration 1.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const instant = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  for (const column of [
    sql`method TEXT CHECK (method IS NULL OR method IN ('signed-form', 'verbal-witnessed'))`,
    sql`taken_by TEXT`,
    sql`recorded_by TEXT`,
    sql`recorded_for TEXT`,
    sql`witnessed_by TEXT`,
    sql`needs_confirmation INTEGER NOT NULL DEFAULT 1 CHECK (needs_confirmation IN (0, 1))`,
    sql`confirmed_by TEXT`,
    sql`confirmed_for TEXT`,
    sql`confirmed_at ${instant}`,
  ])
    yield* sql`ALTER TABLE consents ADD COLUMN ${column}`
})
