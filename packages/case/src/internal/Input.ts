// Decoding untrusted input into the kernel's `InvalidInput`: the path of the
// first offending field and the rule's catalogue key, never the value (which may
// be a name or a phone number). A schema failure without a rule of its own (a
// missing field, a wrong type) is reported as `case.input.invalid`.
import { Catalogue, Errors, kernelMessages } from "@bashke/kernel"
import { type Effect, Either, ParseResult, Schema } from "effect"

// A case rule (this package's two catalogue parts) or a kernel rule.
const isRule = (message: string): boolean =>
  /^case\.[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(message) || Catalogue.has(kernelMessages, message)

/** @internal */
export const toInvalidInput = (error: ParseResult.ParseError): Errors.InvalidInput => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues.find((issue) => isRule(issue.message)) ?? issues[0]
  return new Errors.InvalidInput({
    field: first === undefined || first.path.length === 0 ? "input" : first.path.map(String).join("."),
    rule: first !== undefined && isRule(first.message) ? first.message : "case.input.invalid",
  })
}

/** @internal Decodes `input` with `schema`, or the first rule it breaks. */
export const decodeEither =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (input: unknown): Either.Either<A, Errors.InvalidInput> =>
    Either.mapLeft(
      Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })(input),
      toInvalidInput,
    )

/** @internal `decodeEither` as an Effect. */
export const decode =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (input: unknown): Effect.Effect<A, Errors.InvalidInput> =>
    decodeEither(schema)(input)
