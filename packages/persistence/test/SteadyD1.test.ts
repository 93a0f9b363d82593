import { describe, expect, it } from "vitest"
import type { D1Client } from "../src/d1"
import { steadyD1 } from "./support/SteadyD1"

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

  it("gives up after five attempts", async () => {
    const calls = { n: 0 }
    const db = steadyD1(
      flaky(
        Array.from({ length: 6 }, () => new Error("false == true")),
        calls,
      ),
    )
    await expect(db.prepare("SELECT 1").all()).rejects.toThrow("false == true")
    expect(calls.n).toBe(5)
  })
})
