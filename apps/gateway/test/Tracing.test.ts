// Tracing in the gateway's services: off unless a tracer is given. Nothing
// receives a span by default, yet every use case and SQL statement would make
// one on every request (5 to 20 % of a case read's CPU time); with a tracer the
// spans go to it, as the existence-oracle test counts them.
import { Effect, FiberRef, Layer, ManagedRuntime, Tracer } from "effect"
import { describe, expect, it } from "vitest"
import * as PdfFontFile from "../src/PdfFontFile"
import * as Services from "../src/Services"
import { databases } from "./support/Gateway"

const db = databases[0]
if (db === undefined) throw new Error("no test database")

const runtimeOf = (tracer?: Tracer.Tracer) =>
  ManagedRuntime.make(
    Services.layer(Services.testKeys, {
      pdfFont: PdfFontFile.layer,
      ...(tracer === undefined ? {} : { tracer }),
    }).pipe(Layer.provideMerge(db.layer), Layer.orDie),
  )

describe("the services' tracing", () => {
  it("is off when no tracer is given: a span is not made for nobody", async () => {
    const runtime = runtimeOf()
    try {
      expect(await runtime.runPromise(FiberRef.get(FiberRef.currentTracerEnabled))).toBe(false)
      // What a use case's span becomes: a no-op, never handed to a tracer.
      const span = await runtime.runPromise(Effect.withSpan(Effect.currentSpan, "CaseService.read"))
      expect({ spanId: span.spanId, sampled: span.sampled }).toEqual({ spanId: "noop", sampled: false })
    } finally {
      await runtime.dispose()
    }
  })

  it("sends every span to the tracer given", async () => {
    const names: Array<string> = []
    const recording = Effect.runSync(
      Effect.map(Effect.tracer, (base) =>
        Tracer.make({
          span: (name, ...rest) => {
            names.push(name)
            return base.span(name, ...rest)
          },
          context: base.context,
        }),
      ),
    )
    const runtime = runtimeOf(recording)
    try {
      expect(await runtime.runPromise(FiberRef.get(FiberRef.currentTracerEnabled))).toBe(true)
      const span = await runtime.runPromise(Effect.withSpan(Effect.currentSpan, "CaseService.read"))
      expect(span.spanId).not.toBe("noop")
      expect(names).toEqual(["CaseService.read"])
    } finally {
      await runtime.dispose()
    }
  })
})
