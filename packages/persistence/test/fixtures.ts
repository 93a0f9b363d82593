import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import type { Migrations } from "../src/index"

/** A domain-like migration set, written the way domain packages write theirs. */
export const fixtureMigrations: Migrations.MigrationSet = {
  package: "@bashke/persistence-fixture",
  migrations: [
    {
      id: 1,
      name: "memoranda",
      up: Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE memoranda (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          valid_from TEXT NOT NULL,
          version INTEGER NOT NULL
        )`
      }),
    },
    {
      id: 2,
      name: "signatories",
      up: Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE signatories (
          memorandum_id TEXT NOT NULL REFERENCES memoranda (id),
          institution TEXT NOT NULL,
          PRIMARY KEY (memorandum_id, institution)
        )`
      }),
    },
  ],
}

export const insertMemorandum = (id: string, title = "Memorandum of agreement") =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`INSERT INTO memoranda ${sql.insert({ id, title, validFrom: "2026-01-01", version: 1 })}`
  }).pipe(Effect.orDie)

export const findMemorandum = (id: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ id: string; title: string; validFrom: string; version: number }>`
      SELECT id, title, valid_from, version FROM memoranda WHERE id = ${id}`
    return rows[0]
  }).pipe(Effect.orDie)

/** Real time, whatever clock the test runs under: lets a concurrent transaction reach the database. */
export const realDelay = (millis: number) =>
  Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, millis)))
