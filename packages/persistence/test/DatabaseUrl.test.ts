import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Either, Exit, Layer, Redacted } from "effect"
import fc from "fast-check"
import { DatabaseUrl } from "../src/index"
import { Database } from "../src/node"

const good: ReadonlyArray<readonly [string, DatabaseUrl.DatabaseUrl]> = [
  ["sqlite:./data/bashke.db", DatabaseUrl.Sqlite({ filename: "./data/bashke.db" })],
  ["sqlite:/var/lib/bashke/bashke.db", DatabaseUrl.Sqlite({ filename: "/var/lib/bashke/bashke.db" })],
  ["sqlite:bashke.db", DatabaseUrl.Sqlite({ filename: "bashke.db" })],
  ["  sqlite::memory:  ", DatabaseUrl.Sqlite({ filename: ":memory:" })],
  ["d1:DB", DatabaseUrl.D1({ binding: "DB" })],
  ["d1:bashke_prod", DatabaseUrl.D1({ binding: "bashke_prod" })],
]

const goodPostgres = [
  "postgres://postgres@127.0.0.1:5432/test",
  "postgresql://bashke:s3cr%40t@db.example.org/bashke?sslmode=require",
  "postgres:///bashke?host=/var/run/postgresql",
  "postgres://localhost",
]

const bad: ReadonlyArray<readonly [string, string]> = [
  ["", "it is empty"],
  ["   ", "it is empty"],
  ["sqlite:", "needs a file path"],
  ["sqlite://data/bashke.db", "without //"],
  ["sqlite:data\u0000.db", "NUL"],
  ["mysql://root:pw@localhost/bashke", "unknown scheme mysql"],
  ["file:./bashke.db", "known scheme"],
  ["./data/bashke.db", "known scheme"],
  ["postgres://user:pw@host:notaport/db", "malformed"],
  ["postgres://", "no host"],
  ["postgres:///db", "no host"],
  ["postgres://u:%zz@host/db", "%-escape"],
  ["d1:", "binding name"],
  ["d1:my-db", "binding name"],
  ["sqlite3:./x.db", "known scheme"],
]

describe("DatabaseUrl.parse", () => {
  it.each(good)("accepts %j", (input, expected) => {
    expect(DatabaseUrl.parse(input)).toStrictEqual(Either.right(expected))
  })

  it.each(goodPostgres)("accepts %s as PostgreSQL, keeping it redacted", (input) => {
    const parsed = Either.getOrThrow(DatabaseUrl.parse(input))
    if (parsed._tag !== "Postgres") throw new Error("expected Postgres")
    expect(Redacted.value(parsed.url)).toBe(input)
    expect(String(parsed.url)).not.toContain("s3cr")
  })

  it.each(bad)("refuses %j (%s), naming the variable and the accepted forms", (input, reason) => {
    const error = Either.getLeft(DatabaseUrl.parse(input)).pipe((option) => option._tag === "Some" && option.value)
    if (!error) throw new Error("expected a DatabaseUrlError")
    expect(error._tag).toBe("DatabaseUrlError")
    expect(error.reason).toContain(reason)
    expect(error.message).toContain("BASHKE_DATABASE_URL")
    for (const form of ["sqlite:<path>", "sqlite::memory:", "postgres://", "d1:<binding>"]) {
      expect(error.message).toContain(form)
    }
  })

  it("describes a PostgreSQL URL with the password masked", () => {
    const parsed = Either.getOrThrow(DatabaseUrl.parse("postgres://bashke:hunter2hunter2@db:5432/bashke?password=x"))
    expect(DatabaseUrl.describe(parsed)).toBe("postgres://bashke:***@db:5432/bashke")
  })

  it("never puts a password into an error message or a description", () => {
    const password = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/)
    const breakage = fc.constantFrom(
      (url: string) => url,
      (url: string) => url.replace(":5432", ":54x32"),
      (url: string) => url.replace("postgres://", "postgress://"),
      (url: string) => url.replace("postgres://", "postgres:/"),
      (url: string) => url.replace("postgres://", ""),
      (url: string) => url.replace("@db", "@"),
      (url: string) => url.replace("postgres://", "mysql://"),
      (url: string) => `${url}%`,
    )
    fc.assert(
      fc.property(password, breakage, (secret, breakIt) => {
        const input = breakIt(`postgres://bashke:${secret}@db:5432/bashke`)
        const output = Either.match(DatabaseUrl.parse(input), {
          onLeft: (error) => `${error.message} ${error.reason} ${String(error)}`,
          onRight: (url) => `${DatabaseUrl.describe(url)} ${String(url)} ${JSON.stringify(url)}`,
        })
        expect(output).not.toContain(secret)
      }),
    )
  })
})

describe("Database.layer", () => {
  const inTempDir = (use: (directory: string) => Promise<void>) => async () => {
    const directory = mkdtempSync(join(tmpdir(), "bashke-url-"))
    try {
      await use(directory)
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  }

  const build = (url: string) => Effect.runPromiseExit(Effect.scoped(Layer.build(Database.layer(url))))

  it(
    "stops on a malformed URL before creating anything on disk",
    inTempDir(async (directory) => {
      for (const url of [`sqlite://${directory}/nested/bashke.db`, `sqlit:${directory}/nested/bashke.db`]) {
        const exit = await build(url)
        expect(Exit.isFailure(exit)).toBe(true)
        expect(String(Exit.isFailure(exit) && exit.cause)).toContain("BASHKE_DATABASE_URL")
      }
      expect(existsSync(join(directory, "nested"))).toBe(false)
    }),
  )

  it("refuses a d1: URL on Node, saying where it works", async () => {
    const exit = await build("d1:DB")
    expect(Exit.isFailure(exit)).toBe(true)
    expect(String(Exit.isFailure(exit) && exit.cause)).toContain("Workers")
  })

  it(
    "creates the SQLite file's directory once the URL is good, in WAL mode with foreign keys on and an 8 MiB page cache",
    inTempDir(async (directory) => {
      const filename = join(directory, "nested", "bashke.db")
      const pragmas = await Effect.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const journal = yield* sql<{ journalMode: string }>`PRAGMA journal_mode`
          const foreignKeys = yield* sql<{ foreignKeys: number }>`PRAGMA foreign_keys`
          const cache = yield* sql<{ cacheSize: number }>`PRAGMA cache_size`
          return {
            journal: journal[0]?.journalMode,
            foreignKeys: foreignKeys[0]?.foreignKeys,
            cacheSize: cache[0]?.cacheSize,
          }
        }).pipe(Effect.provide(Database.layer(`sqlite:${filename}`))),
      )
      // Not better-sqlite3's 16 MB default, which a document's upload fills (ADR 0026).
      expect(pragmas).toStrictEqual({ journal: "wal", foreignKeys: 1, cacheSize: -8192 })
      expect(existsSync(filename)).toBe(true)
    }),
  )

  it("reads BASHKE_DATABASE_URL through Config", async () => {
    const exit = await Effect.runPromiseExit(
      Effect.scoped(Layer.build(Database.layerConfig())).pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["BASHKE_DATABASE_URL", "nope"]]))),
      ),
    )
    expect(String(Exit.isFailure(exit) && exit.cause)).toContain("BASHKE_DATABASE_URL is not usable")
  })
})
