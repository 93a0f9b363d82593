/**
 * A decoder for schemas whose decoding only checks: no transformations, so
 * the decoded value is the input with the schema's own keys. It is compiled
 * once from the schema's AST into plain checks, and is used where one schema
 * decodes every record of a bulk import (Effect's interpreter costs ~10 µs
 * for a police report; the compiled checks well under one).
 *
 * The compiled checks cover structs (optional keys, excess keys dropped as
 * Effect drops them), arrays and non-empty arrays, strings, numbers,
 * booleans, `undefined`, `unknown`, literals, unions with at most one struct
 * or array member (`Schema.optional` of a struct), and refinements (their own filter functions run: patterns,
 * lengths, brands, custom filters). Anything else — a transformation, a
 * record, a recursive or declared schema — makes {@link make} fall back to
 * `Schema.decodeUnknownEither` for the whole schema. Input the checks refuse
 * is decoded again by Effect, so the refusal (and its field) is Effect's own,
 * and the fast path can only ever agree with it.
 *
 * ```ts
 * const decode = PlainDecoder.make(PoliceRecord)
 * const report = decode(payload) // Either<PoliceRecord, ParseError>
 * ```
 */
import { Either, Option, type ParseResult, Schema, type SchemaAST } from "effect"

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
    case "Union": {
      // Two struct or array members could both accept an object, and the keys
      // kept would then depend on Effect's choice: at most one such member
      // (`Schema.optional(struct)` is a struct or `undefined`).
      if (ast.types.filter((member) => !isScalar(member)).length > 1) return undefined
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
      return compileStruct(ast)
    default:
      return undefined
  }
}

// Scalars: values that decode to themselves, whatever the member order.
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

// Structs: each declared key (string keys only), absent only when optional; other keys are dropped.
const compileStruct = (ast: SchemaAST.TypeLiteral): Check | undefined => {
  if (ast.indexSignatures.length > 0) return undefined
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
