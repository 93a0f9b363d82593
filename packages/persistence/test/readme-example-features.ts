// The README's sections on migrations, optimistic concurrency, idempotency keys
// and throttles, imports pointed at the sources; `Readme.test.ts` runs them.
import { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import { Idempotency, Migrations, OptimisticConcurrency, persistenceMigrations, Throttle } from "../src/index"

const createMemoranda = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql`CREATE TABLE memoranda (id TEXT PRIMARY KEY, title TEXT NOT NULL, version INTEGER NOT NULL)`,
)
const createReferrals = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql`CREATE TABLE referrals (id TEXT PRIMARY KEY, service TEXT NOT NULL)`,
)

// A package's set, as @bashke/case exports `caseMigrations`: plain modules, no files read at run time.
export const exampleMigrations: Migrations.MigrationSet = {
  package: "@example/memoranda",
  migrations: [
    { id: 1, name: "memoranda", up: createMemoranda }, // Effect<void, SqlError, SqlClient>
    { id: 2, name: "referrals", up: createReferrals },
  ],
}

// The application, at start-up: the sets in order, this package's first.
export const migrate = Migrations.run([persistenceMigrations, exampleMigrations])

// Renames a memorandum only if it is still at the version the caller read.
export const rename = (id: string, expectedVersion: number, title: string) =>
  OptimisticConcurrency.update({ table: "memoranda", entity: "Memorandum", id, expectedVersion, set: { title } })
// NotFound — no such row; Conflict { rule: "version.stale", expectedVersion, actualVersion } — row untouched

export class Referral extends Schema.Class<Referral>("Referral")({ id: Schema.String, service: Schema.String }) {}

const sendReferral = (command: { readonly service: string }) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const id = crypto.randomUUID()
    yield* sql`INSERT INTO referrals ${sql.insert({ id, service: command.service })}`
    return new Referral({ id, service: command.service })
  })

// Sends a referral once per Idempotency-Key: a retry gets the stored referral back.
export const send = (principalId: string, key: string, command: { readonly service: string }) =>
  Idempotency.run(
    { scope: `referral.send:${principalId}`, key, fingerprint: JSON.stringify(command) },
    sendReferral(command), // runs at most once per key
    Referral, // schema used to store and replay the result
  )
// The same key for another request: Conflict { rule: "idempotency-key.reused" }

const tooMany = (retryAfter = 1) => ({ status: 429, retryAfter }) as const

// A request: admitted while the principal's bucket has a token.
export const admit = (principalId: string) =>
  Effect.gen(function* () {
    const throttle = yield* Throttle.Throttle
    const verdict = yield* throttle.take("requests", principalId, { perMinute: 600, burst: 120 })
    if (!verdict.allowed) return tooMany(verdict.retryAfter) // whole seconds
    return { status: 200 } as const
  })

// Failed attempts: free up to a count, then an exponential wait per key.
export const signIn = (address: string, passwordMatches: boolean) =>
  Effect.gen(function* () {
    const throttle = yield* Throttle.Throttle
    if (!(yield* throttle.standing("auth.address", address)).allowed) return tooMany()
    if (passwordMatches) return { status: 200 } as const
    yield* throttle.fail("auth.address", address, Throttle.defaultBackoff)
    return { status: 401 } as const
  })
