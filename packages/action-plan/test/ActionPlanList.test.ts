// A mechanism's plans paged in SQL by keyset (`ActionPlanList.forMechanism`
// over `ActionPlanRepository.page`), on SQLite and PostgreSQL: by id whatever
// order they were stored in, the cursor's boundary, one status, another
// mechanism's plans never shown, an empty page, a foreign cursor refused, the
// reader checked first; property: the pages walked are the list, filtered and
// sorted. On SQLite, the walk reads migration 3's indexes with no sort.
import { Cursor, Errors, Id, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import { type ActionPlan, ActionPlanList, ActionPlanRepository } from "../src/index"
import { databases, services } from "./support/Databases"
import { coordinator, ids, memberOfAnother, plan } from "./support/Fixtures"

const statuses: ReadonlyArray<ActionPlan.Status> = ["draft", "adopted", "in-implementation", "evaluated"]
const planIdOf = (n: number) => Id.ulidAt(1_750_000_000_000 + n, new Uint8Array(10).fill(n)) as Id.ActionPlanId

const asCoordinator = Effect.provideService(Principal.CurrentPrincipal, coordinator)

/** Every page by the `next` cursor, `limit` at a time; every page but the last is full. */
const walk = (status: ActionPlan.Status | undefined, limit: number) =>
  Effect.gen(function* () {
    const seen: Array<ActionPlan.ActionPlan> = []
    let after: string | undefined
    for (let pages = 0; pages < 100; pages++) {
      const page = yield* ActionPlanList.forMechanism(ids.mechanism, status, { limit, after })
      seen.push(...page.items)
      if (page.next === null) return seen
      expect(page.items).toHaveLength(limit)
      after = page.next
    }
    throw new Error("the cursor never ended")
  })

const byId = (a: ActionPlan.ActionPlan, b: ActionPlan.ActionPlan) => Cursor.compare([a.id], [b.id])

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: ActionPlanList`, () => {
    layer(services(db))((it) => {
      it.effect("property: the pages walked are the mechanism's plans of the status asked, by id", () =>
        Effect.gen(function* () {
          const repository = yield* ActionPlanRepository.ActionPlanRepository
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const context = yield* Effect.context<ActionPlanRepository.ActionPlanRepository>()
          const property = fc.asyncProperty(
            fc.array(fc.record({ status: fc.constantFrom(...statuses), elsewhere: fc.boolean() }), {
              minLength: 3,
              maxLength: 12,
              size: "max",
            }),
            fc.integer({ min: 1, max: 4 }),
            fc.option(fc.constantFrom(...statuses), { nil: undefined, freq: 2 }),
            (rows, limit, status) =>
              Effect.runPromise(
                Effect.gen(function* () {
                  yield* sql`DELETE FROM action_plan_plans`.pipe(Effect.orDie)
                  // Ids a permutation of the insertion order, so an order by insertion would show.
                  const stored = rows.map(
                    (row, i): ActionPlan.ActionPlan => ({
                      ...plan,
                      id: planIdOf((i * 5) % 13),
                      mechanismId: row.elsewhere ? ids.otherMechanism : ids.mechanism,
                      status: row.status,
                    }),
                  )
                  for (const each of stored) yield* repository.insert(each)
                  const expected = stored
                    .filter((each) => each.mechanismId === ids.mechanism)
                    .filter((each) => status === undefined || each.status === status)
                    .sort(byId)
                  expect(yield* walk(status, limit)).toEqual(expected)
                }).pipe(asCoordinator, Effect.provide(context)),
              ),
          )
          yield* Effect.promise(() => fc.assert(property, { numRuns: 25 }))
        }),
      )

      it.effect("the cursor's boundary, an empty page, a foreign cursor, a reader of another mechanism", () =>
        Effect.gen(function* () {
          const repository = yield* ActionPlanRepository.ActionPlanRepository
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          yield* sql`DELETE FROM action_plan_plans`.pipe(Effect.orDie)
          const stored = [3, 0, 4, 1, 2].map(
            (n): ActionPlan.ActionPlan => ({ ...plan, id: planIdOf(n), status: statuses[n % 2] ?? "draft" }),
          )
          for (const each of stored) yield* repository.insert(each)
          const all = [...stored].sort(byId)
          const first = yield* ActionPlanList.forMechanism(ids.mechanism, undefined, { limit: 2 })
          expect(first.items).toEqual(all.slice(0, 2))
          expect(first.next).toBe(Cursor.encode([all[1]?.id ?? ""]))
          const second = yield* ActionPlanList.forMechanism(ids.mechanism, undefined, {
            limit: 2,
            after: first.next ?? undefined,
          })
          expect(second.items).toEqual(all.slice(2, 4))
          const last = Cursor.encode([all[4]?.id ?? ""])
          expect(yield* ActionPlanList.forMechanism(ids.mechanism, undefined, { limit: 2, after: last })).toEqual({
            items: [],
            next: null,
          })
          expect(yield* ActionPlanList.forMechanism(ids.mechanism, "evaluated", { limit: 2 })).toEqual({
            items: [],
            next: null,
          })
          const foreign = Cursor.encode(["2026-01-01", all[0]?.id ?? ""])
          expect(
            yield* Effect.flip(ActionPlanList.forMechanism(ids.mechanism, undefined, { limit: 2, after: foreign })),
          ).toEqual(new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" }))
          // Another mechanism's member is refused before the cursor is read.
          expect(
            yield* Effect.flip(
              ActionPlanList.forMechanism(ids.mechanism, undefined, { limit: 2, after: foreign }).pipe(
                Effect.provideService(Principal.CurrentPrincipal, memberOfAnother),
              ),
            ),
          ).toBeInstanceOf(Errors.Forbidden)
          yield* sql.onDialectOrElse({
            pg: () => Effect.void,
            orElse: () =>
              Effect.gen(function* () {
                const plan = (rows: ReadonlyArray<{ detail: string }>) => rows.map((row) => row.detail).join(" | ")
                const every = yield* sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM action_plan_plans
                  WHERE mechanism_id = ${ids.mechanism} AND id > ${all[0]?.id} ORDER BY id LIMIT 3`
                expect(plan(every)).toMatch(/USING (COVERING )?INDEX action_plan_plans_page\b/)
                expect(plan(every)).not.toMatch(/TEMP B-TREE/)
                const ofStatus = yield* sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM action_plan_plans
                  WHERE mechanism_id = ${ids.mechanism} AND status = 'draft' AND id > ${all[0]?.id}
                  ORDER BY id LIMIT 3`
                expect(plan(ofStatus)).toMatch(/USING (COVERING )?INDEX action_plan_plans_status_page\b/)
                expect(plan(ofStatus)).not.toMatch(/TEMP B-TREE/)
              }).pipe(Effect.orDie),
          })
        }).pipe(asCoordinator),
      )
    })
  })
}
