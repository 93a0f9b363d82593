/**
 * An indicator's progress toward its target:
 * (latest − baseline) ÷ (target − baseline), clamped to [0, 1].
 *
 * The same formula serves decreasing targets (fewer repeat incidents): both
 * differences are negative, so a fall from 40 toward 20 that reaches 30 is 0.5.
 * Moving away from the target clamps to 0; passing it clamps to 1 and
 * `achieved` says so. When target and baseline are equal the target is met
 * exactly when the latest value equals it (1), else 0.
 *
 * The latest value is the end-line survey's when there is one, else the
 * measurement with the latest date (the last recorded on a tie).
 */
import type { Indicator, Measurement } from "./ActionPlan"

/**
 * Progress and what it was computed from.
 */
export interface Progress {
  readonly baseline: number
  readonly target: number
  /** The latest value, or `null` when nothing was measured yet. */
  readonly latest: number | null
  /** In [0, 1], or `null` when nothing was measured yet. */
  readonly progress: number | null
  /** Whether the latest value reached the target, in the target's direction. */
  readonly achieved: boolean
}

/**
 * The measurement the progress is computed from.
 */
export const latestMeasurement = (indicator: Pick<Indicator, "measurements" | "endline">): Measurement | undefined => {
  if (indicator.endline !== undefined) return indicator.endline
  let latest: Measurement | undefined
  for (const measurement of indicator.measurements)
    if (latest === undefined || measurement.date >= latest.date) latest = measurement
  return latest
}

/**
 * The progress from baseline toward target at `latest`.
 */
export const ratio = (baseline: number, target: number, latest: number): number => {
  if (target === baseline) return latest === target ? 1 : 0
  const raw = (latest - baseline) / (target - baseline)
  return Math.min(1, Math.max(0, raw))
}

/**
 * Whether `latest` reached `target` coming from `baseline`.
 */
export const reached = (baseline: number, target: number, latest: number): boolean =>
  target >= baseline ? latest >= target : latest <= target

/**
 * An indicator's progress; `latest` overrides the measurements (a computed value).
 */
export const compute = (
  indicator: Pick<Indicator, "baseline" | "target" | "measurements" | "endline">,
  latest?: number,
): Progress => {
  const value = latest ?? latestMeasurement(indicator)?.value
  const baseline = indicator.baseline.value
  const target = indicator.target
  return value === undefined
    ? { baseline, target, latest: null, progress: null, achieved: false }
    : {
        baseline,
        target,
        latest: value,
        progress: ratio(baseline, target, value),
        achieved: reached(baseline, target, value),
      }
}
