/**
 * A round of background work run again and again in the gateway's runtime
 * until closed: order expiry (`OrderExpiryRunner`), retention
 * (`RetentionRunner`). A round that did something logs `<name>.round` with
 * its count; a failed round logs `<name>.failed` and the next one runs.
 */
import { type Duration, Effect, Fiber, type ManagedRuntime, Schedule } from "effect"
import type { GatewayServices } from "./Services"

/** Runs `round` now and then every `every` in `runtime` until closed. */
export const start = (
  runtime: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
  options: {
    readonly name: string
    readonly every: Duration.DurationInput
    readonly count: string
    readonly round: Effect.Effect<number, never, GatewayServices>
  },
): { readonly close: () => Promise<void> } => {
  const round = options.round.pipe(
    Effect.tap((done) =>
      done > 0
        ? Effect.logInfo(`${options.name}.round`).pipe(Effect.annotateLogs({ [options.count]: done }))
        : Effect.void,
    ),
    Effect.catchAllCause((cause) => Effect.logError(`${options.name}.failed`, cause)),
  )
  const fiber = runtime.runFork(round.pipe(Effect.repeat(Schedule.spaced(options.every))))
  return { close: () => runtime.runPromise(Fiber.interrupt(fiber)).then(() => undefined) }
}
