/**
 * The OpenAPI 3.1 description, generated from the same route descriptions and
 * schemas the handlers decode and encode with, so the document cannot drift
 * from what the gateway does. Named schemas (those with an `identifier`) become
 * `components.schemas`.
 */
import { JSONSchema } from "effect"
import * as Problem from "./Problem"
import type * as Route from "./Route"

type Json = Record<string, unknown>

const schemaOf = (schema: Route.SchemaOf<unknown>, definitions: Record<string, JSONSchema.JsonSchema7>): Json =>
  JSONSchema.fromAST(schema.ast, {
    definitions,
    definitionPath: "#/components/schemas/",
    target: "openApi3.1",
    topLevelReferenceStrategy: "keep",
  }) as unknown as Json

const problemResponse = (description: string): Json => ({
  description,
  content: { [Problem.contentType]: { schema: { $ref: "#/components/schemas/Problem" } } },
})

const problemSchema: Json = {
  type: "object",
  required: ["type", "title", "status"],
  properties: {
    type: { type: "string", format: "uri", enum: Problem.allTypes.map((slug) => `${Problem.typeBase}${slug}`) },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    rule: { type: "string", description: "A message catalogue key naming the rule" },
    field: { type: "string", description: "The offending field's path" },
    location: { type: "string", enum: ["path", "query", "header", "body"] },
    requestId: { type: "string" },
  },
}

const parametersOf = (
  schema: Route.SchemaOf<unknown> | undefined,
  location: "path" | "query",
  definitions: Record<string, JSONSchema.JsonSchema7>,
): ReadonlyArray<Json> => {
  if (schema === undefined) return []
  const object = schemaOf(schema, definitions) as { properties?: Record<string, Json>; required?: Array<string> }
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (object.required ?? []).includes(name),
    schema: property,
  }))
}

/** The document for a list of routes. */
export const document = (routes: ReadonlyArray<Route.AnyRoute>): Json => {
  const definitions: Record<string, JSONSchema.JsonSchema7> = {}
  const paths: Record<string, Record<string, Json>> = {}
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, "{$1}")
    const parameters: Array<Json> = [
      ...parametersOf(route.pathSchema, "path", definitions),
      ...parametersOf(route.querySchema, "query", definitions),
    ]
    if (route.method === "post" && route.safe !== true && route.credential !== true) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: true,
        schema: { type: "string", minLength: 1, maxLength: 255 },
      })
    }
    if (route.ifMatch === true) {
      parameters.push({ name: "If-Match", in: "header", required: true, schema: { type: "string" } })
    }
    if (route.upload !== undefined) {
      parameters.push({
        name: "Content-Disposition",
        in: "header",
        required: true,
        description: "The file's name: `attachment; filename*=UTF-8''<percent-encoded name>` (RFC 6266)",
        schema: { type: "string" },
      })
    }
    const success: Json =
      route.success.status === 303
        ? { description: route.summary, headers: { Location: { required: true, schema: { type: "string" } } } }
        : {
            description: route.summary,
            ...(!route.open((typed) => typed.etag !== undefined)
              ? {}
              : { headers: { ETag: { schema: { type: "string" } } } }),
            content: {
              [route.success.contentType ?? "application/json"]: {
                schema:
                  route.success.contentType === undefined
                    ? schemaOf(route.success.schema, definitions)
                    : route.download === true
                      ? { type: "string", format: "binary" }
                      : { type: "string" },
              },
            },
          }
    const responses: Record<string, Json> = {
      [String(route.success.status)]: success,
      "400": problemResponse("Malformed request"),
      "422": problemResponse("Invalid input: the field and the rule"),
      default: problemResponse("A problem (RFC 9457)"),
    }
    if (route.public !== true) {
      responses["401"] = problemResponse("No or unknown credentials")
      responses["403"] = problemResponse("Not allowed")
    }
    if (route.ifMatch === true) {
      responses["412"] = problemResponse("Changed since read")
      responses["428"] = problemResponse("If-Match missing")
    }
    const operation: Json = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      parameters,
      responses,
      ...(route.public === true ? { security: [] } : {}),
      ...(route.upload !== undefined
        ? {
            requestBody: {
              required: true,
              description: "The file, as it is (not JSON); its type is checked from its bytes",
              content: Object.fromEntries(
                route.upload.mediaTypes.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
              ),
            },
          }
        : {}),
      ...(route.bodySchema === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { "application/json": { schema: schemaOf(route.bodySchema, definitions) } },
            },
          }),
    }
    paths[path] = { ...paths[path], [route.method]: operation }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Bashkë API",
      version: "0.1.0",
      description:
        "Coordination mechanisms against domestic violence: mechanisms, cases, referrals, meetings, action plans and reports.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (bsk_…) or an OIDC JWT" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "__Host-bashke",
          description:
            "A browser's session (`bashke` on plain-HTTP loopback). Unsafe requests also need `Origin` of this site and `X-Bashke-Request: 1`.",
        },
      },
      schemas: { ...definitions, Problem: problemSchema },
    },
  }
}

/** Text safe inside HTML. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
