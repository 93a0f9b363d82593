// The README's "Testing your package against real databases", imports pointed at the sources.

import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { persistenceMigrations } from "../src/index"
import { testDatabases } from "../src/testing"

// Your package's migration sets go after persistenceMigrations.
const dbs = await testDatabases({ migrations: [persistenceMigrations] })
for (const db of dbs) {
  describe.skipIf(db.skip)(db.name, () => {
    layer(db.layer)((it) => {
      it.effect("starts migrated", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const rows = yield* sql<{ package: string }>`SELECT DISTINCT package FROM bashke_migrations`
          expect(rows.map((row) => row.package)).toEqual(["@bashke/persistence"])
        }),
      )
    })
  })
}
