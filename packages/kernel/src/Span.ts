/**
 * Spans without a stack trace. `Effect.withSpan(name)` builds an `Error` on
 * every call to remember where the span was opened; the trace is read only
 * when the span fails, and then the tagged error or the defect names what
 * failed. On the request path those traces were a measurable share of the CPU,
 * and effect 3.22 has no global switch for them, only this span option. Every
 * package's hot paths use this one helper.
 *
 * Where tracing is off (`Layer.setTracerEnabled(false)`: the gateway without
 * a tracer) no span is opened at all (ADR 0041). Effect would still make a
 * no-op span, put it in the fiber's context (a copy of every service in it)
 * and take it out again: the cost of a span, for nobody.
 */
import { Effect, FiberRef } from "effect"

const untracedOptions = { captureStackTrace: false } as const

/**
 * `Effect.withSpan` without the stack trace, with optional attributes; the
 * effect as it is where tracing is off.
 */
export const untraced = (
  name: string,
  attributes?: Readonly<Record<string, unknown>>,
): (<A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>) => {
  const spanned = Effect.withSpan(
    name,
    attributes === undefined ? untracedOptions : { attributes, captureStackTrace: false },
  )
  return (self) =>
    Effect.withFiberRuntime((fiber) => (fiber.getFiberRef(FiberRef.currentTracerEnabled) ? spanned(self) : self))
}
