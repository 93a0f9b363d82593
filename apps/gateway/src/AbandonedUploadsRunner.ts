/**
 * The chunks of uploads whose process died are swept (ADR 0024) on every
 * start and then every ten minutes, by every instance, the scheduler on or
 * off: a sweep is cheap when there is nothing to sweep, and two instances
 * sweeping at once remove the same chunks twice, which does nothing the
 * second time.
 */
import { AbandonedUploads } from "@bashke/case"
import type { ManagedRuntime } from "effect"
import * as Rounds from "./Rounds"
import type { GatewayServices } from "./Services"

/** How often a round runs after the first, on start. */
export const every = "10 minutes"

/** Runs rounds in `runtime` until closed; a failed round is logged and the next one runs. */
export const start = (
  runtime: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
): { readonly close: () => Promise<void> } =>
  Rounds.start(runtime, { name: "case.documents.abandoned", every, count: "removed", round: AbandonedUploads.sweep })
