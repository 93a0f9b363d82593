/**
 * Protection orders past their end expire by themselves: wherever the
 * notifications' scheduler runs (the server with `BASHKE_SCHEDULER=on`, or
 * `bashke worker`), a round of `OrderExpiry.expireDue` runs every minute until
 * closed. Two instances may run rounds at once: each order expires in a
 * transaction that claims its case, so one of them does it and the other
 * finds it done.
 */
import { OrderExpiry } from "@bashke/case"
import { Effect, Fiber, type ManagedRuntime, Schedule } from "effect"
import type { GatewayServices } from "./Services"

/** How often a round runs. */
export const every = "1 minute"

/** Runs rounds in `runtime` until closed; a failed round is logged and the next one runs. */
export const start = (
  runtime: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
): { readonly close: () => Promise<void> } => {
  const round = OrderExpiry.expireDue.pipe(
    Effect.tap((expired) =>
      expired > 0 ? Effect.logInfo("order.expiry.round").pipe(Effect.annotateLogs({ expired })) : Effect.void,
    ),
    Effect.catchAllCause((cause) => Effect.logError("order.expiry.failed", cause)),
  )
  const fiber = runtime.runFork(round.pipe(Effect.repeat(Schedule.spaced(every))))
  return { close: () => runtime.runPromise(Fiber.interrupt(fiber)).then(() => undefined) }
}
