// Over SQLite the requests' throttle counts in the process's memory: without
// a purge, every address that ever failed to authenticate stayed there for
// the life of the process. A round of `ThrottlePurgeRunner` drops, from the
// requests' throttle and the sign-ins', every key left alone for a day, and
// only those. Time is the test clock's.
import { Throttle } from "@bashke/persistence"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import * as RequestThrottle from "../../src/RequestThrottle"
import * as ThrottlePurgeRunner from "../../src/ThrottlePurgeRunner"

const throttles = Layer.merge(RequestThrottle.layerOf(Throttle.layerMemory), Throttle.layerMemory)

describe("ThrottlePurgeRunner", () => {
  it.effect("drops the keys left alone for a day from both throttles, and only those", () =>
    Effect.gen(function* () {
      const requests = yield* RequestThrottle.RequestThrottle
      const signIns = yield* Throttle.Throttle
      // Past the free failures: the address waits out a backoff.
      for (let i = 0; i < 12; i++) yield* requests.fail("auth.address", "203.0.113.7", Throttle.defaultBackoff)
      yield* signIns.fail("sign-in.account", "account-1", Throttle.defaultBackoff)
      expect((yield* requests.standing("auth.address", "203.0.113.7")).allowed).toBe(false)

      expect(yield* ThrottlePurgeRunner.round).toBe(0)
      yield* TestClock.adjust("23 hours")
      // A key used again within the day is kept.
      yield* requests.fail("auth.address", "198.51.100.9", Throttle.defaultBackoff)
      expect(yield* ThrottlePurgeRunner.round).toBe(0)

      yield* TestClock.adjust("2 hours")
      expect(yield* ThrottlePurgeRunner.round).toBe(2)
      expect(yield* ThrottlePurgeRunner.round).toBe(0)
      yield* TestClock.adjust("1 day")
      expect(yield* ThrottlePurgeRunner.round).toBe(1)
      // What was dropped counts as never seen: the address is not waiting.
      expect((yield* requests.standing("auth.address", "203.0.113.7")).allowed).toBe(true)
    }).pipe(Effect.provide(throttles)),
  )
})
