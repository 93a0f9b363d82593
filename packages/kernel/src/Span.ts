/**
 * Spans without a stack trace. `Effect.withSpan(name)` builds an `Error` on
 * every call to remember where the span was opened; the trace is read only
 * when the span fails, and then the tagged error or the defect names what
 * failed. On the request path those traces were a measurable share of the CPU,
 * and effect 3.22 has no global switch for them, only this span option. Every
 * package's hot paths use this one helper.
 */
import { Effect } from "effect"

const untracedOptions = { captureStackTrace: false } as const

/**
 * `Effect.withSpan` without the stack trace, with optional attributes.
 */
export const untraced = (
  name: string,
  attributes?: Readonly<Record<string, unknown>>,
): (<A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>) =>
  Effect.withSpan(name, attributes === undefined ? untracedOptions : { attributes, captureStackTrace: false })
