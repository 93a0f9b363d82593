import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { Span } from "../src"

describe("Span.untraced", () => {
  it.effect("opens a span with the name and attributes", () =>
    Effect.gen(function* () {
      const span = yield* Effect.currentSpan.pipe(Span.untraced("Kernel.test", { topic: "case.case.opened" }))
      expect(span.name).toBe("Kernel.test")
      expect(span.attributes.get("topic")).toBe("case.case.opened")
    }),
  )

  it.effect("opens none where tracing is off: the effect runs as it is, with the span around it before", () =>
    Effect.gen(function* () {
      const outer = yield* Effect.currentSpan.pipe(Span.untraced("Kernel.outer"))
      const inner = yield* Effect.currentSpan.pipe(
        Effect.option,
        Span.untraced("Kernel.inner"),
        Effect.withTracerEnabled(false),
        Span.untraced("Kernel.outer"),
      )
      expect(outer.name).toBe("Kernel.outer")
      // The span the effect sees is the one opened outside, not a no-op one of its own.
      expect(Option.map(inner, (span) => span.name)).toEqual(Option.some("Kernel.outer"))
    }),
  )
})
