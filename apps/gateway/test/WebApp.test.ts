// The web app served beside the API: files with their caching, pages with a
// strict CSP, every page path answered with the app, and the API's paths
// never answered with it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as App from "../src/App"
import * as RequestFingerprint from "../src/RequestFingerprint"
import { routes } from "../src/Routes"
import * as WebApp from "../src/WebApp"
import * as WebFiles from "../src/WebFiles"

const index = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>`
const script = `console.log("app")`

const appWith = async (web: WebApp.WebFiles | undefined) =>
  App.make({
    run: (effect) => Effect.runPromiseExit(effect as Effect.Effect<unknown, unknown, never>) as never,
    fingerprint: await RequestFingerprint.make(new Uint8Array(32).fill(0x33)),
    routes,
    ...(web === undefined ? {} : { web }),
  })

const files = WebApp.fromRecord({ "/index.html": index, "/assets/index-AbC123.js": script })

describe("the web app at /", () => {
  it("serves index.html at / without caching and with a strict CSP", async () => {
    const app = await appWith(files)
    const response = await app.request("/")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8")
    expect(response.headers.get("cache-control")).toBe("no-cache")
    const csp = response.headers.get("content-security-policy") ?? ""
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain("unsafe-inline")
    expect(csp).not.toContain("unsafe-eval")
    expect(await response.text()).toBe(index)
  })

  it("serves hashed assets as immutable for a year", async () => {
    const app = await appWith(files)
    const response = await app.request("/assets/index-AbC123.js")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8")
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    // Not a page: the policy that allows nothing (issue 13, finding 12).
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'")
    expect(await response.text()).toBe(script)
  })

  it("answers every page path with the app, so a link from an email opens it there", async () => {
    const app = await appWith(files)
    for (const path of ["/cases", "/cases/01JABCDEFGHJKMNPQRSTVWXYZ0", "/referrals/x/y"]) {
      const response = await app.request(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get("cache-control"), path).toBe("no-cache")
      expect(await response.text(), path).toBe(index)
    }
  })

  it("answers a missing file 404 as a problem, not with the page", async () => {
    const app = await appWith(files)
    for (const path of ["/assets/gone-123.js", "/favicon.png", "/assets/nothing"]) {
      const response = await app.request(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get("content-type"), path).toBe("application/problem+json")
    }
  })

  it("leaves the API's paths to the API", async () => {
    const app = await appWith(files)
    const unknown = await app.request("/v1/nothing-here")
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get("content-type")).toBe("application/problem+json")
    // A route of the API with a method it lacks: the API's 405, not the page (this runner has no services).
    const refused = await app.request("/v1/cases", { method: "DELETE" })
    expect(refused.status).toBe(405)
    expect(refused.headers.get("content-type")).toBe("application/problem+json")
    const document = await app.request("/openapi.json")
    expect(document.headers.get("content-type")).toMatch(/^application\/json/)
    const docs = await app.request("/docs")
    expect(await docs.text()).not.toBe(index)
  })

  it("a gateway without the app leads `/` to the API's documentation", async () => {
    const app = await appWith(undefined)
    const response = await app.request("/")
    expect(response.status).toBe(303)
    expect(response.headers.get("location")).toBe("/docs")
    expect((await app.request("/elsewhere")).headers.get("content-type")).toBe("application/problem+json")
  })

  it("answers HEAD without a body and refuses other methods", async () => {
    const app = await appWith(files)
    const head = await app.request("/", { method: "HEAD" })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe("")
    const post = await app.request("/", { method: "POST" })
    expect(post.status).toBe(404)
  })

  it("the Workers' _headers file sends the same CSP and caching", () => {
    const rules = readFileSync(join(import.meta.dirname, "../../web/public/_headers"), "utf8")
    expect(rules).toContain(`Content-Security-Policy: ${WebApp.contentSecurityPolicy}`)
    expect(rules).toContain(`/assets/*\n  ! Cache-Control\n  Cache-Control: ${WebApp.immutable}`)
    expect(rules).toContain(`Cache-Control: ${WebApp.revalidate}`)
  })

  it("reads a build directory and nothing outside it", async () => {
    const root = mkdtempSync(join(tmpdir(), "bashke-web-"))
    mkdirSync(join(root, "dist", "assets"), { recursive: true })
    writeFileSync(join(root, "dist", "index.html"), index)
    writeFileSync(join(root, "dist", "assets", "index-AbC123.js"), script)
    writeFileSync(join(root, "secret.txt"), "not for the web")
    writeFileSync(join(root, "dist", "_headers"), "/*\n  X-Rule: 1")
    const app = await appWith(WebFiles.fromDirectory(join(root, "dist")))
    expect(await (await app.request("/assets/index-AbC123.js")).text()).toBe(script)
    expect((await app.request("/_headers")).status).toBe(404)
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt"]) {
      const response = await app.request(path)
      expect(await response.text(), path).not.toContain("not for the web")
    }
  })
})
