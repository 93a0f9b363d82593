// Property tests with fast-check 4 inside `it.effect`: @effect/vitest's `prop`
// takes effect's bundled fast-check 3, whose arbitraries are another type. The
// property runs with the test's services (layer, TestClock) and fails the test
// with fast-check's counterexample.
import { Effect } from "effect"
import * as fc from "fast-check"

export const property = <T, R>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Effect.Effect<void, unknown, R>,
  parameters: fc.Parameters<[T]> = {},
): Effect.Effect<void, never, R> =>
  Effect.flatMap(Effect.context<R>(), (context) =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(arbitrary, (value) => Effect.runPromise(Effect.provide(predicate(value), context))),
        parameters,
      ),
    ),
  )
