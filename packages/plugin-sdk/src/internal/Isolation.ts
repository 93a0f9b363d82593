// Running one hook of one plugin: behind its circuit breaker, within its time
// limit, with an empty Effect context (a hook reaches the host only through
// the context its setup received), and never failing: every end is an
// outcome the host records.
//
// Two ways to bound the time. `run` races each call against its own timer:
// simple, and right for pulls, events and webhooks. A race costs a fiber and
// a timer per call (~0.1 ms here), too much per inbox record, so `sequence`
// runs a pass of calls in one worker fiber watched by one watchdog fiber that
// sleeps until the current call's deadline and interrupts the worker only if
// that same call is still running then.
//
// The breakers' states are a plain map changed only by synchronous code: a
// JavaScript thread runs one such change at a time, so no `Ref` is needed, and
// the per-record path of `sequence` allocates no map and no generator (it was
// 14 µs of a no-op record's 33 µs in the import benchmark).
import { Cause, Context, Duration, Effect, Exit, Fiber, Option } from "effect"
import * as CircuitBreaker from "../CircuitBreaker"
import * as PluginFailure from "../PluginFailure"

/** How a guarded call ended. */
export type Outcome<A> =
  | { readonly _tag: "Succeeded"; readonly value: A }
  | { readonly _tag: "Failed"; readonly failure: PluginFailure.Classified }
  | { readonly _tag: "Refused" }

/** One plugin's breakers, one per hook key (`pull:incidents`, `process`, `event:referrals`, `webhook`). */
export interface Guard {
  readonly run: <A>(
    key: string,
    timeout: Duration.Duration,
    hook: Effect.Effect<A, PluginFailure.HookError>,
  ) => Effect.Effect<Outcome<A>>
  /**
   * Runs `calls` one after another under one breaker key, each within
   * `timeout`, stopping at the first refusal. Answers one outcome per call
   * made, in order (fewer than the calls when the breaker refused one).
   */
  readonly sequence: <A>(
    key: string,
    timeout: Duration.Duration,
    calls: ReadonlyArray<() => Effect.Effect<A, PluginFailure.HookError>>,
  ) => Effect.Effect<ReadonlyArray<Outcome<A>>>
  readonly breakers: Effect.Effect<ReadonlyArray<readonly [string, "closed" | "open" | "half-open"]>>
  /** Milliseconds until an open breaker admits a trial (0 when it would now). */
  readonly retryAfter: (key: string) => Effect.Effect<number>
}

class TimedOut {
  readonly _tag = "TimedOut"
}

const timedOut: PluginFailure.Classified = { permanent: false, code: PluginFailure.timeoutCode }

const refused: Outcome<never> = { _tag: "Refused" }

// The hook sees no service of the host: not the SqlClient, not the vault.
const isolate = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.mapInputContext(effect, (_: Context.Context<never>) => Context.empty())

const failureOf = (cause: Cause.Cause<unknown>): PluginFailure.Classified =>
  Option.exists(Cause.failureOption(cause), (error) => error instanceof TimedOut)
    ? timedOut
    : PluginFailure.classifyCause(cause)

export const make = (settings: CircuitBreaker.Settings): Effect.Effect<Guard> =>
  Effect.sync(() => {
    const states = new Map<string, CircuitBreaker.State>()
    const stateOf = (key: string) => states.get(key) ?? CircuitBreaker.initial

    const admit = (key: string, now: number): boolean => {
      const decision = CircuitBreaker.admit(settings, stateOf(key), now)
      states.set(key, decision.state)
      return decision.admitted
    }

    const succeeded = <A>(key: string, value: A): Outcome<A> => {
      const state = stateOf(key)
      // Closed with no failures is what `succeed` answers: nothing to write.
      if (state._tag !== "Closed" || state.failures !== 0) states.set(key, CircuitBreaker.succeed(state))
      return { _tag: "Succeeded", value }
    }

    const failed = (key: string, failure: PluginFailure.Classified, now: number): Outcome<never> => {
      const state = stateOf(key)
      states.set(key, failure.permanent ? CircuitBreaker.neutral(state) : CircuitBreaker.fail(settings, state, now))
      return { _tag: "Failed", failure }
    }

    const neutral = (key: string) =>
      Effect.sync(() => {
        states.set(key, CircuitBreaker.neutral(stateOf(key)))
      })

    const run: Guard["run"] = (key, timeout, hook) =>
      Effect.clockWith((clock) => {
        if (!admit(key, clock.unsafeCurrentTimeMillis())) return Effect.succeed(refused)
        // A hook stuck in a call that ignores interruption must not hold the
        // host past its limit: it is interrupted in the background instead.
        return Effect.disconnect(isolate(Effect.suspend(() => hook))).pipe(
          Effect.timeoutFail({ duration: timeout, onTimeout: () => new TimedOut() }),
          Effect.matchCause({
            onFailure: (cause) => failed(key, failureOf(cause), clock.unsafeCurrentTimeMillis()),
            onSuccess: (value) => succeeded(key, value),
          }),
          Effect.onInterrupt(() => neutral(key)),
        )
      })

    const sequence: Guard["sequence"] = <A>(
      key: string,
      timeout: Duration.Duration,
      calls: ReadonlyArray<() => Effect.Effect<A, PluginFailure.HookError>>,
    ) =>
      Effect.clockWith((clock) => {
        const limit = Duration.toMillis(timeout)
        const outcomes: Array<Outcome<A>> = []
        // The call in progress, read by the watchdog; `deadline` is Infinity between calls.
        const current = { index: -1, deadline: Number.POSITIVE_INFINITY }
        let stopped = false
        const ended = (outcome: Outcome<A>) => {
          current.deadline = Number.POSITIVE_INFINITY
          outcomes.push(outcome)
          return next()
        }
        // One call after another; flatMap recursion is trampolined by the runtime.
        const next = (): Effect.Effect<void> => {
          if (outcomes.length >= calls.length || stopped) return Effect.void
          const index = outcomes.length
          const now = clock.unsafeCurrentTimeMillis()
          if (!admit(key, now)) {
            outcomes.push(refused)
            stopped = true
            return Effect.void
          }
          current.index = index
          current.deadline = now + limit
          return Effect.matchCauseEffect(
            Effect.suspend(calls[index] as () => Effect.Effect<A, PluginFailure.HookError>),
            {
              onFailure: (cause) => ended(failed(key, failureOf(cause), clock.unsafeCurrentTimeMillis())),
              onSuccess: (value) => ended(succeeded(key, value)),
            },
          )
        }
        const worker = isolate(Effect.suspend(next))
        const watchdog = (fiber: Fiber.RuntimeFiber<void>) =>
          Effect.gen(function* () {
            for (;;) {
              const { index, deadline } = current
              const now = clock.unsafeCurrentTimeMillis()
              if (deadline !== Number.POSITIVE_INFINITY && now >= deadline) {
                // The same call still running past its deadline: stop it.
                if (current.index === index && current.deadline === deadline) {
                  yield* Fiber.interruptFork(fiber)
                  return
                }
                continue
              }
              yield* Effect.sleep(deadline === Number.POSITIVE_INFINITY ? limit : deadline - now)
            }
          })
        return Effect.gen(function* () {
          while (outcomes.length < calls.length && !stopped) {
            const fiber = yield* Effect.fork(worker)
            const guard = yield* Effect.fork(watchdog(fiber))
            const exit = yield* Fiber.await(fiber)
            yield* Fiber.interrupt(guard)
            if (Exit.isFailure(exit) && outcomes.length < calls.length && !stopped) {
              // The watchdog stopped the call in progress: it timed out.
              current.deadline = Number.POSITIVE_INFINITY
              outcomes.push(failed(key, timedOut, clock.unsafeCurrentTimeMillis()))
            }
          }
          return outcomes
        })
      })

    const breakers: Guard["breakers"] = Effect.clockWith((clock) =>
      Effect.sync(() => {
        const now = clock.unsafeCurrentTimeMillis()
        return [...states.entries()].map(([key, state]) => [key, CircuitBreaker.status(settings, state, now)] as const)
      }),
    )

    const retryAfter: Guard["retryAfter"] = (key) =>
      Effect.clockWith((clock) =>
        Effect.sync(() => {
          const state = states.get(key)
          return state?._tag === "Open"
            ? Math.max(0, settings.coolDownMillis - (clock.unsafeCurrentTimeMillis() - state.since))
            : 0
        }),
      )

    return { run, sequence, breakers, retryAfter }
  })
