/**
 * A lease per job in the store, so that any number of schedulers over one
 * database (gateway instances, `bashke worker`s, a Cron Trigger) run each job
 * one at a time: a holder takes a job's lease when it is free or expired (or
 * already its own), keeps it for `ttl`, and gives it back when done. A holder
 * that dies keeps the job only until the lease expires.
 *
 * A lease spares work; it is not what makes a notification exactly-once —
 * the unique key of each reminder is — so a job that outlives its lease and
 * runs beside its successor still sends nothing twice.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Duration, Effect } from "effect"

/**
 * Takes `job`'s lease for `holder` until `ttl` from now, when the job is free,
 * its lease expired, or `holder` already holds it. Whether it was taken.
 */
export const acquire = (
  job: string,
  holder: string,
  ttl: Duration.DurationInput,
): Effect.Effect<boolean, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* SqlValues.currentDate
    const until = SqlValues.toSql(new Date(now.getTime() + Duration.toMillis(ttl)))
    // One statement: the conflict update is atomic on both dialects, so of two
    // holders racing for an expired lease exactly one gets a row back.
    const rows = yield* sql`INSERT INTO notification_leases (job, holder, expires_at)
      VALUES (${job}, ${holder}, ${until})
      ON CONFLICT (job) DO UPDATE SET holder = ${holder}, expires_at = ${until}
      WHERE notification_leases.expires_at <= ${SqlValues.toSql(now)} OR notification_leases.holder = ${holder}
      RETURNING job`
    return rows.length > 0
  }).pipe(Effect.orDie, Span.untraced("Leases.acquire", { job }))

/**
 * Gives `job`'s lease back, if `holder` still holds it.
 */
export const release = (job: string, holder: string): Effect.Effect<void, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    yield* sql`DELETE FROM notification_leases WHERE job = ${job} AND holder = ${holder}`
  }).pipe(Effect.orDie)

/**
 * Runs `work` under `job`'s lease: `undefined` when another holder has it,
 * else the work's result; the lease is given back afterwards, whatever
 * happened.
 */
export const withLease = <A, E, R>(
  job: string,
  holder: string,
  ttl: Duration.DurationInput,
  work: Effect.Effect<A, E, R>,
): Effect.Effect<A | undefined, E, R | SqlClient.SqlClient> =>
  Effect.flatMap(acquire(job, holder, ttl), (taken) =>
    taken ? Effect.ensuring(work, release(job, holder)) : Effect.succeed(undefined),
  )
