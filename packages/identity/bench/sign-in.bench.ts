// Signing in, beside its floors (hashing figures a minute: a few a second each): argon2id hashing under ADR 0009's parameters
// beside one SHA-256 of the same password (the plainest hash); a whole
// password sign-in (throttle checks, blind index, argon2id verification,
// principal, new session) beside the argon2id verification alone, so the
// share shows what the rest costs; and resolving a session (what every
// browser request pays) beside the plain SELECT of its row, on a SQLite file.
import { Id } from "@bashke/kernel"
import { Migrations, persistenceMigrations, Throttle } from "@bashke/persistence"
import { TestDatabase } from "@bashke/persistence/testing"
import { AuditLog, BlindIndex, securityMigrations, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, ManagedRuntime, Option } from "effect"
import { type Figure, rate, record } from "../../../scripts/benchmark"
import { Credentials, identityMigrations, Password, People, Secret, Sessions, SignIn } from "../src"

const password = "correct horse battery staple"
const layer = Layer.mergeAll(Sessions.layerSql, Credentials.layerSql, Throttle.layerSql).pipe(
  Layer.provideMerge(People.layerSql),
  Layer.provideMerge(AuditLog.layer),
  Layer.provideMerge(Layer.mergeAll(TestDatabase.sqliteLayer, Vault.layerTest, BlindIndex.layerTest, Id.layer)),
)
const runtime = ManagedRuntime.make(layer)
const run = <A, E>(effect: Effect.Effect<A, E, Layer.Layer.Success<typeof layer>>) => runtime.runPromise(effect)

await run(Migrations.run([persistenceMigrations, securityMigrations, identityMigrations]))
const person = await run(
  Effect.gen(function* () {
    const added = yield* (yield* People.People).add(
      { displayName: "Shqipe Bytyqi", email: "shqipe.bytyqi@bench.example", language: "sq" },
      [{ role: "national-coordinator", mechanism: null }],
      Id.ulidAt(0, new Uint8Array(10)) as Id.PrincipalId,
    )
    yield* (yield* Credentials.Credentials).setPassword(added.id, password)
    return added
  }),
)
const stored = Option.getOrThrow(await run(Effect.flatMap(Credentials.Credentials, (c) => c.passwordHash(person.id))))
const bytes = new TextEncoder().encode(password)

const hashes = await rate(20, async (n) => {
  for (let i = 0; i < n; i++) await run(Password.hash(password))
})
const sha = await rate(20_000, async (n) => {
  for (let i = 0; i < n; i++) await crypto.subtle.digest("SHA-256", bytes)
})
const verifications = await rate(20, async (n) => {
  for (let i = 0; i < n; i++) await run(Password.verify(password, stored))
})
const signIns = await rate(20, async (n) => {
  for (let i = 0; i < n; i++) await run(SignIn.withPassword({ email: person.email, password, address: "192.0.2.1" }))
})
const session = await run(Effect.flatMap(Sessions.Sessions, (sessions) => sessions.start(person.id)))
const resolutions = await rate(2_000, async (n) => {
  for (let i = 0; i < n; i++)
    await run(Effect.flatMap(Sessions.Sessions, (sessions) => sessions.resolve(session.secret)))
})
const secretHash = await run(Secret.hash(session.secret))
const selects = await rate(2_000, async (n) => {
  for (let i = 0; i < n; i++)
    await run(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) =>
          sql`SELECT id, person_id, started_at, last_seen_at FROM identity_sessions WHERE secret_hash = ${secretHash}`,
      ),
    )
})
await runtime.dispose()

const figures: ReadonlyArray<Figure> = [
  {
    measure: "argon2id hashes (19 MiB, t=2, p=1)",
    unit: "a minute",
    value: hashes * 60,
    floor: { measure: "SHA-256 of the same password", value: sha * 60 },
    goal: "≥ 300 a minute (≤ 200 ms a hash)",
  },
  {
    measure: "password sign-ins (throttles, blind index, argon2id, principal, session)",
    unit: "a minute",
    value: signIns * 60,
    floor: { measure: "argon2id verifications alone", value: verifications * 60 },
    goal: "≥ 80 % of the floor",
  },
  {
    measure: "session resolutions (every browser request)",
    unit: "requests/s",
    value: resolutions,
    floor: { measure: "SELECT of the session's row", value: selects },
  },
]
record(new URL("..", import.meta.url).pathname, "identity-sign-in", figures)
