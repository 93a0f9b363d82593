import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  const doc = sql.onDialectOrElse({ pg: () => sql.literal("jsonb"), orElse: () => sql.literal("TEXT") })
  // The plan is one aggregate, drafted, adopted and reported on whole: its
  // objectives, activities and indicators live in one JSON document beside the
  // columns that are filtered on (mechanism, status, period).
  yield* sql`CREATE TABLE action_plan_plans (
    id TEXT PRIMARY KEY,
    mechanism_id TEXT NOT NULL,
    framework TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'adopted', 'in-implementation', 'evaluated')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    document ${doc} NOT NULL,
    version INTEGER NOT NULL,
    created_at ${ts} NOT NULL,
    updated_at ${ts} NOT NULL,
    CHECK (period_end >= period_start)
  )`
  yield* sql`CREATE INDEX action_plan_plans_mechanism ON action_plan_plans (mechanism_id, period_start)`
})
