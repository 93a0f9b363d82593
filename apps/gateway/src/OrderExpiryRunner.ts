/**
 * Protection orders past their end expire by themselves: wherever the
 * notifications' scheduler runs (the server with `BASHKE_SCHEDULER=on`, or
 * `bashke worker`), a round of `OrderExpiry.expireDue` (through the case
 * package's `CaseRounds` service) runs every minute until closed. Two instances may run rounds at once: each order expires in a
 * transaction that claims its case, so one of them does it and the other
 * finds it done.
 */
import { CaseRounds } from "@bashke/case"
import { Effect, type ManagedRuntime } from "effect"
import * as Rounds from "./Rounds"
import type { GatewayServices } from "./Services"

/** One round, through the case package's service (`CaseRounds`): how many orders it expired. */
export const expireOrders: Effect.Effect<number, never, CaseRounds.CaseRounds> = Effect.flatMap(
  CaseRounds.CaseRounds,
  (rounds) => rounds.expireOrders,
)

/** How often a round runs. */
export const every = "1 minute"

/** Runs rounds in `runtime` until closed; a failed round is logged and the next one runs. */
export const start = (
  runtime: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
): { readonly close: () => Promise<void> } =>
  Rounds.start(runtime, { name: "order.expiry", every, count: "expired", round: expireOrders })
