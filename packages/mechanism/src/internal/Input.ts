// Decoding a command's input into the kernel's `InvalidInput`: the path of the
// first offending field and the rule's catalogue key, never the value (which may
// be a name or a phone number). A schema failure without a rule of its own (a
// missing field, a wrong type) is reported as `mechanism.input.invalid`.
import { Catalogue, Errors, kernelMessages } from "@bashke/kernel"
import { Effect, ParseResult, Schema } from "effect"
import { mechanismMessages } from "../MechanismMessages"

const known = (message: string): boolean =>
  Catalogue.has(mechanismMessages, message) || Catalogue.has(kernelMessages, message)

/** @internal */
export const toInvalidInput = (error: ParseResult.ParseError): Errors.InvalidInput => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues.find((issue) => known(issue.message)) ?? issues[0]
  return new Errors.InvalidInput({
    field: first === undefined || first.path.length === 0 ? "input" : first.path.map(String).join("."),
    rule: first !== undefined && known(first.message) ? first.message : "mechanism.input.invalid",
  })
}

/** @internal */
export const decode =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (input: unknown): Effect.Effect<A, Errors.InvalidInput> =>
    Schema.decodeUnknown(schema, { errors: "first", onExcessProperty: "ignore" })(input).pipe(
      Effect.mapError(toInvalidInput),
    )
