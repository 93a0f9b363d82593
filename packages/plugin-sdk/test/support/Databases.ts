// The databases the host's SQL suites run on (a SQLite file, a PostgreSQL
// schema), migrated with the outbox and the host's tables. Providing
// `services(db)` to a test builds a new, empty database for it.
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import type { Layer } from "effect"
import type { PluginHost } from "../../src/index"
import { TestHost } from "../../src/testing"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: TestHost.migrations,
})

export const services = (db: TestDatabase.TestDatabase): Layer.Layer<PluginHost.Requirements> =>
  TestHost.servicesOver(db.layer)

/** A realistic start for the test clock (it starts at 1970 otherwise). */
export const start = Date.parse("2026-03-02T09:00:00.000Z")
