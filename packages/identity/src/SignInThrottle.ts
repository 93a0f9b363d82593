/**
 * The throttles in front of a sign-in: each failed try counts against every
 * key it names (the client's address, the account or credential tried), and
 * while any key's backoff runs further tries are refused before anything is
 * checked (`Throttled`, `identity.sign-in.throttled`, with the seconds left to
 * wait). A success forgives the keys.
 * Password and passkey sign-ins share the per-address key, so switching
 * between them buys an attacker nothing.
 */
import { Errors } from "@bashke/kernel"
import { Throttle } from "@bashke/persistence"
import { Duration, Effect } from "effect"

/**
 * What one failed sign-in costs, per key: five free tries, then 1 s, 2 s,
 * 4 s, … up to 15 minutes; forgotten after an hour without a failure.
 */
export const backoff: Throttle.Backoff = {
  free: 5,
  firstDelay: Duration.seconds(1),
  maxDelay: Duration.minutes(15),
  forgetAfter: Duration.hours(1),
}

/** A throttle key: its scope (`identity.sign-in.address`, …) and the value counted. */
export type Key = readonly [scope: string, key: string]

/** The refusal while a backoff runs, with the seconds left as the throttle's verdict gives them (whole, one at least). */
export const throttled = (retryAfter: number): Errors.Throttled =>
  new Errors.Throttled({ rule: "identity.sign-in.throttled", retryAfter })

/** The per-address key every sign-in counts against. */
export const addressKey = (address: string): Key => ["identity.sign-in.address", address]

/**
 * Runs `attempt` behind the throttles of `keys`. `attempt` gets `counted`,
 * which fails with its error after counting the try against every key: the
 * failures that prove a guess wrong go through it, the ones that say only
 * what is missing (no code sent) need not.
 */
export const guard = <A, R>(
  keys: ReadonlyArray<Key>,
  attempt: (
    counted: (error: Errors.Unauthenticated) => Effect.Effect<never, Errors.Unauthenticated>,
  ) => Effect.Effect<A, Errors.Unauthenticated, R>,
): Effect.Effect<A, Errors.Unauthenticated | Errors.Throttled, R | Throttle.Throttle> =>
  Effect.gen(function* () {
    const throttle = yield* Throttle.Throttle
    for (const [scope, key] of keys) {
      const standing = yield* throttle.standing(scope, key)
      if (!standing.allowed) return yield* Effect.fail(throttled(standing.retryAfter))
    }
    const counted = (error: Errors.Unauthenticated) =>
      Effect.zipRight(
        Effect.forEach(keys, ([scope, key]) => throttle.fail(scope, key, backoff), { discard: true }),
        Effect.fail(error),
      )
    const result = yield* attempt(counted)
    yield* Effect.forEach(keys, ([scope, key]) => throttle.forgive(scope, key), { discard: true })
    return result
  })
