/**
 * The one compiler behind `PlainDecoder` and `PlainEncoder`: a schema's AST
 * turned, once, into plain functions that decode (or encode) as Effect's
 * interpreter does, or `undefined` for a part they do not cover. The two
 * directions differ only where Effect's do: a refinement's filter runs on the
 * decoded value (decoding) or on the value given (encoding); a transformation
 * runs from its encoded side to its type side (decoding) or back (encoding),
 * with Effect's own function for that direction.
 */
import { Either, Option, SchemaAST } from "effect"

/**
 * What a compiled function answers when it refuses a value. A value is
 * answered as it is, not wrapped: a case read decodes and encodes about a
 * thousand values, and a wrapper object for each was a third of the
 * compiled functions' time and garbage.
 */
export const refused: unique symbol = Symbol.for("@bashke/kernel/PlainCompiler/refused")

/** Decodes or encodes a value: {@link refused} when the compiled functions refuse it. */
export type Run = (input: unknown) => unknown

export type Direction = "decode" | "encode"

/**
 * A compiled function as the public modules answer it: the value in a
 * `{ value }`, `undefined` for a refusal (built once per call, at the top only).
 */
export const wrapped =
  (run: Run) =>
  (input: unknown): { readonly value: unknown } | undefined => {
    const done = run(input)
    return done === refused ? undefined : { value: done }
  }

const noOptions: SchemaAST.ParseOptions = {}

const same = (input: unknown) => input

/** The compiler for one direction. */
export const compiler = (direction: Direction): ((ast: SchemaAST.AST) => Run | undefined) => {
  const decoding = direction === "decode"

  // Whether a member may take an object (a struct, an array, a date, anything
  // unknown) on the side it reads: scalars never do, whatever the member order.
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
        return takesObjects(decoding ? ast.from : ast.to)
      case "Union":
        return ast.types.some(takesObjects)
      default:
        return true
    }
  }

  const compile = (ast: SchemaAST.AST): Run | undefined => {
    switch (ast._tag) {
      case "StringKeyword":
        return (input) => (typeof input === "string" ? input : refused)
      case "NumberKeyword":
        return (input) => (typeof input === "number" ? input : refused)
      case "BooleanKeyword":
        return (input) => (typeof input === "boolean" ? input : refused)
      case "UndefinedKeyword":
        return (input) => (input === undefined ? input : refused)
      case "UnknownKeyword":
      case "AnyKeyword":
        return same
      case "Literal": {
        const literal = ast.literal
        return (input) => (input === literal ? input : refused)
      }
      case "Declaration":
        // `Schema.DateFromSelf`: any `Date`, as its own check accepts it.
        return Option.getOrUndefined(SchemaAST.getIdentifierAnnotation(ast)) === "DateFromSelf"
          ? (input) => (input instanceof Date ? input : refused)
          : undefined
      case "Refinement": {
        const from = compile(ast.from)
        if (from === undefined) return undefined
        return (input) => {
          const done = from(input)
          return done !== refused && Option.isNone(ast.filter(decoding ? done : input, noOptions, ast)) ? done : refused
        }
      }
      case "Transformation":
        return compileTransformation(ast)
      case "Union": {
        // Two members that take objects could both accept one, and the keys
        // kept would then depend on Effect's choice: at most one such member
        // (`Schema.optional(struct)` is a struct or `undefined`).
        if (ast.types.filter(takesObjects).length > 1) return undefined
        const members = ast.types.map(compile)
        if (members.some((member) => member === undefined)) return undefined
        const runs = members as ReadonlyArray<Run>
        return (input) => {
          for (const run of runs) {
            const done = run(input)
            if (done !== refused) return done
          }
          return refused
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

  // Three steps, as Effect takes them: the side read, Effect's own function
  // for the direction (none for a composition), the side written. A function
  // that answers with anything but a plain success (an effect, a failure)
  // sends the value to Effect.
  const compileTransformation = (ast: SchemaAST.Transformation): Run | undefined => {
    const transformation = ast.transformation
    if (transformation._tag !== "FinalTransformation" && transformation._tag !== "ComposeTransformation")
      return undefined
    const first = compile(decoding ? ast.from : ast.to)
    const second = compile(decoding ? ast.to : ast.from)
    if (first === undefined || second === undefined) return undefined
    if (transformation._tag === "ComposeTransformation")
      return (input) => {
        const done = first(input)
        return done === refused ? refused : second(done)
      }
    const transform = decoding ? transformation.decode : transformation.encode
    return (input) => {
      const done = first(input)
      if (done === refused) return refused
      const result: unknown = transform(done, noOptions, ast, input)
      if (!Either.isEither(result) || Either.isLeft(result)) return refused
      return second(result.right)
    }
  }

  // Arrays (`Schema.Array`) and non-empty arrays (`Schema.NonEmptyArray`): required leading elements, then one rest type.
  const compileArray = (ast: SchemaAST.TupleType): Run | undefined => {
    if (ast.rest.length > 1 || ast.elements.some((element) => element.isOptional)) return undefined
    const elements = ast.elements.map((element) => compile(element.type))
    const rest = ast.rest[0] === undefined ? undefined : compile(ast.rest[0].type)
    if (elements.some((element) => element === undefined) || (ast.rest[0] !== undefined && rest === undefined))
      return undefined
    const leading = elements as ReadonlyArray<Run>
    return (input) => {
      if (!Array.isArray(input) || input.length < leading.length) return refused
      if (rest === undefined && input.length > leading.length) return refused
      const out = new Array<unknown>(input.length)
      for (let i = 0; i < input.length; i++) {
        const run = i < leading.length ? (leading[i] as Run) : (rest as Run)
        const done = run(input[i])
        if (done === refused) return refused
        out[i] = done
      }
      return out
    }
  }

  // Records (`Schema.Record`): one index signature over strings and no
  // declared keys; every own key checked and kept (a key the signature
  // refuses goes to Effect).
  const compileRecord = (ast: SchemaAST.TypeLiteral): Run | undefined => {
    const signature = ast.indexSignatures[0]
    if (ast.propertySignatures.length > 0 || ast.indexSignatures.length > 1 || signature === undefined) return undefined
    if (takesObjects(signature.parameter)) return undefined
    const key = compile(signature.parameter)
    const value = compile(signature.type)
    if (key === undefined || value === undefined) return undefined
    return (input) => {
      if (typeof input !== "object" || input === null || Array.isArray(input)) return refused
      const out: Record<string, unknown> = {}
      for (const name of Object.keys(input)) {
        if (key(name) === refused) return refused
        const done = value((input as Record<string, unknown>)[name])
        if (done === refused) return refused
        out[name] = done
      }
      return out
    }
  }

  // Structs: each declared key (string keys only), absent only when optional; other keys are dropped.
  const compileStruct = (ast: SchemaAST.TypeLiteral): Run | undefined => {
    const properties: Array<{ readonly name: string; readonly optional: boolean; readonly run: Run }> = []
    for (const signature of ast.propertySignatures) {
      if (typeof signature.name !== "string") return undefined
      const run = compile(signature.type)
      if (run === undefined) return undefined
      properties.push({ name: signature.name, optional: signature.isOptional, run })
    }
    return (input) => {
      if (typeof input !== "object" || input === null || Array.isArray(input)) return refused
      const record = input as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const property of properties) {
        if (!Object.hasOwn(record, property.name)) {
          if (property.optional) continue
          return refused
        }
        const done = property.run(record[property.name])
        if (done === refused) return refused
        out[property.name] = done
      }
      return out
    }
  }

  return compile
}
