import type { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { Miniflare } from "miniflare"
import { D1Client } from "../src/d1"
import { Migrations } from "../src/index"
import { steadyD1 } from "./support/SteadyD1"

/**
 * D1 in workerd via Miniflare, as a third dialect of the shared suite (a test
 * helper, not part of `@bashke/persistence/testing`: miniflare is a dev tool).
 * Every build is a new, in-memory D1 database.
 */
export const d1Database = (options: { readonly migrations?: ReadonlyArray<Migrations.MigrationSet> } = {}) => {
  const client = Layer.unwrapScoped(
    Effect.gen(function* () {
      const miniflare = yield* Effect.acquireRelease(
        Effect.sync(
          () =>
            new Miniflare({
              modules: true,
              script: "export default { fetch() { return new Response(null, { status: 404 }) } }",
              d1Databases: { DB: crypto.randomUUID() },
            }),
        ),
        (miniflare) => Effect.promise(() => miniflare.dispose()),
      )
      const db = yield* Effect.promise(() => miniflare.getD1Database("DB"))
      return D1Client.layer({ db: steadyD1(db) })
    }),
  )
  const sets = options.migrations ?? []
  const layer: Layer.Layer<SqlClient.SqlClient> = Layer.fresh(
    sets.length === 0 ? client : Layer.provideMerge(Layer.effectDiscard(Effect.orDie(Migrations.run(sets))), client),
  )
  return { name: "d1" as const, layer, skip: undefined }
}
