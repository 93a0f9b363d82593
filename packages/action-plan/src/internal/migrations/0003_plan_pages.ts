// Indexes for paging a mechanism's plans by keyset (`ActionPlanRepository.page`,
// ADR 0034): the list is ordered by id (the order the plans were drafted), and
// each walk starts at the cursor's id and stops after a page, so a page costs
// the same however many plans the mechanism keeps — of every status, and of
// one. Migration 1's `(mechanism_id, period_start)` stays for the reports,
// which read a mechanism's plans by period.
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

export default Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  yield* sql`CREATE INDEX action_plan_plans_page ON action_plan_plans (mechanism_id, id)`
  yield* sql`CREATE INDEX action_plan_plans_status_page ON action_plan_plans (mechanism_id, status, id)`
})
