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
 * decoded value is then the transformation's. Anything else — a
 * transformation with defaults or an effect, a record, a recursive or other
 * declared schema — makes {@link make} fall back to
 * `Schema.decodeUnknownEither` for the whole schema. Input the checks refuse
 * is decoded again by Effect, so the refusal (and its field) is Effect's own,
 * and the fast path can only ever agree with it.
 *
 * ```ts
 * const decode = PlainDecoder.make(PoliceRecord)
 * const report = decode(payload) // Either<PoliceRecord, ParseError>
 * ```
 */
import { Either, Option, type ParseResult, Schema, SchemaAST } from "effect"

/**
 * Decodes a value: `undefined` when the checks refuse it.
 */
export type Check = (input: unknown) => { readonly value: unknown } | undefined

const noOptions: SchemaAST.ParseOptions = {}

const same = (input: unknown) => ({ value: input })

// The checks of one AST node, or `undefined` when the node is not covered.
const compile = (ast: SchemaAST.AST): Check | undefined => {
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
    case "Refinement": {
      const from = compile(ast.from)
      if (from === undefined) return undefined
      return (input) => {
        const decoded = from(input)
        return decoded !== undefined && Option.isNone(ast.filter(decoded.value, noOptions, ast)) ? decoded : undefined
      }
    }
    case "Declaration":
      // `Schema.DateFromSelf`: any `Date`, as its own check accepts it.
      return Option.getOrUndefined(SchemaAST.getIdentifierAnnotation(ast)) === "DateFromSelf"
        ? (input) => (input instanceof Date ? { value: input } : undefined)
        : undefined
    case "Transformation":
      return compileTransformation(ast)
    case "Union": {
      // Two members that take objects (structs, arrays) could both accept one,
      // and the keys kept would then depend on Effect's choice: at most one
      // such member (`Schema.optional(struct)` is a struct or `undefined`).
      if (ast.types.filter(takesObjects).length > 1) return undefined
      const members = ast.types.map(compile)
      if (members.some((member) => member === undefined)) return undefined
      const checks = members as ReadonlyArray<Check>
      return (input) => {
        for (const check of checks) {
          const decoded = check(input)
          if (decoded !== undefined) return decoded
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

// Whether a member may accept an object (a struct, an array, a date, anything
// unknown): scalars never do, whatever the member order; a transformation
// takes what its encoded side takes.
const takesObjects = (ast: SchemaAST.AST): boolean => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UndefinedKeyword":
    case "Literal":
      return false
    case "Refinement":
      return takesObjects(ast.from)
    case "Transformation":
      return takesObjects(ast.from)
    case "Union":
      return ast.types.some(takesObjects)
    default:
      return true
  }
}

// A transformation decodes in three steps, as Effect does: the encoded side,
// Effect's own `decode` function (none for a composition), the type side. A
// `decode` that answers with anything but a plain success (an effect, a
// failure) sends the value to Effect.
const compileTransformation = (ast: SchemaAST.Transformation): Check | undefined => {
  const kind = ast.transformation._tag
  if (kind !== "FinalTransformation" && kind !== "ComposeTransformation") return undefined
  const from = compile(ast.from)
  const to = compile(ast.to)
  if (from === undefined || to === undefined) return undefined
  if (ast.transformation._tag === "ComposeTransformation")
    return (input) => {
      const decoded = from(input)
      return decoded === undefined ? undefined : to(decoded.value)
    }
  const transform = ast.transformation.decode
  return (input) => {
    const decoded = from(input)
    if (decoded === undefined) return undefined
    const result: unknown = transform(decoded.value, noOptions, ast, input)
    if (!Either.isEither(result) || Either.isLeft(result)) return undefined
    return to(result.right)
  }
}

// Arrays (`Schema.Array`) and non-empty arrays (`Schema.NonEmptyArray`): required leading elements, then one rest type.
const compileArray = (ast: SchemaAST.TupleType): Check | undefined => {
  if (ast.rest.length > 1 || ast.elements.some((element) => element.isOptional)) return undefined
  const elements = ast.elements.map((element) => compile(element.type))
  const rest = ast.rest[0] === undefined ? undefined : compile(ast.rest[0].type)
  if (elements.some((element) => element === undefined) || (ast.rest[0] !== undefined && rest === undefined))
    return undefined
  const leading = elements as ReadonlyArray<Check>
  return (input) => {
    if (!Array.isArray(input) || input.length < leading.length) return undefined
    if (rest === undefined && input.length > leading.length) return undefined
    const out = new Array<unknown>(input.length)
    for (let i = 0; i < input.length; i++) {
      const check = i < leading.length ? (leading[i] as Check) : (rest as Check)
      const decoded = check(input[i])
      if (decoded === undefined) return undefined
      out[i] = decoded.value
    }
    return { value: out }
  }
}

// Records (`Schema.Record`): one index signature over strings and no declared
// keys; every own key checked and kept (a key the signature refuses goes to Effect).
const compileRecord = (ast: SchemaAST.TypeLiteral): Check | undefined => {
  const signature = ast.indexSignatures[0]
  if (ast.propertySignatures.length > 0 || ast.indexSignatures.length > 1 || signature === undefined) return undefined
  if (takesObjects(signature.parameter)) return undefined
  const key = compile(signature.parameter)
  const value = compile(signature.type)
  if (key === undefined || value === undefined) return undefined
  return (input) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
    const out: Record<string, unknown> = {}
    for (const name of Object.keys(input)) {
      if (key(name) === undefined) return undefined
      const decoded = value((input as Record<string, unknown>)[name])
      if (decoded === undefined) return undefined
      out[name] = decoded.value
    }
    return { value: out }
  }
}

// Structs: each declared key (string keys only), absent only when optional; other keys are dropped.
const compileStruct = (ast: SchemaAST.TypeLiteral): Check | undefined => {
  const properties: Array<{ readonly name: string; readonly optional: boolean; readonly check: Check }> = []
  for (const signature of ast.propertySignatures) {
    if (typeof signature.name !== "string") return undefined
    const check = compile(signature.type)
    if (check === undefined) return undefined
    properties.push({ name: signature.name, optional: signature.isOptional, check })
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
      const decoded = property.check(record[property.name])
      if (decoded === undefined) return undefined
      out[property.name] = decoded.value
    }
    return { value: out }
  }
}

/**
 * The compiled checks of a schema's encoded side, or `undefined` when the
 * schema has a part they do not cover (then {@link make} uses Effect alone).
 */
export const checksOf = <A, I>(schema: Schema.Schema<A, I, never>): Check | undefined => compile(schema.ast)

/**
 * A decoder for `schema`: the compiled checks first, Effect's decoding for
 * whatever they refuse (or for the whole schema when it is not covered).
 */
export const make = <A, I>(
  schema: Schema.Schema<A, I, never>,
): ((input: unknown) => Either.Either<A, ParseResult.ParseError>) => {
  const slow = Schema.decodeUnknownEither(schema)
  const checks = checksOf(schema)
  if (checks === undefined) return slow
  return (input) => {
    const decoded = checks(input)
    return decoded === undefined ? slow(input) : Either.right(decoded.value as A)
  }
}
