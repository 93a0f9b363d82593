/**
 * The scheduler: rounds of the notifications' jobs, each under its lease in
 * the store, so that any number of schedulers over one database — gateway
 * instances, `bashke worker`s, a Workers Cron Trigger — share the work and
 * every notice is recorded and sent once:
 *
 * 1. `events`: the outbox events notifications react to (`Events`);
 * 2. `reminders:<mechanism>`, per mechanism: the reminders due now
 *    (`DueItems`, `Reminders`), including those that fell due while no
 *    scheduler ran (sent once, marked late);
 * 3. `digests`: the daily digests due (`Digest`);
 * 4. email: passes over the email rows due (`EmailDelivery`; row claims, not
 *    a lease, so schedulers send side by side), while a `Mailer` is
 *    provided.
 *
 * A round never fails: a job's defect is logged and the next job runs.
 * {@link loop} runs rounds for ever, `interval` apart, on Effect's `Clock`
 * (tests move it with `TestClock`).
 */
import type { OpenCases } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Mechanisms } from "@bashke/mechanism"
import { Outbox } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Cause, Duration, Effect, Option } from "effect"
import * as Digest from "./Digest"
import * as DueItems from "./DueItems"
import * as EmailDelivery from "./EmailDelivery"
import * as Events from "./Events"
import * as Leases from "./Leases"
import { Mailer } from "./Mailer"
import type * as Notices from "./Notices"
import type { Recipients } from "./Recipients"
import * as Reminders from "./Reminders"

/**
 * How the scheduler runs.
 */
export interface Options {
  /** This scheduler's name in the leases; unique per process. */
  readonly holder: string
  /** Between rounds of {@link loop}. */
  readonly interval: Duration.DurationInput
  /** How long a job's lease, and an email row's claim, lasts. */
  readonly lease: Duration.DurationInput
  /** A notice recorded this long after it fell due is late. */
  readonly lateAfter: Duration.DurationInput
  /** Events read, and emails claimed, per pass. */
  readonly batch: number
  /** Email passes per round at most (what is left waits for the next round). */
  readonly maxEmailPasses: number
  /** How failed emails are retried. */
  readonly retry: Outbox.RetryPolicy
  /** The web app's origin, for links in emails. */
  readonly publicUrl: string
  /** How long an outbox event settles before it is read. */
  readonly settle: Duration.DurationInput
}

/**
 * Defaults: a round every 30 seconds, leases of 2 minutes, late after 15
 * minutes, 100 per pass, retries as the outbox's (10 s doubling, at most an
 * hour apart, dead after 12).
 */
export const defaults = (holder: string, publicUrl: string): Options => ({
  holder,
  interval: Duration.seconds(30),
  lease: Duration.minutes(2),
  lateAfter: Duration.minutes(15),
  batch: 100,
  maxEmailPasses: 20,
  retry: Outbox.defaultRetryPolicy,
  publicUrl,
  settle: Duration.seconds(10),
})

/**
 * A new holder name for this process.
 */
export const newHolder: Effect.Effect<string, never, Id.IdGenerator> = Effect.map(Id.next, (id) => `scheduler-${id}`)

/**
 * What a round did. A job another scheduler held is `undefined`.
 */
export interface Round {
  readonly events: Events.Handled | undefined
  readonly reminders: Reminders.Fired
  readonly mechanisms: { readonly run: number; readonly held: number }
  readonly digests: number | undefined
  readonly email: (Omit<EmailDelivery.Delivered, "unavailable"> & { readonly passes: number }) | "off"
}

/**
 * What a round needs.
 */
export type Requirements =
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Recipients
  | OpenCases.OpenCases
  | DueItems.Sources
  | Mechanisms.Mechanisms

// A job's defect is logged (its cause holds no personal data: ids and codes) and the round goes on.
const guarded = <A, R>(job: string, effect: Effect.Effect<A, never, R>): Effect.Effect<A | undefined, never, R> =>
  effect.pipe(
    Effect.catchAllCause((cause) =>
      Effect.as(
        Effect.logError("notification job failed").pipe(
          Effect.annotateLogs({ job, cause: Cause.pretty(cause).split("\n")[0] ?? "" }),
        ),
        undefined,
      ),
    ),
  )

/**
 * One round of every job.
 */
export const runOnce = (options: Options): Effect.Effect<Round, never, Requirements> =>
  Effect.gen(function* () {
    const mailer = yield* Effect.serviceOption(Mailer)
    const notices: Notices.Options = { lateAfter: options.lateAfter, email: Option.isSome(mailer) }
    // Built inside the guard, so even a job that fails while it is being put together is only logged.
    const lease = <A, R>(job: string, work: () => Effect.Effect<A, never, R>) =>
      guarded(
        job,
        Effect.suspend(() => Leases.withLease(job, options.holder, options.lease, work())),
      )

    const events = yield* lease("events", () =>
      Events.process({ ...notices, limit: options.batch, settle: options.settle }),
    )

    const mechanisms = yield* guarded(
      "mechanisms",
      Effect.flatMap(Mechanisms.Mechanisms, (mechanisms) =>
        Effect.map(mechanisms.list, (list) => list.map((m) => m.id)),
      ),
    )
    let reminders = Reminders.none
    let run = 0
    let held = 0
    for (const mechanism of mechanisms ?? []) {
      const fired = yield* lease(`reminders:${mechanism}`, () =>
        Effect.flatMap(DueItems.forMechanism(mechanism), (items) => Reminders.fire(items, notices)),
      )
      if (fired === undefined) held++
      else {
        run++
        reminders = Reminders.add(reminders, fired)
      }
    }

    const digests = yield* lease("digests", () => Digest.prepare)

    let email: Round["email"] = "off"
    if (Option.isSome(mailer)) {
      const total = { sent: 0, retried: 0, dead: 0, skipped: 0, rejected: 0, passes: 0 }
      for (let pass = 0; pass < options.maxEmailPasses; pass++) {
        const done = yield* guarded(
          "email",
          Effect.suspend(() =>
            EmailDelivery.deliver({
              limit: options.batch,
              lease: options.lease,
              retry: options.retry,
              publicUrl: options.publicUrl,
              notices,
            }),
          ).pipe(Effect.provideService(Mailer, mailer.value)),
        )
        if (done === undefined) break
        total.passes++
        total.sent += done.sent
        total.retried += done.retried
        total.dead += done.dead
        total.skipped += done.skipped
        total.rejected += done.rejected
        if (done.unavailable || done.sent + done.retried + done.dead + done.skipped === 0) break
      }
      email = total
    }
    return { events, reminders, mechanisms: { run, held }, digests, email }
  }).pipe(Effect.withSpan("Scheduler.runOnce"))

/**
 * Rounds for ever, `interval` apart (interrupt the fiber to stop).
 */
export const loop = (options: Options): Effect.Effect<never, never, Requirements> =>
  Effect.forever(Effect.zipRight(guarded("round", runOnce(options)), Effect.sleep(options.interval)))
