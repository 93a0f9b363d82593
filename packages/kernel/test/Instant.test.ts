import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema, TestClock } from "effect"
import { Instant } from "../src/index"

describe("Instant", () => {
  it.effect("now is the Clock's time, so TestClock moves it", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))
      expect((yield* Instant.now).toISOString()).toBe("2026-03-02T09:00:00.000Z")
      yield* TestClock.adjust("90 minutes")
      expect((yield* Instant.now).toISOString()).toBe("2026-03-02T10:30:00.000Z")
    }),
  )

  it("accepts a Date or an ISO 8601 string", () => {
    const decode = Schema.decodeUnknownSync(Instant.Instant)
    expect(decode("2026-03-02T09:00:00Z").toISOString()).toBe("2026-03-02T09:00:00.000Z")
    expect(decode(new Date(0)).getTime()).toBe(0)
    expect(() => decode("not a time")).toThrow()
  })
})
