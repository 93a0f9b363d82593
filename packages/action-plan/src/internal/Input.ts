// The kernel's input decoding bound to this package's rules: a failure without a
// rule of its own (a missing field, a wrong type) is `action-plan.input.invalid`.
import { type Errors, Input } from "@bashke/kernel"
import type { Effect, Schema } from "effect"
import { actionPlanMessages } from "../ActionPlanMessages"

/** @internal */
export const decodeInput: <A, I>(
  schema: Schema.Schema<A, I>,
) => (input: unknown) => Effect.Effect<A, Errors.InvalidInput> = Input.decode({
  messages: actionPlanMessages,
  fallback: "action-plan.input.invalid",
})
