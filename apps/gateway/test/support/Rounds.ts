// A scheduler round (order expiry, retention) run in the gateway's runtime
// at a chosen instant: the round reads time from the Clock, here a TestClock
// set to `at`, so a test reaches a deadline months away without waiting.
import { Effect, TestClock, TestContext } from "effect"
import type * as Services from "../../src/Services"
import type { Gateway } from "./Gateway"

/** Runs `round` in `gateway`'s runtime with the clock at `at` (epoch milliseconds). */
export const roundAt = <A, E>(
  gateway: Gateway,
  round: Effect.Effect<A, E, Services.GatewayServices>,
  at: number,
): Promise<A> =>
  gateway.runtime.runPromise(
    Effect.zipRight(TestClock.setTime(at), round).pipe(Effect.provide(TestContext.TestContext)),
  )
