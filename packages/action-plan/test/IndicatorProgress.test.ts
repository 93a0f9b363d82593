import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import * as IndicatorProgress from "../src/IndicatorProgress"
import { ids, plan } from "./support/Fixtures"

const indicator = (id: string) => plan.indicators.find((i) => i.id === id)!

describe("IndicatorProgress.compute: worked examples", () => {
  it("increasing target: baseline 40 %, target 70 %, latest 52 % → (52 − 40) / (70 − 40) = 0.4", () => {
    const progress = IndicatorProgress.compute(indicator(ids.awareness))
    expect(progress).toMatchObject({ baseline: 40, target: 70, latest: 52, achieved: false })
    expect(progress.progress).toBeCloseTo(0.4, 12)
  })

  it("decreasing target: 40 repeat reports down toward 20, latest 30 → (30 − 40) / (20 − 40) = 0.5", () => {
    expect(IndicatorProgress.compute(indicator(ids.repeat))).toEqual({
      baseline: 40,
      target: 20,
      latest: 30,
      progress: 0.5,
      achieved: false,
    })
  })

  it("the end-line survey's value overrides the measurements", () => {
    const ended = {
      ...indicator(ids.repeat),
      endline: { value: 18, unit: "count" as const, date: "2026-12-15", source: "End-line survey 2026" },
    }
    expect(IndicatorProgress.compute(ended)).toMatchObject({ latest: 18, progress: 1, achieved: true })
  })

  it("moving away from the target clamps to 0; nothing measured gives no progress", () => {
    expect(IndicatorProgress.ratio(40, 20, 45)).toBe(0)
    expect(IndicatorProgress.compute(indicator(ids.reviewed))).toMatchObject({ latest: null, progress: null })
  })

  it("a computed value (45 of 50 high-risk cases reviewed = 90 %) reaches the 90 % target", () => {
    expect(IndicatorProgress.compute(indicator(ids.reviewed), 90)).toMatchObject({ progress: 1, achieved: true })
  })

  it("the latest measurement is the one with the latest date", () => {
    const measured = {
      ...indicator(ids.awareness),
      measurements: [
        { value: 60, unit: "percent" as const, date: "2025-09-01", source: "Survey B" },
        { value: 52, unit: "percent" as const, date: "2025-02-15", source: "Survey A" },
      ],
    }
    expect(IndicatorProgress.latestMeasurement(measured)?.value).toBe(60)
  })

  it("a target equal to the baseline is met only at that value", () => {
    expect(IndicatorProgress.ratio(10, 10, 10)).toBe(1)
    expect(IndicatorProgress.ratio(10, 10, 11)).toBe(0)
  })
})

const value = fc.integer({ min: -1000, max: 1000 })

describe("IndicatorProgress.ratio: properties", () => {
  it("is in [0, 1]", () => {
    fc.assert(
      fc.property(value, value, value, (b, t, l) => {
        const r = IndicatorProgress.ratio(b, t, l)
        return r >= 0 && r <= 1
      }),
    )
  })

  it("is 0 at the baseline and 1 at the target", () => {
    fc.assert(
      fc.property(value, value, (b, t) => {
        fc.pre(b !== t)
        return IndicatorProgress.ratio(b, t, b) === 0 && IndicatorProgress.ratio(b, t, t) === 1
      }),
    )
  })

  it("never falls as the latest value moves toward the target", () => {
    fc.assert(
      fc.property(value, value, value, fc.nat(100), (b, t, l, step) => {
        // A target equal to its baseline has no direction to move toward: it is met at that value only (a worked example above).
        fc.pre(b !== t)
        const closer = t >= b ? l + step : l - step
        return IndicatorProgress.ratio(b, t, closer) >= IndicatorProgress.ratio(b, t, l)
      }),
    )
  })

  it("is 1 exactly when the target is reached (targets away from the baseline)", () => {
    fc.assert(
      fc.property(value, value, value, (b, t, l) => {
        fc.pre(b !== t)
        return (IndicatorProgress.ratio(b, t, l) === 1) === IndicatorProgress.reached(b, t, l)
      }),
    )
  })
})
