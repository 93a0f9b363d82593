/**
 * Closed cases past their retention period are erased by crypto-shredding
 * (ADR 0012) wherever the notifications' scheduler runs, like order expiry:
 * a round of `CaseRetention.eraseDue` (through `CaseRounds`) every ten
 * minutes until closed. Two instances may run rounds at once: each case is
 * erased in a transaction that claims it, so one of them does it and the
 * other finds it done.
 */
import { CaseRounds } from "@bashke/case"
import { Effect, type ManagedRuntime } from "effect"
import * as Rounds from "./Rounds"
import type { GatewayServices } from "./Services"

/** One round, through the case package's service (`CaseRounds`): how many cases it erased. */
export const eraseDue: Effect.Effect<number, never, CaseRounds.CaseRounds> = Effect.flatMap(
  CaseRounds.CaseRounds,
  (rounds) => rounds.eraseDue,
)

/** How often a round runs: periods are months long, a few minutes late is nothing. */
export const every = "10 minutes"

/** Runs rounds in `runtime` until closed; a failed round is logged and the next one runs. */
export const start = (
  runtime: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
): { readonly close: () => Promise<void> } =>
  Rounds.start(runtime, { name: "case.retention", every, count: "erased", round: eraseDue })
