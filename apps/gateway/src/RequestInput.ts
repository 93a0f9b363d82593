/**
 * Decoding what a request carries (path, query, body) with a route's schemas.
 * Unknown fields are refused rather than dropped, so a client misspelling a
 * field learns it instead of silently losing a value. The refusal names the
 * field and a rule, never the value.
 */
import { Errors, Input } from "@bashke/kernel"
import { Either, ParseResult, Schema } from "effect"
import { messages } from "./GatewayMessages"
import type { FieldLocation } from "./Problem"

/** An `InvalidInput` and the part of the request it is about. */
export interface Refusal {
  readonly error: Errors.InvalidInput
  readonly location: FieldLocation
}

const rules: Input.Rules = { messages, fallback: "gateway.input.invalid" }

export const decode = <A>(
  schema: Schema.Schema<A, any>,
  value: unknown,
  location: FieldLocation,
): Either.Either<A, Refusal> =>
  Either.mapLeft(
    Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(value),
    (error): Refusal => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
      const unexpected = issues.find((issue) => issue._tag === "Unexpected" && issue.path.length > 0)
      if (unexpected !== undefined && !issues.some((issue) => issue._tag !== "Unexpected")) {
        return {
          error: new Errors.InvalidInput({
            field: unexpected.path.map(String).join("."),
            rule: "gateway.input.unknown-field",
          }),
          location,
        }
      }
      return { error: Input.invalidInput(rules, error), location }
    },
  )
