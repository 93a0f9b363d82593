/**
 * A decoder compiled once from a schema's AST into plain checks (and the
 * schema's own plain transformations), used where one schema decodes every
 * record of a bulk import or every row of a read (Effect's interpreter costs
 * ~10 µs for a police report; the compiled checks well under one).
 *
 * The compiled checks cover structs (optional keys, excess keys dropped as
 * Effect drops them), arrays and non-empty arrays, strings, numbers,
 * booleans, `undefined`, `unknown`, literals, unions with at most one member
 * that takes objects (`Schema.optional` of a struct), and refinements (their own filter functions run: patterns,
 * lengths, brands, custom filters). They also cover the plain transformations
 * rows are read with (`Schema.Date`, `Schema.parseJson`, `NumberFromString`):
 * a transformation whose decoding is a plain function — Effect's own, called
 * as Effect calls it — between covered sides, `DateFromSelf` among them; the
 * decoded value is then the transformation's; and records of string keys.
 * Anything else — a transformation with defaults or an effect, a record with
 * declared keys, a recursive or other declared schema — makes {@link make} fall back to
 * `Schema.decodeUnknownEither` for the whole schema. Input the checks refuse
 * is decoded again by Effect, so the refusal (and its field) is Effect's own,
 * and the fast path can only ever agree with it.
 *
 * ```ts
 * const decode = PlainDecoder.make(PoliceRecord)
 * const report = decode(payload) // Either<PoliceRecord, ParseError>
 * ```
 */
import { Either, type ParseResult, Schema } from "effect"
import { compiler, refused, wrapped } from "./internal/plainCompiler"

/**
 * Decodes a value: `undefined` when the checks refuse it.
 */
export type Check = (input: unknown) => { readonly value: unknown } | undefined

const compile = compiler("decode")

/**
 * The compiled checks of a schema's encoded side, or `undefined` when the
 * schema has a part they do not cover (then {@link make} uses Effect alone).
 */
export const checksOf = <A, I>(schema: Schema.Schema<A, I, never>): Check | undefined => {
  const run = compile(schema.ast)
  return run === undefined ? undefined : wrapped(run)
}

/**
 * A decoder for `schema`: the compiled checks first, Effect's decoding for
 * whatever they refuse (or for the whole schema when it is not covered).
 */
export const make = <A, I>(
  schema: Schema.Schema<A, I, never>,
): ((input: unknown) => Either.Either<A, ParseResult.ParseError>) => {
  const slow = Schema.decodeUnknownEither(schema)
  const checks = compile(schema.ast)
  if (checks === undefined) return slow
  return (input) => {
    const decoded = checks(input)
    return decoded === refused ? slow(input) : Either.right(decoded as A)
  }
}
