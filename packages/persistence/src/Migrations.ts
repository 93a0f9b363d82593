/**
 * One migration runner for every package. Each package exports a `MigrationSet`
 * of plain TypeScript modules (no file system, so it runs on Workers too); the
 * application runs them in a defined order:
 *
 * ```ts
 * yield* Migrations.run([persistenceMigrations, mechanismMigrations, caseMigrations])
 * ```
 *
 * Each migration runs in its own transaction together with its row in
 * `bashke_migrations(package, id, name, applied_at)`. Re-running applies nothing
 * new; two runners at once do not apply anything twice (PostgreSQL: a
 * transaction-scoped advisory lock per schema; SQLite: the single writer lock).
 */
import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Data, Effect } from "effect"
import { supportsTransactions } from "./internal/Transactions"
import { currentDate, toSql } from "./SqlValues"

/**
 * Who is told how far `run` is: the number of migrations it will apply, then
 * each one as it was applied (`done` of `total`). A command line draws a bar
 * or prints lines; the default tells no one.
 */
export class Progress extends Context.Reference<Progress>()("@bashke/persistence/Migrations/Progress", {
  defaultValue: (): ProgressReporter => ({ planned: () => Effect.void, applied: () => Effect.void }),
}) {}

/**
 * What {@link Progress} holds.
 */
export interface ProgressReporter {
  readonly planned: (total: number) => Effect.Effect<void>
  readonly applied: (migration: AppliedMigration, done: number, total: number) => Effect.Effect<void>
}

/**
 * One schema change. `id` orders the package's migrations (1, 2, 3, …); `name`
 * is recorded and must never change once applied. Branch on the dialect with
 * `sql.onDialectOrElse`.
 */
export interface Migration {
  readonly id: number
  readonly name: string
  readonly up: Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient>
}

/**
 * The migrations of one package, named by its npm name.
 */
export interface MigrationSet {
  readonly package: string
  readonly migrations: ReadonlyArray<Migration>
}

/**
 * A migration recorded in `bashke_migrations`.
 */
export interface AppliedMigration {
  readonly package: string
  readonly id: number
  readonly name: string
}

/**
 * Why migrating stopped:
 *
 * - `invalid-set`: the code is inconsistent (duplicate package or id, bad id, empty name);
 * - `edited-history`: an applied migration's recorded name differs from the code's;
 * - `out-of-order`: a new migration has a lower id than one already applied;
 * - `failed`: a migration's `up` failed; its transaction was rolled back (on D1,
 *   which has none, the statements before the failing one stay applied and the
 *   migration is not recorded).
 */
export class MigrationError extends Data.TaggedError("MigrationError")<{
  readonly reason: "invalid-set" | "edited-history" | "out-of-order" | "failed"
  readonly package: string
  readonly id?: number
  readonly detail: string
  readonly cause?: unknown
}> {
  override get message(): string {
    const at = this.id === undefined ? this.package : `${this.package} #${this.id}`
    return `migration ${this.reason} (${at}): ${this.detail}`
  }
}

/**
 * The table that records applied migrations.
 */
export const table = "bashke_migrations"

const fail = (fields: ConstructorParameters<typeof MigrationError>[0]) => Effect.fail(new MigrationError(fields))

const validate = (sets: ReadonlyArray<MigrationSet>): Effect.Effect<void, MigrationError> =>
  Effect.gen(function* () {
    const packages = new Set<string>()
    for (const set of sets) {
      if (set.package.length === 0) {
        return yield* fail({ reason: "invalid-set", package: set.package, detail: "the package name is empty" })
      }
      if (packages.has(set.package)) {
        return yield* fail({ reason: "invalid-set", package: set.package, detail: "the package is listed twice" })
      }
      packages.add(set.package)
      const ids = new Set<number>()
      for (const migration of set.migrations) {
        if (!Number.isSafeInteger(migration.id) || migration.id < 1) {
          return yield* fail({ reason: "invalid-set", package: set.package, detail: "ids are positive integers" })
        }
        if (ids.has(migration.id)) {
          return yield* fail({ reason: "invalid-set", package: set.package, id: migration.id, detail: "duplicate id" })
        }
        if (migration.name.length === 0) {
          return yield* fail({ reason: "invalid-set", package: set.package, id: migration.id, detail: "empty name" })
        }
        ids.add(migration.id)
      }
    }
  })

// PostgreSQL: serialise runners on this schema for the length of one transaction.
// Advisory locks are database-wide, hence the schema in the key.
const lock = (sql: SqlClient.SqlClient): Effect.Effect<void, SqlError.SqlError> =>
  sql.onDialectOrElse({
    pg: () => sql`SELECT pg_advisory_xact_lock(hashtext('bashke_migrations:' || current_schema()))`.pipe(Effect.asVoid),
    orElse: () => Effect.void,
  })

const transaction = <A, E, R>(sql: SqlClient.SqlClient, effect: Effect.Effect<A, E, R>) =>
  supportsTransactions(sql) ? sql.withTransaction(effect) : effect

const bootstrap = (sql: SqlClient.SqlClient): Effect.Effect<void, SqlError.SqlError> =>
  transaction(
    sql,
    Effect.gen(function* () {
      yield* lock(sql)
      yield* sql.onDialectOrElse({
        pg: () => sql`CREATE TABLE IF NOT EXISTS bashke_migrations (
          package text NOT NULL,
          id integer NOT NULL,
          name text NOT NULL,
          applied_at timestamptz NOT NULL,
          PRIMARY KEY (package, id)
        )`,
        orElse: () => sql`CREATE TABLE IF NOT EXISTS bashke_migrations (
          package TEXT NOT NULL,
          id INTEGER NOT NULL,
          name TEXT NOT NULL,
          applied_at TEXT NOT NULL,
          PRIMARY KEY (package, id)
        )`,
      })
    }),
  )

const readApplied = (sql: SqlClient.SqlClient): Effect.Effect<Array<AppliedMigration>, SqlError.SqlError> =>
  sql<{ package: string; id: number | string; name: string }>`SELECT package, id, name FROM bashke_migrations`.pipe(
    Effect.map((rows) => rows.map((row) => ({ package: row.package, id: Number(row.id), name: row.name }))),
  )

/**
 * The migrations recorded as applied, in package then id order (creating the
 * bookkeeping table if this database has none yet).
 */
export const applied: Effect.Effect<ReadonlyArray<AppliedMigration>, never, SqlClient.SqlClient> = Effect.gen(
  function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    yield* bootstrap(sql)
    const rows = yield* readApplied(sql)
    return rows.sort((a, b) => (a.package === b.package ? a.id - b.id : a.package < b.package ? -1 : 1))
  },
).pipe(Effect.orDie)

const checkHistory = (
  sets: ReadonlyArray<MigrationSet>,
  recorded: ReadonlyArray<AppliedMigration>,
): Effect.Effect<void, MigrationError> =>
  Effect.gen(function* () {
    for (const set of sets) {
      const mine = new Map(recorded.filter((row) => row.package === set.package).map((row) => [row.id, row.name]))
      const highest = Math.max(0, ...mine.keys())
      for (const migration of set.migrations) {
        const name = mine.get(migration.id)
        if (name !== undefined && name !== migration.name) {
          return yield* fail({
            reason: "edited-history",
            package: set.package,
            id: migration.id,
            detail: `applied as "${name}", the code now calls it "${migration.name}"; add a new migration instead`,
          })
        }
        if (name === undefined && migration.id < highest) {
          return yield* fail({
            reason: "out-of-order",
            package: set.package,
            id: migration.id,
            detail: `#${highest} is already applied; give the new migration a higher id`,
          })
        }
      }
    }
  })

const failed =
  (set: MigrationSet, migration: Migration, undone: "rolled back" | "not recorded") => (cause: SqlError.SqlError) =>
    new MigrationError({
      reason: "failed",
      package: set.package,
      id: migration.id,
      detail: `"${migration.name}" failed and was ${undone}: ${cause.message}`,
      cause,
    })

const recordedName = (sql: SqlClient.SqlClient, set: MigrationSet, migration: Migration) =>
  sql<{ name: string }>`SELECT name FROM bashke_migrations
    WHERE package = ${set.package} AND id = ${migration.id}`.pipe(Effect.map((rows) => rows[0]?.name))

const insertRow = (sql: SqlClient.SqlClient, set: MigrationSet, migration: Migration, mode: "claim" | "plain") =>
  Effect.flatMap(currentDate, (now) =>
    mode === "claim"
      ? sql`INSERT INTO bashke_migrations (package, id, name, applied_at)
          VALUES (${set.package}, ${migration.id}, ${migration.name}, ${toSql(now)})
          ON CONFLICT (package, id) DO NOTHING RETURNING id`
      : sql`INSERT INTO bashke_migrations (package, id, name, applied_at)
          VALUES (${set.package}, ${migration.id}, ${migration.name}, ${toSql(now)})`,
  )

const checkName = (set: MigrationSet, migration: Migration, name: string | undefined) =>
  name !== undefined && name !== migration.name
    ? fail({
        reason: "edited-history",
        package: set.package,
        id: migration.id,
        detail: `applied as "${name}", the code now calls it "${migration.name}"`,
      })
    : Effect.void

// One migration in one transaction; `false` when a concurrent runner got there first.
const applyInTransaction = (sql: SqlClient.SqlClient, set: MigrationSet, migration: Migration) =>
  sql
    .withTransaction(
      Effect.gen(function* () {
        yield* lock(sql)
        // Claiming the row first makes this transaction a writer from its first
        // statement, so a concurrent runner waits here instead of racing the DDL.
        const claimed = yield* insertRow(sql, set, migration, "claim").pipe(Effect.orDie)
        if (claimed.length === 0) {
          yield* checkName(set, migration, yield* recordedName(sql, set, migration).pipe(Effect.orDie))
          return false
        }
        yield* Effect.mapError(migration.up, failed(set, migration, "rolled back"))
        return true
      }),
    )
    .pipe(Effect.catchTag("SqlError", Effect.die))

// D1 has no interactive transactions: apply, then record, so a failed `up` leaves no row.
const applyWithoutTransaction = (sql: SqlClient.SqlClient, set: MigrationSet, migration: Migration) =>
  Effect.gen(function* () {
    const name = yield* recordedName(sql, set, migration).pipe(Effect.orDie)
    if (name !== undefined) {
      yield* checkName(set, migration, name)
      return false
    }
    yield* Effect.mapError(migration.up, failed(set, migration, "not recorded"))
    yield* insertRow(sql, set, migration, "plain").pipe(Effect.orDie)
    return true
  })

/**
 * Applies every migration not yet recorded, set by set in the order given and by
 * id within a set, and returns those it applied (none on a re-run). Before
 * applying anything it refuses edited history and out-of-order additions.
 * Recorded migrations that the code no longer lists are left alone (an older
 * release may start against a newer database during a rolling deploy).
 *
 * On D1, which has no interactive transactions, a migration and its row are
 * written one after the other; run migrations from one place (the CLI) there.
 */
export const run = (
  sets: ReadonlyArray<MigrationSet>,
): Effect.Effect<ReadonlyArray<AppliedMigration>, MigrationError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    yield* validate(sets)
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    yield* bootstrap(sql).pipe(Effect.orDie)
    const recorded = yield* readApplied(sql).pipe(Effect.orDie)
    yield* checkHistory(sets, recorded)
    const done = new Set(recorded.map((row) => `${row.package}\u0000${row.id}`))
    const appliedNow: Array<AppliedMigration> = []
    const progress = yield* Progress
    const pending = sets.flatMap((set) =>
      [...set.migrations]
        .sort((a, b) => a.id - b.id)
        .filter((migration) => !done.has(`${set.package}\u0000${migration.id}`))
        .map((migration) => ({ set, migration })),
    )
    yield* progress.planned(pending.length)
    for (const [index, { set, migration }] of pending.entries()) {
      // `up` sees the caller's client (with its name transforms); bookkeeping uses the raw one.
      const didApply = yield* supportsTransactions(sql)
        ? applyInTransaction(sql, set, migration)
        : applyWithoutTransaction(sql, set, migration)
      const applied = { package: set.package, id: migration.id, name: migration.name }
      if (didApply) appliedNow.push(applied)
      yield* progress.applied(applied, index + 1, pending.length)
    }
    return appliedNow
  }).pipe(Effect.withSpan("Migrations.run"))
