// /docs in a real browser (Debian's Chromium, headless): Swagger UI, served by
// the gateway from the pinned swagger-ui-dist (no CDN: every request the page
// makes goes to the gateway), renders every operation of /openapi.json under
// the primer, with the page's Content Security Policy refusing nothing.
import { mkdtempSync, rmSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { serve } from "@hono/node-server"
import { type BrowserContext, chromium } from "playwright-core"
import * as SwaggerUiFiles from "../src/SwaggerUiFiles"
import { databases, type Gateway, makeGateway } from "./support/Gateway"

const executable = "/usr/bin/chromium"

describe("/docs in Chromium", () => {
  let gateway: Gateway
  let server: ReturnType<typeof serve>
  let origin: string
  let context: BrowserContext
  const profile = mkdtempSync(join(tmpdir(), "bashke-docs-browser-"))

  beforeAll(async () => {
    const sqlite = databases.find((db) => db.name === "sqlite")
    if (sqlite === undefined) throw new Error("SQLite is always there")
    gateway = await makeGateway(sqlite, { docs: SwaggerUiFiles.fromInstalledPackage() })
    server = serve({ fetch: gateway.app.fetch, port: 0, hostname: "127.0.0.1" })
    await new Promise<void>((resolve) => server.once("listening", () => resolve()))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    context = await chromium.launchPersistentContext(profile, {
      executablePath: executable,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    })
  })

  afterAll(async () => {
    await context?.close()
    await new Promise<void>((resolve) => server?.close(() => resolve()))
    await gateway?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it("shows the primer and every operation, fetching only from the gateway, with no CSP refusal", async () => {
    const description = (await (await fetch(`${origin}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>
    }
    const operationIds = Object.values(description.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    )
    expect(operationIds.length).toBeGreaterThan(20)

    const page = await context.newPage()
    const requested: Array<string> = []
    const refused: Array<string> = []
    const failed: Array<string> = []
    page.on("request", (request) => void requested.push(request.url()))
    page.on("response", (answer) => {
      if (answer.status() >= 400) failed.push(`${answer.status()} ${answer.url()}`)
    })
    page.on("console", (message) => {
      if (message.type() === "error") refused.push(message.text())
    })
    await page.setViewportSize({ width: 1280, height: 900 })
    // `/` leads to the documentation while this gateway serves no web app.
    const response = await page.goto(`${origin}/`, { timeout: 60_000 })
    expect(response?.url()).toBe(`${origin}/docs`)

    for (const heading of ["Authentication", "Idempotency-Key", "If-Match and ETag", "Problems"])
      await expect.poll(() => page.locator("#primer dt", { hasText: heading }).count()).toBe(1)

    // Swagger UI renders one block per operation; each carries its operationId in its id. With
    // 150 tags and operations or more it draws the list virtualized (only the rows near the
    // viewport are in the page), so the reader's scrolling is what draws them all: scroll from
    // the top to the bottom, half a window at a time, and collect what is drawn on the way.
    await page.locator(".opblock").first().waitFor({ timeout: 60_000 })
    const drawn = new Set<string>()
    const operationOf = (id: string) => operationIds.find((operationId) => id.endsWith(`-${operationId}`))
    for (let pass = 0; pass < 3 && drawn.size < operationIds.length; pass++) {
      await page.evaluate(() => window.scrollTo(0, 0))
      for (let atBottom = false; !atBottom; ) {
        // Two animation frames: the virtualizer has drawn the rows of this scroll position.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
        for (const id of await page.locator(".opblock").evaluateAll((blocks) => blocks.map((block) => block.id))) {
          const operationId = operationOf(id)
          expect(operationId, `${id} is an operation of /openapi.json`).toBeDefined()
          if (operationId !== undefined) drawn.add(operationId)
        }
        atBottom = await page.evaluate(() => {
          const before = window.scrollY
          window.scrollBy(0, window.innerHeight / 2)
          return window.scrollY === before
        })
      }
    }
    expect([...drawn].sort()).toEqual([...operationIds].sort())
    expect(new Set(operationIds).size).toBe(operationIds.length)

    // Nothing overflows the page's width at 1280 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    expect(requested.filter((url) => !url.startsWith(origin))).toEqual([])
    expect(failed).toEqual([])
    expect(refused).toEqual([])
    await page.close()
  })
})
