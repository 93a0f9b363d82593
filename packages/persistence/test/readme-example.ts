// The README's quick start, imports pointed at the sources; `Readme.test.ts` runs it.
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { Migrations, Outbox, persistenceMigrations } from "../src/index"
import { Database } from "../src/node"

// A domain package's migrations: plain modules, no files to read at run time.
const notesMigrations: Migrations.MigrationSet = {
  package: "@example/notes",
  migrations: [
    {
      id: 1,
      name: "notes",
      up: Effect.flatMap(
        SqlClient.SqlClient,
        (sql) => sql`CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL, version INTEGER NOT NULL)`,
      ),
    },
  ],
}

const program = Effect.gen(function* () {
  yield* Migrations.run([persistenceMigrations, notesMigrations])
  yield* Migrations.run([persistenceMigrations, notesMigrations]) // a re-run applies nothing

  const sql = yield* SqlClient.SqlClient
  // The row and its event commit together, or neither does.
  yield* sql.withTransaction(
    Effect.gen(function* () {
      yield* sql`INSERT INTO notes ${sql.insert({ id: "n-1", body: "Hello", version: 1 })}`
      yield* Outbox.append({ topic: "note.written", aggregateType: "Note", aggregateId: "n-1", payload: { id: "n-1" } })
    }),
  )

  const events = yield* Outbox.pending(10)
  yield* Outbox.markDelivered(events.map((event) => event.id))
  return events.map((event) => event.topic)
})

export const main = async (): Promise<ReadonlyArray<string>> => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-example-"))
  try {
    const database = Database.layer(`sqlite:${join(directory, "bashke.db")}`)
    return await Effect.runPromise(program.pipe(Effect.provide(Layer.merge(database, Id.layer))))
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main().then(console.log) // [ "note.written" ]
