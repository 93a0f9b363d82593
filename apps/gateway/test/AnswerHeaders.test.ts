// AnswerHeaders gives every answer the status, headers and body that the six
// middlewares it replaces gave (hono's request id and secure headers, the data
// content security policy, no-store under /v1, hono/cors, the request id copied
// onto an answer made outside the context), compared header by header on the
// same routes and requests; and it leaves the route's answer the one that is
// sent (hono/cors made an empty answer before the route ran and copied the
// route's answer over it).
import { describe, expect, it } from "@effect/vitest"
import { Hono, type MiddlewareHandler } from "hono"
import { cors } from "hono/cors"
import { requestId } from "hono/request-id"
import { secureHeaders } from "hono/secure-headers"
import * as AnswerHeaders from "../src/AnswerHeaders"

const crossOrigin = {
  origins: ["https://app.example", "https://other.example"],
  allowHeaders: ["Authorization", "Content-Type", "If-Match"],
  allowMethods: ["GET", "POST", "DELETE"],
  exposeHeaders: ["ETag", "Request-Id"],
  maxAge: 600,
}
const contentSecurityPolicy = "default-src 'none'"

/** The six middlewares as App.ts had them, outermost first. */
const before: ReadonlyArray<MiddlewareHandler> = [
  requestId({ headerName: "Request-Id" }),
  secureHeaders(),
  async (c, next) => {
    await next()
    if (!c.res.headers.has("content-security-policy"))
      c.res.headers.set("content-security-policy", contentSecurityPolicy)
  },
  async (c, next) => {
    await next()
    if (/^\/v1(\/|$)/.test(c.req.path) && !c.res.headers.has("cache-control"))
      c.res.headers.set("cache-control", "no-store")
  },
  cors({
    origin: [...crossOrigin.origins],
    allowHeaders: [...crossOrigin.allowHeaders],
    allowMethods: [...crossOrigin.allowMethods],
    exposeHeaders: [...crossOrigin.exposeHeaders],
    maxAge: crossOrigin.maxAge,
  }),
  async (c, next) => {
    await next()
    if (c.res.headers.has("request-id")) return
    c.res = new Response(c.res.body, c.res)
    c.res.headers.set("Request-Id", c.get("requestId"))
  },
]

const ours = AnswerHeaders.middleware({
  requestIdHeader: "Request-Id",
  contentSecurityPolicy,
  noStorePath: "/v1",
  crossOrigin,
})

/** The app, with `middlewares` for the headers; `sent` tells whether the route's own answer object was the one sent. */
const appWith = (middlewares: ReadonlyArray<MiddlewareHandler>) => {
  const sent: Array<boolean> = []
  let made: Response | undefined
  const app = new Hono<{ Variables: { requestId: string } }>()
  app.use("*", async (c, next) => {
    await next()
    sent.push(c.res === made)
  })
  for (const middleware of middlewares) app.use("*", middleware)
  const routes = new Hono<{ Variables: { requestId: string } }>()
  routes.get("/json", (c) => {
    made = c.json({ ok: true, requestId: c.get("requestId") }, 200, { etag: '"3"' })
    return made
  })
  // A route that sets headers of its own: CORS and the security headers win, as before.
  routes.post("/own", (c) => {
    made = c.body("done", 201, {
      "access-control-allow-origin": "https://route.example",
      "x-frame-options": "DENY",
      "x-powered-by": "route",
    })
    return made
  })
  // A page with its own policy and caching: both kept.
  routes.get("/page", (c) => {
    made = c.html("<p>page</p>", 200, {
      "content-security-policy": "default-src 'self'",
      "cache-control": "max-age=60",
    })
    return made
  })
  // An answer made outside the context (no request id of its own): copied and given one.
  routes.get("/raw", () => {
    made = new Response("raw", { headers: { "content-type": "text/plain", vary: "Accept-Encoding" } })
    return made
  })
  routes.get("/boom", () => {
    throw new Error("boom")
  })
  app.route("/", routes)
  app.route("/v1", routes)
  app.onError((_error, c) => c.text("failed", 500))
  return { app, sent }
}

const paths = [
  "/json",
  "/v1/json",
  "/own",
  "/v1/own",
  "/page",
  "/v1/page",
  "/raw",
  "/v1/raw",
  "/boom",
  "/v1/boom",
  "/v1",
  "/missing",
  "/v10/json",
]
const inits: ReadonlyArray<RequestInit> = [
  {},
  { headers: { origin: "https://app.example" } },
  { headers: { origin: "https://evil.example", "request-id": "caller-id-1" } },
  { headers: { "request-id": "not well formed!" } },
  { headers: { "request-id": "x".repeat(256) } },
  { method: "POST", headers: { origin: "https://other.example", "request-id": "caller=2" } },
  {
    method: "OPTIONS",
    headers: {
      origin: "https://app.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    },
  },
  { method: "OPTIONS", headers: { origin: "https://evil.example" } },
]

/** An answer's headers, sorted, with a request id made here (random) replaced by a mark. */
const headersOf = (response: Response, sentId: string | undefined) => {
  const all: Array<[string, string]> = []
  response.headers.forEach((value, name) => {
    all.push([name, name === "request-id" && value !== sentId ? "(made)" : value])
  })
  return all.sort(([a], [b]) => a.localeCompare(b))
}
const bodyOf = async (response: Response) =>
  (await response.text()).replace(/"requestId":"[0-9a-f-]{36}"/, '"requestId":"(made)"')

describe("AnswerHeaders", () => {
  it("answers every request with the status, headers and body the six middlewares gave", async () => {
    const theirs = appWith(before).app
    const mine = appWith([ours]).app
    let compared = 0
    for (const path of paths)
      for (const init of inits) {
        const sentId = new Headers(init.headers).get("request-id") ?? undefined
        const expected = await theirs.request(path, init)
        const actual = await mine.request(path, init)
        expect({
          path,
          init,
          status: actual.status,
          headers: headersOf(actual, sentId),
          body: await bodyOf(actual),
        }).toEqual({
          path,
          init,
          status: expected.status,
          headers: headersOf(expected, sentId),
          body: await bodyOf(expected),
        })
        compared += 1
      }
    expect(compared).toBe(paths.length * inits.length)
  })

  it("gives every answer a request id, the caller's when well formed, the same the route saw", async () => {
    const { app } = appWith([ours])
    const kept = await app.request("/json", { headers: { "request-id": "caller-id-1" } })
    expect(kept.headers.get("request-id")).toBe("caller-id-1")
    expect(((await kept.json()) as { requestId: string }).requestId).toBe("caller-id-1")
    const made = await app.request("/json", { headers: { "request-id": "not well formed!" } })
    const id = made.headers.get("request-id")
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(((await made.json()) as { requestId: string }).requestId).toBe(id)
    expect((await app.request("/raw")).headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("sets the security headers, the data policy and no-store under /v1 only", async () => {
    const { app } = appWith([ours])
    const data = await app.request("/v1/json")
    for (const [name, value] of AnswerHeaders.securityHeaders) expect(data.headers.get(name)).toBe(value)
    expect(data.headers.get("content-security-policy")).toBe(contentSecurityPolicy)
    expect(data.headers.get("cache-control")).toBe("no-store")
    expect((await app.request("/json")).headers.get("cache-control")).toBeNull()
    expect((await app.request("/v1/page")).headers.get("cache-control")).toBe("max-age=60")
    expect((await app.request("/own", { method: "POST" })).headers.get("x-powered-by")).toBeNull()
  })

  it("sends the route's own answer, not a copy made over an empty one", async () => {
    const { app, sent } = appWith([ours])
    await app.request("/json", { headers: { origin: "https://app.example" } })
    await app.request("/own", { method: "POST" })
    expect(sent).toEqual([true, true])
  })
})
