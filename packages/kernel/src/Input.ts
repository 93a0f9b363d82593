/**
 * Decoding untrusted input (a command, a request body) into the kernel's
 * `InvalidInput`: the path of the first offending field and the catalogue key of
 * the rule it breaks, never the value, which may be a name or a phone number. A
 * schema failure without a rule of its own (a missing field, a wrong type) is
 * reported under the package's fallback rule (`case.input.invalid`).
 */
import { type Effect, Either, ParseResult, Schema, type SchemaAST } from "effect"
import * as Catalogue from "./Catalogue"
import * as Errors from "./Errors"
import { kernelMessages } from "./Messages"
import * as PlainDecoder from "./PlainDecoder"

/**
 * Where the rules come from: the package's catalogue part (the kernel's own
 * rules are always known) and the rule for failures that name none.
 */
export interface Rules {
  readonly messages: Catalogue.Catalogue<string>
  readonly fallback: string
}

const isRule = (rules: Rules, message: string): boolean =>
  Catalogue.has(rules.messages, message) || Catalogue.has(kernelMessages, message)

/**
 * The `InvalidInput` for a parse error: the first issue that names a known rule,
 * else the first issue under the fallback rule.
 */
export const invalidInput = (rules: Rules, error: ParseResult.ParseError): Errors.InvalidInput => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues.find((issue) => isRule(rules, issue.message)) ?? issues[0]
  return new Errors.InvalidInput({
    field: first === undefined || first.path.length === 0 ? "input" : first.path.map(String).join("."),
    rule: first !== undefined && isRule(rules, first.message) ? first.message : rules.fallback,
  })
}

// Each schema's compiled checks (`PlainDecoder`), made once: `null` when the
// schema has a part they do not cover.
const compiled = new WeakMap<SchemaAST.AST, PlainDecoder.Check | null>()
const checksOf = (schema: Schema.Schema.Any): PlainDecoder.Check | undefined => {
  let checks = compiled.get(schema.ast)
  if (checks === undefined) {
    checks = PlainDecoder.checksOf(schema as Schema.Schema<unknown, unknown, never>) ?? null
    compiled.set(schema.ast, checks)
  }
  return checks ?? undefined
}

/**
 * Decodes `input` with `schema` (extra properties ignored), or the first rule it
 * breaks. The schema's compiled checks (`PlainDecoder`) decode first: what
 * they accept is what Effect's decoding answers, at a fraction of its cost (a
 * bulk import's page of commands); whatever they refuse, and every schema they
 * do not cover, is Effect's to decode and to name the broken rule.
 */
export const decodeEither =
  (rules: Rules) =>
  <A, I>(schema: Schema.Schema<A, I>) =>
  (input: unknown): Either.Either<A, Errors.InvalidInput> => {
    const fast = checksOf(schema)?.(input)
    if (fast !== undefined) return Either.right(fast.value as A)
    return Either.mapLeft(
      Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })(input),
      (error) => invalidInput(rules, error),
    )
  }

/**
 * {@link decodeEither} as an Effect.
 */
export const decode =
  (rules: Rules) =>
  <A, I>(schema: Schema.Schema<A, I>) =>
  (input: unknown): Effect.Effect<A, Errors.InvalidInput> =>
    decodeEither(rules)(schema)(input)
