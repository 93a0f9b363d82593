// The web app's budgets (issue 15), measured — not a test: the first page's
// JavaScript gzipped beside the 200 KiB budget, and the worklist's first
// contentful paint and time to interactive in Chromium on loopback, against
// the demo, beside a floor: a static HTML page of the same size served from
// loopback. Also takes the README's screenshots (docs/screenshots/).
// Run: pnpm --filter @bashke/web build && pnpm --filter @bashke/web bench
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs"
import { createServer } from "node:http"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import type { Page } from "playwright-core"
import { record } from "../../../scripts/benchmark"
import { closeChromium, launch, screenshot, signInWithLink, startGateway, webRoot } from "../test/browser/Harness"

const appDirectory = join(import.meta.dirname, "..")
const screenshots = join(appDirectory, "../../docs/screenshots")
const rounds = 7

// The files index.html loads before anything else: the entry script and the stylesheet.
const index = readFileSync(join(webRoot, "index.html"), "utf8")
const initial = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string)
const bytes = (file: string) => readFileSync(join(webRoot, file))
const initialJs = initial.filter((file) => file.endsWith(".js"))
const jsGzip = initialJs.reduce((sum, file) => sum + gzipSync(bytes(file), { level: 9 }).length, 0)
const pageBytes = Buffer.byteLength(index) + initial.reduce((sum, file) => sum + bytes(file).length, 0)
console.log(
  `initial files: ${initial.join(", ")}; lazy chunks: ${readdirSync(join(webRoot, "assets")).length - initial.length}`,
)

const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

interface Timing {
  readonly fcp: number
  readonly tti: number
}

/** A cold load of `url` (cache off): first contentful paint, and when `ready` shows with no long task after. */
const measure = async (page: Page, url: string, ready: string): Promise<Timing> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true })
  await page.goto(url)
  await page.locator(ready).first().waitFor()
  const readyAt = await page.evaluate(() => performance.now())
  await page.waitForTimeout(500)
  return page.evaluate(async (shown) => {
    const paints = (await new Promise<PerformanceEntryList>((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries())).observe({ type: "paint", buffered: true })
      setTimeout(() => resolve(performance.getEntriesByType("paint")), 200)
    })) as PerformanceEntryList
    const fcp = paints.find((entry) => entry.name === "first-contentful-paint")?.startTime ?? Number.NaN
    const longTasks = (await new Promise<PerformanceEntryList>((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries())).observe({ type: "longtask", buffered: true })
      setTimeout(() => resolve([]), 200)
    })) as PerformanceEntryList
    const lastLongTask = Math.max(0, ...longTasks.map((task) => task.startTime + task.duration))
    const loaded = (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd
    return { fcp, tti: Math.max(shown, lastLongTask, loaded) }
  }, readyAt)
}

const gateway = await startGateway()
const browser = await launch()
// The floor: one static page of the same bytes, a heading and text, from loopback.
const floorHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><h1>My worklist</h1><p>${"text ".repeat(Math.max(0, Math.floor((pageBytes - 120) / 5)))}</p></body></html>`
const floor = createServer((_, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
  response.end(floorHtml)
})
await new Promise<void>((resolve) => floor.listen(0, "127.0.0.1", resolve))
const floorAddress = floor.address()
const floorUrl = `http://127.0.0.1:${typeof floorAddress === "object" && floorAddress !== null ? floorAddress.port : 0}/`

try {
  const page = await browser.newPage()
  await signInWithLink(page, gateway, "coordinator")
  await page.getByTestId("language").selectOption("en")
  const app: Array<Timing> = []
  const plain: Array<Timing> = []
  for (let round = 0; round <= rounds; round++) {
    const one = await browser.newPage()
    const timing = await measure(one, `${gateway.url}/`, "ul.worklist, .worklist + p, main h1 + p")
    await one.close()
    const other = await browser.newPage()
    const floorTiming = await measure(other, floorUrl, "h1")
    await other.close()
    if (round === 0) continue // warm-up: the gateway's first queries and Chromium's start
    app.push(timing)
    plain.push(floorTiming)
  }

  // The README's screenshots, as the coordinator sees the demo.
  mkdirSync(screenshots, { recursive: true })
  const shots = await browser.newPage()
  await shots.goto(`${gateway.url}/`)
  await shots.locator("ul.worklist").first().waitFor()
  copyFileSync(await screenshot(shots, "worklist-coordinator"), join(screenshots, "worklist.png"))
  await shots.setViewportSize({ width: 390, height: 844 })
  copyFileSync(await screenshot(shots, "worklist-coordinator"), join(screenshots, "worklist-phone.png"))
  await shots.setViewportSize({ width: 1280, height: 800 })
  await shots.getByRole("link", { name: "Cases" }).click()
  await shots.locator("tbody tr th a").first().waitFor()
  copyFileSync(await screenshot(shots, "cases-coordinator"), join(screenshots, "cases.png"))

  record(appDirectory, "web-app", [
    {
      measure: "first page's JavaScript, gzip",
      unit: "bytes",
      value: jsGzip,
      floor: { measure: "budget (issue 15): 200 KiB", value: 200 * 1024 },
      goal: "≤ budget",
    },
    {
      measure: `worklist first contentful paint (median of ${rounds}, cold cache)`,
      unit: "ms",
      value: median(app.map((t) => t.fcp)),
      floor: { measure: `static HTML page of the same ${pageBytes} bytes`, value: median(plain.map((t) => t.fcp)) },
    },
    {
      measure: `worklist time to interactive (median of ${rounds}, cold cache)`,
      unit: "ms",
      value: median(app.map((t) => t.tti)),
      floor: { measure: `static HTML page of the same ${pageBytes} bytes`, value: median(plain.map((t) => t.tti)) },
    },
  ])
} finally {
  floor.close()
  await browser.close()
  // The browser above is a context of the harness's one Chromium: that process is ended
  // here, or the bench would wait on it after its figures are written.
  await closeChromium()
  await gateway.close()
}
