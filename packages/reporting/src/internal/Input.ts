// The kernel's input decoding bound to this package's rules: a failure without a
// rule of its own (a missing field, a wrong type) is `reporting.input.invalid`.
import { type Errors, Input } from "@bashke/kernel"
import type { Effect, Schema } from "effect"
import { reportingMessages } from "../ReportingMessages"

/** @internal */
export const decodeInput: <A, I>(
  schema: Schema.Schema<A, I>,
) => (input: unknown) => Effect.Effect<A, Errors.InvalidInput> = Input.decode({
  messages: reportingMessages,
  fallback: "reporting.input.invalid",
})
