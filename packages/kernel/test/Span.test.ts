import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Span } from "../src"

describe("Span.untraced", () => {
  it.effect("opens a span with the name and attributes", () =>
    Effect.gen(function* () {
      const span = yield* Effect.currentSpan.pipe(Span.untraced("Kernel.test", { topic: "case.case.opened" }))
      expect(span.name).toBe("Kernel.test")
      expect(span.attributes.get("topic")).toBe("case.case.opened")
    }),
  )
})
