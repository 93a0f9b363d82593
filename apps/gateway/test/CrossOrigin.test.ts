// CrossOrigin gives every answer the headers `hono/cors` gives it (compared
// header by header on the same routes and requests), and leaves the route's
// answer the one that is sent: `hono/cors` made an empty answer before the
// route ran and copied the route's answer over it.
import { describe, expect, it } from "@effect/vitest"
import { Hono, type MiddlewareHandler } from "hono"
import { cors } from "hono/cors"
import * as CrossOrigin from "../src/CrossOrigin"

const settings = {
  origins: ["https://app.example", "https://other.example"],
  allowHeaders: ["Authorization", "Content-Type", "If-Match"],
  allowMethods: ["GET", "POST", "DELETE"],
  exposeHeaders: ["ETag", "Request-Id"],
  maxAge: 600,
}

/** The app, with `middleware` for CORS; `sent` tells whether the route's own answer object was the one sent. */
const appWith = (middleware: MiddlewareHandler) => {
  const sent: Array<boolean> = []
  let made: Response | undefined
  const app = new Hono()
  app.use("*", async (c, next) => {
    await next()
    sent.push(c.res === made)
  })
  app.use("*", middleware)
  app.get("/json", (c) => {
    made = c.json({ ok: true }, 200, { etag: '"3"' })
    return made
  })
  // A route that sets a CORS header of its own: the middleware's wins, as with `hono/cors`.
  app.post("/own", (c) => {
    made = c.body("done", 201, { "access-control-allow-origin": "https://route.example" })
    return made
  })
  app.get("/raw", () => {
    made = new Response("raw", { headers: { "content-type": "text/plain" } })
    return made
  })
  return { app, sent }
}

const requests: ReadonlyArray<readonly [string, RequestInit]> = [
  ["/json", {}],
  ["/json", { headers: { origin: "https://app.example" } }],
  ["/json", { headers: { origin: "https://evil.example" } }],
  ["/own", { method: "POST", headers: { origin: "https://other.example" } }],
  ["/own", { method: "POST" }],
  ["/raw", { headers: { origin: "https://app.example" } }],
  [
    "/json",
    {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    },
  ],
  ["/json", { method: "OPTIONS", headers: { origin: "https://evil.example" } }],
  ["/missing", { headers: { origin: "https://app.example" } }],
]

const headersOf = (response: Response) => {
  const all: Array<[string, string]> = []
  response.headers.forEach((value, name) => {
    all.push([name, value])
  })
  return all.sort(([a], [b]) => a.localeCompare(b))
}

describe("CrossOrigin", () => {
  it("answers every request with the status, headers and body hono/cors gives", async () => {
    const theirs = appWith(
      cors({
        origin: [...settings.origins],
        allowHeaders: [...settings.allowHeaders],
        allowMethods: [...settings.allowMethods],
        exposeHeaders: [...settings.exposeHeaders],
        maxAge: settings.maxAge,
      }),
    ).app
    const ours = appWith(CrossOrigin.middleware(settings)).app
    for (const [path, init] of requests) {
      const expected = await theirs.request(path, init)
      const actual = await ours.request(path, init)
      expect({ path, status: actual.status, headers: headersOf(actual), body: await actual.text() }).toEqual({
        path,
        status: expected.status,
        headers: headersOf(expected),
        body: await expected.text(),
      })
    }
  })

  it("sends the route's own answer, not a copy made over an empty one", async () => {
    const { app, sent } = appWith(CrossOrigin.middleware(settings))
    await app.request("/json", { headers: { origin: "https://app.example" } })
    await app.request("/own", { method: "POST" })
    expect(sent).toEqual([true, true])
  })
})
