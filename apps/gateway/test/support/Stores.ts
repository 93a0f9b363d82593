// Fresh databases for tests that start the real Node gateway (`Server.start`)
// on a URL, as `bashke start` does: a SQLite file in a new directory, or a new
// PostgreSQL schema. `read` queries one from outside the gateway.
import { randomBytes } from "node:crypto"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, ManagedRuntime } from "effect"
import pg from "pg"

export interface Store {
  readonly name: "sqlite" | "postgres"
  readonly skip: boolean
  /** A URL of a database nothing has touched yet (a file not yet created, a schema without tables). */
  readonly fresh: () => Promise<{ readonly url: string; readonly directory?: string }>
  /** The tables of the database at `url` (none for a file that does not exist). */
  readonly tables: (url: string) => Promise<ReadonlyArray<string>>
}

const base = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl
const unavailable = await TestDatabase.postgresUnavailable()

const schemaOf = (url: string) => /search_path=(\w+)/.exec(decodeURIComponent(url))?.[1] ?? ""

export const stores: ReadonlyArray<Store> = [
  {
    name: "sqlite",
    skip: false,
    fresh: async () => {
      const directory = join(mkdtempSync(join(tmpdir(), "bashke-start-")), "data")
      return { url: `sqlite:${join(directory, "bashke.db")}`, directory }
    },
    tables: async (url) => {
      const { existsSync } = await import("node:fs")
      if (!existsSync(url.slice("sqlite:".length))) return []
      const rows = await read(url, "SELECT name FROM sqlite_master WHERE type = 'table'")
      return rows.map((row) => String(row.name))
    },
  },
  {
    name: "postgres",
    skip: unavailable !== undefined,
    fresh: async () => {
      const schema = `bashke_test_${randomBytes(6).toString("hex")}`
      const admin = new pg.Client({ connectionString: base })
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
      await admin.end()
      const url = new URL(base)
      url.searchParams.set("options", `-c search_path=${schema}`)
      return { url: url.toString() }
    },
    tables: async (url) => {
      const admin = new pg.Client({ connectionString: base })
      await admin.connect()
      const result = await admin.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1", [
        schemaOf(url),
      ])
      await admin.end()
      return result.rows.map((row: { table_name: string }) => row.table_name)
    },
  },
]

/** Rows of `query` on the database at `url`, read by a connection of its own. */
export const read = async (url: string, query: string): Promise<ReadonlyArray<Record<string, unknown>>> => {
  const runtime = ManagedRuntime.make(Layer.orDie(Database.layer(url)))
  try {
    return await runtime.runPromise(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql.withoutTransforms().unsafe<Record<string, unknown>>(query)).pipe(
        Effect.orDie,
      ),
    )
  } finally {
    await runtime.dispose()
  }
}
