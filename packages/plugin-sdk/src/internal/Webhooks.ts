// Webhook routes: compiling a route's path, matching a request's method and
// sub-path against a plugin's routes.
import type { WebhookMethod, WebhookRoute } from "../Hooks"

export const methods: ReadonlyArray<WebhookMethod> = ["POST", "PUT", "PATCH", "DELETE", "GET"]

type Segment = { readonly literal: string } | { readonly param: string }

export interface CompiledRoute {
  readonly route: WebhookRoute
  readonly segments: ReadonlyArray<Segment>
}

const literalPattern = /^[A-Za-z0-9._~-]+$/
const paramPattern = /^:([A-Za-z][A-Za-z0-9]*)$/

/** Splits a path into its non-empty segments (`/a//b/` → `a`, `b`). */
export const segmentsOf = (path: string): ReadonlyArray<string> => path.split("/").filter((part) => part.length > 0)

/** The route compiled, or what is wrong with it. */
export const compile = (route: WebhookRoute): CompiledRoute | string => {
  if (!methods.includes(route.method)) return `method ${JSON.stringify(String(route.method))} is not one of ${methods}`
  if (typeof route.path !== "string" || !route.path.startsWith("/")) return "a route path starts with /"
  const segments: Array<Segment> = []
  for (const part of segmentsOf(route.path)) {
    const param = paramPattern.exec(part)
    if (param !== null) segments.push({ param: param[1] as string })
    else if (literalPattern.test(part)) segments.push({ literal: part })
    else return `path segment ${JSON.stringify(part.slice(0, 40))} is neither a literal nor :name`
  }
  return { route, segments }
}

/** The key that makes two routes the same route. */
export const keyOf = (compiled: CompiledRoute): string =>
  `${compiled.route.method} /${compiled.segments.map((s) => ("literal" in s ? s.literal : ":")).join("/")}`

/** The route for a request, its parameters, or which methods the path allows. */
export const match = (
  routes: ReadonlyArray<CompiledRoute>,
  method: string,
  path: string,
):
  | { readonly _tag: "Matched"; readonly route: WebhookRoute; readonly params: Record<string, string> }
  | { readonly _tag: "MethodNotAllowed"; readonly allow: ReadonlyArray<string> }
  | { readonly _tag: "NotFound" } => {
  let parts: ReadonlyArray<string>
  try {
    parts = segmentsOf(path).map(decodeURIComponent)
  } catch {
    return { _tag: "NotFound" }
  }
  const allow: Array<string> = []
  for (const compiled of routes) {
    if (compiled.segments.length !== parts.length) continue
    const params: Record<string, string> = {}
    const fits = compiled.segments.every((segment, index) => {
      const part = parts[index] as string
      if ("literal" in segment) return segment.literal === part
      params[segment.param] = part
      return true
    })
    if (!fits) continue
    if (compiled.route.method === method) return { _tag: "Matched", route: compiled.route, params }
    allow.push(compiled.route.method)
  }
  return allow.length > 0 ? { _tag: "MethodNotAllowed", allow } : { _tag: "NotFound" }
}
