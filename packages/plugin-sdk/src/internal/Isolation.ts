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
import { Cause, Clock, Context, Duration, Effect, Exit, Fiber, Option, Ref } from "effect"
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

// The hook sees no service of the host: not the SqlClient, not the vault.
const isolate = <A>(hook: Effect.Effect<A, PluginFailure.HookError>) =>
  Effect.mapInputContext(
    Effect.suspend(() => hook),
    (_: Context.Context<never>) => Context.empty(),
  )

export const make = (settings: CircuitBreaker.Settings): Effect.Effect<Guard> =>
  Effect.gen(function* () {
    const states = yield* Ref.make(new Map<string, CircuitBreaker.State>())
    const update = (key: string, f: (state: CircuitBreaker.State) => CircuitBreaker.State) =>
      Ref.update(states, (map) => new Map(map).set(key, f(map.get(key) ?? CircuitBreaker.initial)))

    const admit = (key: string) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Ref.modify(states, (map) => {
          const decision = CircuitBreaker.admit(settings, map.get(key) ?? CircuitBreaker.initial, now)
          return [decision.admitted, new Map(map).set(key, decision.state)] as const
        }),
      )

    const settle = <A>(key: string, exit: Exit.Exit<A, unknown>): Effect.Effect<Outcome<A>> =>
      Effect.gen(function* () {
        if (Exit.isSuccess(exit)) {
          yield* update(key, CircuitBreaker.succeed)
          return { _tag: "Succeeded", value: exit.value } as const
        }
        const failure = Option.exists(Cause.failureOption(exit.cause), (error) => error instanceof TimedOut)
          ? timedOut
          : PluginFailure.classifyCause(exit.cause)
        return yield* fail(key, failure)
      })

    const fail = (key: string, failure: PluginFailure.Classified) =>
      Effect.gen(function* () {
        const ended = yield* Clock.currentTimeMillis
        yield* update(key, (state) =>
          failure.permanent ? CircuitBreaker.neutral(state) : CircuitBreaker.fail(settings, state, ended),
        )
        return { _tag: "Failed", failure } as const
      })

    const run: Guard["run"] = (key, timeout, hook) =>
      Effect.gen(function* () {
        if (!(yield* admit(key))) return { _tag: "Refused" } as const
        // A hook stuck in a call that ignores interruption must not hold the
        // host past its limit: it is interrupted in the background instead.
        const exit = yield* Effect.disconnect(isolate(hook)).pipe(
          Effect.timeoutFail({ duration: timeout, onTimeout: () => new TimedOut() }),
          Effect.exit,
          Effect.onInterrupt(() => update(key, CircuitBreaker.neutral)),
        )
        return yield* settle(key, exit)
      })

    const sequence: Guard["sequence"] = <A>(
      key: string,
      timeout: Duration.Duration,
      calls: ReadonlyArray<() => Effect.Effect<A, PluginFailure.HookError>>,
    ) =>
      Effect.gen(function* () {
        const limit = Duration.toMillis(timeout)
        const outcomes: Array<Outcome<A>> = []
        // The call in progress, read by the watchdog; `deadline` is Infinity between calls.
        const current = { index: -1, deadline: Number.POSITIVE_INFINITY }
        let refused = false
        const worker = Effect.gen(function* () {
          while (outcomes.length < calls.length && !refused) {
            const index = outcomes.length
            if (!(yield* admit(key))) {
              outcomes.push({ _tag: "Refused" })
              refused = true
              break
            }
            current.index = index
            current.deadline = (yield* Clock.currentTimeMillis) + limit
            const exit = yield* Effect.exit(
              isolate((calls[index] as () => Effect.Effect<A, PluginFailure.HookError>)()),
            )
            current.deadline = Number.POSITIVE_INFINITY
            outcomes.push(yield* settle(key, exit))
          }
        })
        const watchdog = (fiber: Fiber.RuntimeFiber<void>) =>
          Effect.gen(function* () {
            for (;;) {
              const { index, deadline } = current
              const now = yield* Clock.currentTimeMillis
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
        while (outcomes.length < calls.length && !refused) {
          const fiber = yield* Effect.fork(worker)
          const guard = yield* Effect.fork(watchdog(fiber))
          const exit = yield* Fiber.await(fiber)
          yield* Fiber.interrupt(guard)
          if (Exit.isFailure(exit) && outcomes.length < calls.length && !refused) {
            // The watchdog stopped the call in progress: it timed out.
            current.deadline = Number.POSITIVE_INFINITY
            outcomes.push(yield* fail(key, timedOut))
          }
        }
        return outcomes
      })

    const breakers: Guard["breakers"] = Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      const map = yield* Ref.get(states)
      return [...map.entries()].map(([key, state]) => [key, CircuitBreaker.status(settings, state, now)] as const)
    })

    const retryAfter: Guard["retryAfter"] = (key) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const state = (yield* Ref.get(states)).get(key)
        return state?._tag === "Open" ? Math.max(0, settings.coolDownMillis - (now - state.since)) : 0
      })

    return { run, sequence, breakers, retryAfter }
  })
