// Issue 20, item 7: every answer is described. A success schema that is an
// object without properties leaves a generated client with
// `Record<string, never>` and the API documentation with nothing to show; this
// walks the whole document, through every `$ref`, so a route cannot come back
// to "a bare object". (Records — names by id, the open HSDS and FHIR objects —
// describe their members instead, and pass.)
import { describe, expect, it } from "@effect/vitest"
import * as OpenApi from "../src/OpenApi"
import { routes } from "../src/Routes"

type Json = Record<string, unknown>

const document = OpenApi.document(routes) as {
  readonly paths: Record<
    string,
    Record<string, { readonly operationId: string; readonly responses: Record<string, Json> }>
  >
  readonly components: { readonly schemas: Record<string, Json> }
}

const resolve = (schema: Json): Json => {
  const ref = schema.$ref
  return typeof ref === "string" ? (document.components.schemas[ref.split("/").pop()!] ?? {}) : schema
}

/** The bare objects under `schema`; `at` names the place, property by property. */
const vague = (schema: Json, at: string, seen: Set<Json>): ReadonlyArray<string> => {
  const resolved = resolve(schema)
  if (seen.has(resolved)) return []
  seen.add(resolved)
  const found: Array<string> = []
  const alternatives = [resolved.anyOf, resolved.oneOf, resolved.allOf].find(Array.isArray) as Array<Json> | undefined
  const properties = resolved.properties as Record<string, Json> | undefined
  const additional = resolved.additionalProperties
  const patterns = Object.values((resolved.patternProperties ?? {}) as Record<string, Json>)
  const describesMembers =
    (typeof additional === "object" && additional !== null && Object.keys(additional).length > 0) || patterns.length > 0
  if (resolved.type === "object" && Object.keys(properties ?? {}).length === 0 && !describesMembers)
    found.push(`${at}: an object without properties`)
  for (const [name, property] of Object.entries(properties ?? {})) found.push(...vague(property, `${at}.${name}`, seen))
  for (const member of [additional, ...patterns])
    if (typeof member === "object" && member !== null) found.push(...vague(member as Json, `${at}[*]`, seen))
  const items = resolved.items
  if (typeof items === "object" && items !== null) found.push(...vague(items as Json, `${at}[]`, seen))
  for (const [index, alternative] of (alternatives ?? []).entries())
    found.push(...vague(alternative, `${at}|${index}`, seen))
  return found
}

describe("OpenAPI answers", () => {
  it("describes every route's JSON answer, all the way down", () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods))
    const problems = operations.flatMap((operation) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith("2"))
        .flatMap(([, response]) => {
          const schema = (response.content as Record<string, { schema: Json }> | undefined)?.["application/json"]
            ?.schema
          return schema === undefined ? [] : vague(schema, operation.operationId, new Set())
        }),
    )
    expect(operations.length).toBeGreaterThan(50)
    expect(problems).toEqual([])
  })

  it("finds a bare object when one is there", () => {
    expect(vague({ type: "object" }, "bare", new Set())).toEqual(["bare: an object without properties"])
    expect(vague({ type: "object", additionalProperties: { type: "string" } }, "record", new Set())).toEqual([])
    expect(
      vague({ type: "object", properties: { a: { type: "array", items: { type: "object" } } } }, "nested", new Set()),
    ).toEqual(["nested.a[]: an object without properties"])
  })
})
