import { describe, expect, it } from "vitest"
import type { D1Client } from "../src/d1"
import { attempts, pauseBefore, steadyD1 } from "./support/SteadyD1"

// A statement that throws the given errors in turn, then answers.
const flaky = (errors: Array<Error>, calls: { n: number }): D1Client.D1Database => {
  const statement: D1Client.D1PreparedStatement = {
    bind: () => statement,
    all: async <T>() => {
      calls.n++
      const error = errors.shift()
      if (error !== undefined) throw error
      return { results: [{ n: 1 } as T] }
    },
    raw: async <T>() => {
      calls.n++
      const error = errors.shift()
      if (error !== undefined) throw error
      return [[1] as T]
    },
  }
  return { prepare: () => statement }
}

describe("steadyD1 (the Miniflare emulator's bookkeeping assertion)", () => {
  it("runs a statement again when the emulator's assertion failed, and answers its result", async () => {
    const calls = { n: 0 }
    const db = steadyD1(flaky([new Error("D1_ERROR: false == true"), new Error("false == true")], calls))
    await expect(db.prepare("SELECT 1").bind().all()).resolves.toEqual({ results: [{ n: 1 }] })
    expect(calls.n).toBe(3)
  })

  it("passes every other error on at once", async () => {
    const calls = { n: 0 }
    const db = steadyD1(flaky([new Error("UNIQUE constraint failed: t.id")], calls))
    await expect(db.prepare("INSERT").bind(1).raw()).rejects.toThrow("UNIQUE constraint failed")
    expect(calls.n).toBe(1)
  })

  it("pauses longer before each attempt, and gives up after the last", async () => {
    const calls = { n: 0 }
    const pauses: Array<number> = []
    const db = steadyD1(
      flaky(
        Array.from({ length: attempts + 1 }, () => new Error("false == true")),
        calls,
      ),
      { pause: async (milliseconds) => void pauses.push(milliseconds) },
    )
    await expect(db.prepare("SELECT 1").all()).rejects.toThrow("false == true")
    expect(calls.n).toBe(attempts)
    expect(pauses).toEqual([20, 40, 80, 160, 320, 640, 1000, 1000, 1000])
    expect(pauses).toEqual(Array.from({ length: attempts - 1 }, (_, index) => pauseBefore(index + 1)))
  })

  it("waits for real by default", async () => {
    const calls = { n: 0 }
    const started = performance.now()
    const db = steadyD1(flaky([new Error("false == true")], calls))
    await expect(db.prepare("SELECT 1").raw()).resolves.toEqual([[1]])
    // At least the first pause (20 ms); no upper bound, the machine may be busy.
    expect(performance.now() - started).toBeGreaterThanOrEqual(19)
    expect(calls.n).toBe(2)
  })
})
