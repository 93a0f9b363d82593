/**
 * Counts nobody consults any more are dropped, in every serving process: the
 * requests' throttle (`RequestThrottle`: in this process's memory over SQLite,
 * where it would otherwise keep every address that ever failed to
 * authenticate, for the life of the process) and the sign-ins' (`Throttle`:
 * the store's table, on every dialect). A key untouched for a day and not
 * waiting out a backoff is dropped: every backoff forgets after an hour
 * (`Throttle.defaultBackoff`, `SignInThrottle`), so its next failure starts
 * from nothing either way, and a rate's bucket has long refilled.
 */
import { Throttle } from "@bashke/persistence"
import { Effect, type ManagedRuntime } from "effect"
import { RequestThrottle } from "./RequestThrottle"
import * as Rounds from "./Rounds"
import type { GatewayServices } from "./Services"

/** How often a round runs. */
export const every = "10 minutes"

/** How long a key must have been left alone to be dropped. */
export const olderThan = "1 day"

/** One round: the keys dropped from both throttles. */
export const round: Effect.Effect<number, never, RequestThrottle | Throttle.Throttle> = Effect.zipWith(
  Effect.flatMap(RequestThrottle, (throttle) => throttle.purge(olderThan)),
  Effect.flatMap(Throttle.Throttle, (throttle) => throttle.purge(olderThan)),
  (requests, signIns) => requests + signIns,
)

/** Runs rounds in `runtime` until closed; a failed round is logged and the next one runs. */
export const start = (
  runtime: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
): { readonly close: () => Promise<void> } =>
  Rounds.start(runtime, { name: "throttle.purge", every, count: "purged", round })
