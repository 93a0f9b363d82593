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
 * unions with at most one member that is not a scalar, and transformations
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
import { Effect, Either, Option, type ParseResult, Schema, SchemaAST } from "effect"

/** Encodes a value: `undefined` when the compiled functions refuse it. */
export type Encode = (input: unknown) => { readonly value: unknown } | undefined

const noOptions: SchemaAST.ParseOptions = {}

const same = (input: unknown) => ({ value: input })

const identifier = (ast: SchemaAST.AST): string | undefined =>
  Option.getOrUndefined(SchemaAST.getIdentifierAnnotation(ast))

// The encoding of one AST node, or `undefined` when the node is not covered.
const compile = (ast: SchemaAST.AST): Encode | undefined => {
  switch (ast._tag) {
    case "StringKeyword":
      return (input) => (typeof input === "string" ? { value: input } : undefined)
    case "NumberKeyword":
      return (input) => (typeof input === "number" ? { value: input } : undefined)
    case "BooleanKeyword":
      return (input) => (typeof input === "boolean" ? { value: input } : undefined)
    case "UndefinedKeyword":
      return (input) => (input === undefined ? { value: input } : undefined)
    case "UnknownKeyword":
    case "AnyKeyword":
      return same
    case "Literal": {
      const literal = ast.literal
      return (input) => (input === literal ? { value: input } : undefined)
    }
    case "Declaration":
      // `Schema.DateFromSelf`: any `Date`, as its own check accepts it.
      return identifier(ast) === "DateFromSelf"
        ? (input) => (input instanceof Date ? { value: input } : undefined)
        : undefined
    case "Refinement": {
      const from = compile(ast.from)
      if (from === undefined) return undefined
      // Effect checks the value (its type side and the filter), then encodes the `from` side.
      return (input) => {
        const encoded = from(input)
        return encoded !== undefined && Option.isNone(ast.filter(input, noOptions, ast)) ? encoded : undefined
      }
    }
    case "Transformation":
      return compileTransformation(ast)
    case "Union": {
      // Two members that are not scalars could both take a value, and which
      // encodes it would then be Effect's choice: at most one such member.
      if (ast.types.filter((member) => !isScalar(member)).length > 1) return undefined
      const members = ast.types.map(compile)
      if (members.some((member) => member === undefined)) return undefined
      const encoders = members as ReadonlyArray<Encode>
      return (input) => {
        for (const encode of encoders) {
          const encoded = encode(input)
          if (encoded !== undefined) return encoded
        }
        return undefined
      }
    }
    case "TupleType":
      return compileArray(ast)
    case "TypeLiteral":
      return ast.indexSignatures.length > 0 ? compileRecord(ast) : compileStruct(ast)
    default:
      return undefined
  }
}

// Scalars: values that encode to themselves, whatever the member order.
const isScalar = (ast: SchemaAST.AST): boolean => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
    case "Literal":
      return true
    case "Refinement":
      return isScalar(ast.from)
    case "Union":
      return ast.types.every(isScalar)
    default:
      return false
  }
}

// A transformation encodes in three steps, as Effect does: the value checked
// against the type side, Effect's own `encode` function, the result encoded by
// the encoded side. An `encode` that answers with anything but a plain
// success (an effect, a failure) sends the value to Effect.
const compileTransformation = (ast: SchemaAST.Transformation): Encode | undefined => {
  if (ast.transformation._tag !== "FinalTransformation") return undefined
  const to = compile(ast.to)
  const from = compile(ast.from)
  if (to === undefined || from === undefined) return undefined
  const transform = ast.transformation.encode
  return (input) => {
    const checked = to(input)
    if (checked === undefined) return undefined
    const result: unknown = transform(checked.value, noOptions, ast, input)
    if (!Either.isEither(result) || Either.isLeft(result)) return undefined
    return from(result.right)
  }
}

// Arrays (`Schema.Array`) and non-empty arrays (`Schema.NonEmptyArray`): required leading elements, then one rest type.
const compileArray = (ast: SchemaAST.TupleType): Encode | undefined => {
  if (ast.rest.length > 1 || ast.elements.some((element) => element.isOptional)) return undefined
  const elements = ast.elements.map((element) => compile(element.type))
  const rest = ast.rest[0] === undefined ? undefined : compile(ast.rest[0].type)
  if (elements.some((element) => element === undefined) || (ast.rest[0] !== undefined && rest === undefined))
    return undefined
  const leading = elements as ReadonlyArray<Encode>
  return (input) => {
    if (!Array.isArray(input) || input.length < leading.length) return undefined
    if (rest === undefined && input.length > leading.length) return undefined
    const out = new Array<unknown>(input.length)
    for (let i = 0; i < input.length; i++) {
      const encode = i < leading.length ? (leading[i] as Encode) : (rest as Encode)
      const encoded = encode(input[i])
      if (encoded === undefined) return undefined
      out[i] = encoded.value
    }
    return { value: out }
  }
}

// Structs: each declared key (string keys only), absent only when optional; other keys are dropped.
const compileStruct = (ast: SchemaAST.TypeLiteral): Encode | undefined => {
  const properties: Array<{ readonly name: string; readonly optional: boolean; readonly encode: Encode }> = []
  for (const signature of ast.propertySignatures) {
    if (typeof signature.name !== "string") return undefined
    const encode = compile(signature.type)
    if (encode === undefined) return undefined
    properties.push({ name: signature.name, optional: signature.isOptional, encode })
  }
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
    const record = input as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const property of properties) {
      if (!Object.hasOwn(record, property.name)) {
        if (property.optional) continue
        return undefined
      }
      const encoded = property.encode(record[property.name])
      if (encoded === undefined) return undefined
      out[property.name] = encoded.value
    }
    return { value: out }
  }
}

// Records (`Schema.Record`): one index signature over strings and no declared keys; every own key checked and kept.
const compileRecord = (ast: SchemaAST.TypeLiteral): Encode | undefined => {
  const signature = ast.indexSignatures[0]
  if (ast.propertySignatures.length > 0 || ast.indexSignatures.length > 1 || signature === undefined) return undefined
  if (!isScalar(signature.parameter)) return undefined
  const key = compile(signature.parameter)
  const value = compile(signature.type)
  if (key === undefined || value === undefined) return undefined
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
    const out: Record<string, unknown> = {}
    for (const name of Object.keys(input)) {
      if (key(name) === undefined) return undefined
      const encoded = value((input as Record<string, unknown>)[name])
      if (encoded === undefined) return undefined
      out[name] = encoded.value
    }
    return { value: out }
  }
}

/**
 * The compiled encoding of a schema, or `undefined` when the schema has a
 * part it does not cover (then {@link make} uses Effect alone).
 */
export const encoderOf = <A, I>(schema: Schema.Schema<A, I, never>): Encode | undefined => compile(schema.ast)

/**
 * An encoder for `schema`: the compiled functions first, Effect's encoding
 * for whatever they refuse (or for the whole schema when it is not covered).
 */
export const make = <A, I>(
  schema: Schema.Schema<A, I, never>,
): ((value: A) => Effect.Effect<I, ParseResult.ParseError>) => {
  const slow = Schema.encode(schema)
  const fast = encoderOf(schema)
  if (fast === undefined) return slow
  return (value) => {
    const encoded = fast(value)
    return encoded === undefined ? slow(value) : Effect.succeed(encoded.value as I)
  }
}
