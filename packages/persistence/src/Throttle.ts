/**
 * Throttles kept where every instance of an application sees them: request
 * rates (a token bucket per key) and failed attempts (an exponential backoff per
 * key), in the database with one atomic statement each, so two gateways over one
 * PostgreSQL count together. A process that is alone with its store (a SQLite
 * file) may keep them in memory instead (`layerMemory`): same rules, no writes.
 *
 * ```ts
 * const throttle = yield* Throttle.Throttle
 * // Before trying a credential: is this address waiting out a backoff?
 * const standing = yield* throttle.standing("auth.address", address)
 * if (!standing.allowed) return tooMany(standing.retryAfter)
 * // After a failure: count it; the answer says how long the next try must wait.
 * yield* throttle.fail("auth.address", address, Throttle.defaultBackoff)
 * ```
 *
 * Keys are stored only as a SHA-256 of the scope and the key, so an address or
 * an account name never lies in the table in clear. A key of little entropy (an
 * email) should still be keyed by the caller (a blind index) if its hash must not
 * be guessable. Times come from Effect's `Clock`.
 */
import { Span } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { Clock, Context, Duration, Effect, Layer } from "effect"

/**
 * A rate: `perMinute` requests on average, bursts of up to `burst`.
 */
export interface Rate {
  readonly perMinute: number
  readonly burst: number
}

/**
 * How failures are paid for: the first `free` failures cost nothing; each one
 * after waits twice as long as the one before, from `firstDelay` up to
 * `maxDelay`; a key with no failure for `forgetAfter` starts again from nothing.
 */
export interface Backoff {
  readonly free: number
  readonly firstDelay: Duration.Duration
  readonly maxDelay: Duration.Duration
  readonly forgetAfter: Duration.Duration
}

/**
 * Ten free failures, then 1 s, 2 s, 4 s, … up to 15 minutes; forgotten after an hour without one.
 */
export const defaultBackoff: Backoff = {
  free: 10,
  firstDelay: Duration.seconds(1),
  maxDelay: Duration.minutes(15),
  forgetAfter: Duration.hours(1),
}

/**
 * Whether the attempt may go ahead; when not, the whole seconds to wait (at least 1).
 */
export interface Verdict {
  readonly allowed: boolean
  readonly retryAfter: number
}

export interface Service {
  /** Takes one request from the bucket of (`scope`, `key`). */
  readonly take: (scope: string, key: string, rate: Rate) => Effect.Effect<Verdict>
  /** Whether (`scope`, `key`) may try now, or is waiting out a backoff. Writes nothing. */
  readonly standing: (scope: string, key: string) => Effect.Effect<Verdict>
  /** Counts a failure of (`scope`, `key`); the verdict is for its next try. */
  readonly fail: (scope: string, key: string, backoff: Backoff) => Effect.Effect<Verdict>
  /** Forgets the failures of (`scope`, `key`) (a success, where that should clear them). */
  readonly forgive: (scope: string, key: string) => Effect.Effect<void>
  /** Forgets every key untouched for `olderThan` and no longer waiting; returns how many. */
  readonly purge: (olderThan: Duration.DurationInput) => Effect.Effect<number>
}

export class Throttle extends Context.Tag("@bashke/persistence/Throttle")<Throttle, Service>() {}

/**
 * The table the SQL throttle keeps its keys in.
 */
export const table = "bashke_throttle"

/**
 * Why a rate or a backoff cannot be used, naming the field.
 */
export const checkRate = (rate: Rate): string | undefined =>
  !(Number.isFinite(rate.perMinute) && rate.perMinute > 0)
    ? "perMinute"
    : !(Number.isInteger(rate.burst) && rate.burst >= 1)
      ? "burst"
      : undefined

export const checkBackoff = (backoff: Backoff): string | undefined => {
  const first = Duration.toMillis(backoff.firstDelay)
  const max = Duration.toMillis(backoff.maxDelay)
  if (!(Number.isInteger(backoff.free) && backoff.free >= 0)) return "free"
  if (!(first > 0 && Number.isFinite(first))) return "firstDelay"
  if (!(max >= first && Number.isFinite(max))) return "maxDelay"
  if (!(Duration.toMillis(backoff.forgetAfter) >= max)) return "forgetAfter"
  return undefined
}

/**
 * The wait after the `failures`-th failure in a row, in milliseconds (0 while free).
 */
export const delayAfter = (failures: number, backoff: Backoff): number => {
  if (failures <= backoff.free) return 0
  const first = Duration.toMillis(backoff.firstDelay)
  const max = Duration.toMillis(backoff.maxDelay)
  // 2^40 s is far past any maximum: capping the exponent keeps the number finite.
  return Math.min(max, first * 2 ** Math.min(failures - backoff.free - 1, 40))
}

const seconds = (millis: number): number => Math.max(1, Math.ceil(millis / 1000))
const allowed: Verdict = { allowed: true, retryAfter: 0 }

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("")

// The names of the keys seen last (the same principals and addresses come back
// on every request, and a digest is an asynchronous job of its own): a pure
// function of the key, so kept without any question of staleness; bounded,
// the oldest forgotten first.
const names = new Map<string, string>()
const namesKept = 4096

/** The stored name of (`scope`, `key`): never the key itself. */
const bucketOf = (scope: string, key: string): Effect.Effect<string> => {
  const text = `${scope}\n${key}`
  const known = names.get(text)
  if (known !== undefined) return Effect.succeed(known)
  return Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).pipe(
    Effect.map((digest) => {
      const name = toHex(digest)
      if (names.size >= namesKept) names.delete(names.keys().next().value as string)
      names.set(text, name)
      return name
    }),
  )
}

interface Entry {
  level: number
  at: number
  until: number
}

/**
 * The throttle in this process's memory: for a single instance (a SQLite file,
 * a test). Each layer build has its own keys.
 */
export const layerMemory: Layer.Layer<Throttle> = Layer.sync(Throttle, () => {
  const entries = new Map<string, Entry>()
  return {
    take: (scope, key, rate) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const bucket = yield* bucketOf(scope, key)
        const perMs = rate.perMinute / 60_000
        const entry = entries.get(bucket) ?? { level: rate.burst, at: now, until: 0 }
        entry.level = Math.min(rate.burst, entry.level + Math.max(0, now - entry.at) * perMs)
        entry.at = Math.max(entry.at, now)
        entries.set(bucket, entry)
        if (entry.level >= 1) {
          entry.level -= 1
          return allowed
        }
        return { allowed: false, retryAfter: seconds((1 - entry.level) / perMs) }
      }),
    standing: (scope, key) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const entry = entries.get(yield* bucketOf(scope, key))
        return entry === undefined || entry.until <= now
          ? allowed
          : { allowed: false, retryAfter: seconds(entry.until - now) }
      }),
    fail: (scope, key, backoff) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const bucket = yield* bucketOf(scope, key)
        const entry = entries.get(bucket)
        const stale = entry === undefined || entry.at < now - Duration.toMillis(backoff.forgetAfter)
        const failures = stale ? 1 : entry.level + 1
        const delay = delayAfter(failures, backoff)
        entries.set(bucket, {
          level: failures,
          at: Math.max(now, entry?.at ?? now),
          until: Math.max(stale ? 0 : entry.until, now + delay),
        })
        return delay === 0 ? allowed : { allowed: false, retryAfter: seconds(delay) }
      }),
    forgive: (scope, key) => Effect.map(bucketOf(scope, key), (bucket) => void entries.delete(bucket)),
    purge: (olderThan) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        const before = now - Duration.toMillis(Duration.decode(olderThan))
        let purged = 0
        for (const [bucket, entry] of entries) {
          if (entry.at < before && entry.until <= now) {
            entries.delete(bucket)
            purged += 1
          }
        }
        return purged
      }),
  }
})

/**
 * The throttle in the database (the table of `persistenceMigrations`), shared by
 * every instance over it. Each step is one statement, atomic on every dialect
 * (PostgreSQL, SQLite, D1), so concurrent requests never both take the last
 * token. A database failure is a defect.
 */
export const layerSql: Layer.Layer<Throttle, never, SqlClient.SqlClient> = Layer.effect(
  Throttle,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    // Read back as numbers: PostgreSQL's bigint arrives as a string.
    const numberOf = (value: unknown): number => Number(value)

    const take: Service["take"] = (scope, key, rate) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const bucket = yield* bucketOf(scope, key)
        const perMs = rate.perMinute / 60_000
        const burst = rate.burst
        // The bucket refilled since its last use, capped at the burst; a clock
        // behind the stored one (another instance's) refills nothing.
        const refilled = sql`CASE
          WHEN bashke_throttle.level + (CASE WHEN excluded.at > bashke_throttle.at THEN excluded.at - bashke_throttle.at ELSE 0 END) * CAST(${perMs} AS double precision) > ${burst}
          THEN CAST(${burst} AS double precision)
          ELSE bashke_throttle.level + (CASE WHEN excluded.at > bashke_throttle.at THEN excluded.at - bashke_throttle.at ELSE 0 END) * CAST(${perMs} AS double precision)
        END`
        const rows = yield* sql<{ level: unknown; allowed: unknown }>`INSERT INTO bashke_throttle
          (bucket, level, at, until_at, allowed)
          VALUES (${bucket}, ${burst - 1}, ${now}, 0, 1)
          ON CONFLICT (bucket) DO UPDATE SET
            level = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
            allowed = CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
            at = CASE WHEN excluded.at > bashke_throttle.at THEN excluded.at ELSE bashke_throttle.at END
          RETURNING level, allowed`
        const row = rows[0]
        if (row === undefined || numberOf(row.allowed) === 1) return allowed
        return { allowed: false, retryAfter: seconds((1 - numberOf(row.level)) / perMs) }
      }).pipe(Effect.orDie, Span.untraced("Throttle.take", { scope }))

    const standing: Service["standing"] = (scope, key) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const bucket = yield* bucketOf(scope, key)
        const rows = yield* sql<{ until_at: unknown }>`SELECT until_at FROM bashke_throttle WHERE bucket = ${bucket}`
        const until = rows[0] === undefined ? 0 : numberOf(rows[0].until_at)
        return until <= now ? allowed : { allowed: false, retryAfter: seconds(until - now) }
      }).pipe(Effect.orDie, Span.untraced("Throttle.standing", { scope }))

    const fail: Service["fail"] = (scope, key, backoff) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const bucket = yield* bucketOf(scope, key)
        const forgotten = now - Duration.toMillis(backoff.forgetAfter)
        // Count atomically; a stale count starts again at 1 (and its wait with it).
        const rows = yield* sql<{ level: unknown }>`INSERT INTO bashke_throttle
          (bucket, level, at, until_at, allowed)
          VALUES (${bucket}, 1, ${now}, 0, 0)
          ON CONFLICT (bucket) DO UPDATE SET
            level = CASE WHEN bashke_throttle.at < ${forgotten} THEN 1 ELSE bashke_throttle.level + 1 END,
            until_at = CASE WHEN bashke_throttle.at < ${forgotten} THEN 0 ELSE bashke_throttle.until_at END,
            at = CASE WHEN excluded.at > bashke_throttle.at THEN excluded.at ELSE bashke_throttle.at END
          RETURNING level`
        const failures = rows[0] === undefined ? 1 : numberOf(rows[0].level)
        const delay = delayAfter(failures, backoff)
        if (delay === 0) return allowed
        // Never shortens a wait another instance set meanwhile.
        const until = now + Math.ceil(delay)
        yield* sql`UPDATE bashke_throttle SET until_at = ${until} WHERE bucket = ${bucket} AND until_at < ${until}`
        return { allowed: false, retryAfter: seconds(delay) }
      }).pipe(Effect.orDie, Span.untraced("Throttle.fail", { scope }))

    const forgive: Service["forgive"] = (scope, key) =>
      Effect.flatMap(bucketOf(scope, key), (bucket) => sql`DELETE FROM bashke_throttle WHERE bucket = ${bucket}`).pipe(
        Effect.asVoid,
        Effect.orDie,
        Span.untraced("Throttle.forgive", { scope }),
      )

    const purge: Service["purge"] = (olderThan) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const before = now - Duration.toMillis(Duration.decode(olderThan))
        const rows =
          yield* sql`DELETE FROM bashke_throttle WHERE at < ${before} AND until_at <= ${now} RETURNING bucket`
        return rows.length
      }).pipe(Effect.orDie, Span.untraced("Throttle.purge"))

    return { take, standing, fail, forgive, purge }
  }),
)
