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

// A field path names what the schema declares; a name the client made up (an
// unknown key, a key of a record) is echoed only when it looks like a field name,
// so a key that is really data (a name, a number) never comes back in a refusal.
const fieldName = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/
const pathOf = (path: ReadonlyArray<PropertyKey>): string =>
  path
    .map((segment) =>
      typeof segment === "number" || fieldName.test(String(segment)) || /^\d{1,6}$/.test(String(segment))
        ? String(segment)
        : "*",
    )
    .join(".")

/** A decoder for one schema and part of the request, built once per route. */
export const decoder = <A>(
  schema: Schema.Schema<A, any>,
  location: FieldLocation,
): ((value: unknown) => Either.Either<A, Refusal>) => {
  const decodeEither = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })
  return (value) =>
    Either.mapLeft(decodeEither(value), (error): Refusal => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
      const unexpected = issues.find((issue) => issue._tag === "Unexpected" && issue.path.length > 0)
      if (unexpected !== undefined && !issues.some((issue) => issue._tag !== "Unexpected")) {
        return {
          error: new Errors.InvalidInput({ field: pathOf(unexpected.path), rule: "gateway.input.unknown-field" }),
          location,
        }
      }
      const found = Input.invalidInput(rules, error)
      return {
        error: new Errors.InvalidInput({ field: pathOf(found.field.split(".")), rule: found.rule }),
        location,
      }
    })
}
