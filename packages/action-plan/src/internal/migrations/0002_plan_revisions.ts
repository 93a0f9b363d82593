import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ts = sql.onDialectOrElse({ pg: () => sql.literal("timestamptz"), orElse: () => sql.literal("TEXT") })
  const doc = sql.onDialectOrElse({ pg: () => sql.literal("jsonb"), orElse: () => sql.literal("TEXT") })
  // A draft's revision history: one row per revision, the content it replaced
  // as one document (the plan's own shape), appended only.
  yield* sql`CREATE TABLE action_plan_revisions (
    plan_id TEXT NOT NULL REFERENCES action_plan_plans (id),
    version INTEGER NOT NULL,
    revised_by TEXT NOT NULL,
    institution TEXT,
    revised_at ${ts} NOT NULL,
    reason TEXT,
    previous ${doc} NOT NULL,
    PRIMARY KEY (plan_id, version)
  )`
})
