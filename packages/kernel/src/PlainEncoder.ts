/**
 * An encoder compiled once from a schema's AST into plain functions, for the
 * answers the gateway encodes on every request (a whole case is ~400 values:
 * Effect's interpreter cost more than reading the case). It is
 * {@link PlainDecoder}'s counterpart for the way out, and like it may only
 * ever agree with Effect.
 *
 * Covered: structs (optional keys; keys the schema does not name dropped, as
 * Effect drops them), records of string keys, arrays and non-empty arrays,
 * strings, numbers, booleans, `undefined`, `unknown`, literals, refinements
 * (their filters run on the value, as Effect runs them before encoding),
 * unions with at most one member that takes objects, and transformations
 * whose two sides are covered and whose encoding is a plain function (Effect's
 * own, called as Effect calls it: `Schema.Date` and its like), with
 * `DateFromSelf` as their type side. Anything else makes {@link make} use
 * `Schema.encode` for the whole schema, and a value the compiled functions
 * refuse is encoded by Effect again, so a failure (and its message) is
 * Effect's own.
 *
 * ```ts
 * const encode = PlainEncoder.make(Case.Case)
 * const wire = yield* encode(aCase) // Effect<typeof Case.Case.Encoded, ParseError>
 * ```
 */
import { Effect, type ParseResult, Schema } from "effect"
import { compiler, refused, wrapped } from "./internal/plainCompiler"

/** Encodes a value: `undefined` when the compiled functions refuse it. */
export type Encode = (input: unknown) => { readonly value: unknown } | undefined

const compile = compiler("encode")

/**
 * The compiled encoding of a schema, or `undefined` when the schema has a
 * part it does not cover (then {@link make} uses Effect alone).
 */
export const encoderOf = <A, I>(schema: Schema.Schema<A, I, never>): Encode | undefined => {
  const run = compile(schema.ast)
  return run === undefined ? undefined : wrapped(run)
}

/**
 * An encoder for `schema`: the compiled functions first, Effect's encoding
 * for whatever they refuse (or for the whole schema when it is not covered).
 */
export const make = <A, I>(
  schema: Schema.Schema<A, I, never>,
): ((value: A) => Effect.Effect<I, ParseResult.ParseError>) => {
  const slow = Schema.encode(schema)
  const fast = compile(schema.ast)
  if (fast === undefined) return slow
  return (value) => {
    const encoded = fast(value)
    return encoded === refused ? slow(value) : Effect.succeed(encoded as I)
  }
}
