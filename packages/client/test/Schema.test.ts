// The committed types must be what openapi-typescript makes of the gateway's
// current OpenAPI document (read from the gateway's sources, not a build): a
// route added or changed without regenerating fails here, before a caller
// finds out.
import { readFileSync } from "node:fs"
import { OpenApi, routes } from "@bashke/gateway"
import { expect, it } from "@effect/vitest"
import { schemaFile, schemaSource } from "../scripts/SchemaSource"

/** The first line where two texts part, for a failure that says where to look. */
const firstDifference = (a: string, b: string): string => {
  const left = a.split("\n")
  const right = b.split("\n")
  const at = left.findIndex((line, i) => line !== right[i])
  const line = at === -1 ? left.length : at
  return `line ${line + 1}: committed ${JSON.stringify(left[line] ?? "")}, expected ${JSON.stringify(right[line] ?? "")}`
}

it("src/schema.ts matches the gateway's OpenAPI document", async () => {
  const expected = await schemaSource(OpenApi.document(routes))
  const committed = readFileSync(schemaFile, "utf8")
  if (committed !== expected) {
    expect.fail(
      `src/schema.ts is stale (${firstDifference(committed, expected)}): run \`pnpm --filter @bashke/client generate\``,
    )
  }
})

it("describes every operation of the gateway", () => {
  const committed = readFileSync(schemaFile, "utf8")
  for (const route of routes) expect(committed).toContain(`    ${route.operationId}: {`)
})
