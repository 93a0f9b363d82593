/**
 * Decoding what a request carries (path, query, body) with a route's schemas.
 * Unknown fields are refused rather than dropped, so a client misspelling a
 * field learns it instead of silently losing a value. The refusal names the
 * field (by declared names only, never a name the client made up) and a rule,
 * never the value.
 */
import { Errors, Input } from "@bashke/kernel"
import { Either, ParseResult, Schema, type SchemaAST } from "effect"
import { messages } from "./GatewayMessages"
import type { FieldLocation } from "./Problem"
import type { SchemaOf } from "./Route"

/** An `InvalidInput` and the part of the request it is about. */
export interface Refusal {
  readonly error: Errors.InvalidInput
  readonly location: FieldLocation
}

const rules: Input.Rules = { messages, fallback: "gateway.input.invalid" }

// A refusal names a field only by the names the schema declares: the path of an
// issue is cut where it leaves them (at a key the client made up, or a key of a
// record, which may be data: a name, a personal number). An unknown key is thus
// reported at its parent's path, or with no name when it sits at the top.
const declaredSegments = (ast: SchemaAST.AST, path: ReadonlyArray<PropertyKey>): ReadonlyArray<string> => {
  if (path.length === 0) return []
  const [segment, ...rest] = path
  const inner = declaredChild(ast, segment as PropertyKey)
  return inner === undefined ? [] : [String(segment), ...declaredSegments(inner, rest)]
}

// The node a declared name (or an array index) leads to, or `undefined` when it declares none.
const declaredChild = (ast: SchemaAST.AST, segment: PropertyKey): SchemaAST.AST | undefined => {
  switch (ast._tag) {
    case "TypeLiteral":
      return ast.propertySignatures.find((signature) => signature.name === segment)?.type
    case "TupleType": {
      if (typeof segment !== "number") return undefined
      return ast.elements[segment]?.type ?? ast.rest[0]?.type
    }
    case "Refinement":
      return declaredChild(ast.from, segment)
    case "Transformation":
      return declaredChild(ast.from, segment) ?? declaredChild(ast.to, segment)
    case "Suspend":
      return declaredChild(ast.f(), segment)
    case "Union":
      for (const member of ast.types) {
        const found = declaredChild(member, segment)
        if (found !== undefined) return found
      }
      return undefined
    default:
      return undefined
  }
}

/**
 * The part of an issue's path the schema declares, joined with dots; `undefined`
 * when not even its first segment is declared.
 *
 * ```ts
 * declaredPath(Schema.Struct({ a: Schema.Struct({ b: Schema.String }) }).ast, ["a", "Arta"]) // "a"
 * ```
 */
export const declaredPath = (ast: SchemaAST.AST, path: ReadonlyArray<PropertyKey>): string | undefined => {
  const segments = declaredSegments(ast, path)
  return segments.length === 0 ? undefined : segments.join(".")
}

/** A decoder for one schema and part of the request, built once per route. */
export const decoder = <A>(
  schema: SchemaOf<A>,
  location: FieldLocation,
): ((value: unknown) => Either.Either<A, Refusal>) => {
  const decodeEither = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })
  const named = (path: ReadonlyArray<PropertyKey>, rule: string) => {
    // As the kernel's decoding does, `input` stands for the whole part when no declared name is left.
    return new Errors.InvalidInput({ field: declaredPath(schema.ast, path) ?? "input", rule })
  }
  return (value) =>
    Either.mapLeft(decodeEither(value), (error): Refusal => {
      const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
      const unexpected = issues.find((issue) => issue._tag === "Unexpected" && issue.path.length > 0)
      if (unexpected !== undefined && !issues.some((issue) => issue._tag !== "Unexpected")) {
        return { error: named(unexpected.path, "gateway.input.unknown-field"), location }
      }
      const found = Input.invalidInput(rules, error)
      const first = issues.find((issue) => issue.message === found.rule) ?? issues[0]
      return { error: named(first?.path ?? [], found.rule), location }
    })
}
