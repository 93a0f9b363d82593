/**
 * The circuit breaker in front of each hook of each plugin, as a pure state
 * machine over times in milliseconds:
 *
 * - **closed**: calls go through; `failures` counts consecutive failures, and
 *   the `threshold`-th opens the breaker;
 * - **open**: calls are refused without running, until `coolDown` has passed
 *   since it opened;
 * - **half-open**: one trial call goes through (others are refused while it
 *   runs); its success closes the breaker, its failure opens it again.
 *
 * A success always closes the breaker. Only transient failures count (see
 * `PluginFailure.classify`): a record the plugin rejects as malformed says
 * nothing about the plugin's health.
 */
import { Data } from "effect"

export interface Settings {
  /** Consecutive failures that open the breaker (1 or more). */
  readonly threshold: number
  /** How long the breaker stays open before a trial call, in milliseconds. */
  readonly coolDownMillis: number
}

/**
 * Five failures in a row open the breaker for 30 seconds.
 */
export const defaults: Settings = { threshold: 5, coolDownMillis: 30_000 }

export type State = Data.TaggedEnum<{
  Closed: { readonly failures: number }
  Open: { readonly since: number }
  HalfOpen: { readonly trial: boolean }
}>

export const State = Data.taggedEnum<State>()

/**
 * A new breaker: closed, no failures.
 */
export const initial: State = State.Closed({ failures: 0 })

/**
 * Whether a call may run now, and the state once it is admitted or refused.
 * An open breaker whose cool-down has passed turns half-open and admits one
 * trial.
 */
export const admit = (
  settings: Settings,
  state: State,
  now: number,
): { readonly admitted: boolean; readonly state: State } => {
  switch (state._tag) {
    case "Closed":
      return { admitted: true, state }
    case "Open":
      return now - state.since >= settings.coolDownMillis
        ? { admitted: true, state: State.HalfOpen({ trial: true }) }
        : { admitted: false, state }
    case "HalfOpen":
      return state.trial ? { admitted: false, state } : { admitted: true, state: State.HalfOpen({ trial: true }) }
  }
}

/**
 * The state after an admitted call succeeded: closed, no failures.
 */
export const succeed = (_state: State): State => State.Closed({ failures: 0 })

/**
 * The state after an admitted call failed (transiently) at `now`.
 */
export const fail = (settings: Settings, state: State, now: number): State => {
  switch (state._tag) {
    case "Closed":
      return state.failures + 1 >= Math.max(1, settings.threshold)
        ? State.Open({ since: now })
        : State.Closed({ failures: state.failures + 1 })
    case "HalfOpen":
      return State.Open({ since: now })
    // A call admitted before the breaker opened, finishing late: it stays open from then.
    case "Open":
      return state
  }
}

/**
 * The state after an admitted call ended without a verdict on the plugin's
 * health (a permanent failure: the input was at fault). A half-open trial
 * that ends so is not a success, so the next call is a trial again.
 */
export const neutral = (state: State): State => (state._tag === "HalfOpen" ? State.HalfOpen({ trial: false }) : state)

/**
 * The status to report: `open` while calls are refused, `half-open` from the
 * end of the cool-down until a trial succeeds.
 */
export const status = (settings: Settings, state: State, now: number): "closed" | "open" | "half-open" => {
  switch (state._tag) {
    case "Closed":
      return "closed"
    case "Open":
      return now - state.since >= settings.coolDownMillis ? "half-open" : "open"
    case "HalfOpen":
      return "half-open"
  }
}
