/**
 * The browser tests' world: the real gateway (built, on a fresh SQLite file
 * with the demo) serving the built app, and Debian's Chromium driven by
 * playwright-core, with axe-core injected, screenshots at desk and phone
 * sizes, and a record of every URL and page title seen (for the privacy
 * check).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Catalogue, Locale } from "@bashke/kernel"
import {
  type BrowserContext,
  type Browser as ChromiumProcess,
  chromium,
  type Locator,
  type Page,
} from "playwright-core"
import { webMessages } from "../../src/WebMessages"
import type { DemoTemplate } from "./DemoTemplate"

export const webRoot = join(import.meta.dirname, "../../dist")
export const outputDir = join(import.meta.dirname, "../../test-results/browser")

export const viewports = {
  desk: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const

export interface Gateway {
  readonly url: string
  readonly tokens: Readonly<Record<string, string>>
  /** One one-time sign-in link per demo person, as `bashke start` prints them. */
  readonly signInLinks: Readonly<Record<string, string>>
  /** The demo mechanism's id. */
  readonly mechanismId: string
  readonly close: () => Promise<void>
}

export interface GatewayOptions {
  readonly port?: number
  /** More environment: an identity provider's settings. */
  readonly env?: Record<string, string>
  /** The plugin host's configuration (docs/gateway-plugins.md), made with the demo mechanism's id. */
  readonly plugins?: (mechanismId: string) => unknown
  /** The run's seeded demo to start from a copy of (`DemoTemplate.ts`); without it the demo is seeded now. */
  readonly template?: DemoTemplate | undefined
}

/**
 * The gateway on loopback over a SQLite file of its own holding the demo (a
 * copy of the run's seeded template, `DemoTemplate.ts`, or seeded now without
 * one), the app at `/`; `port`, more `env` and `plugins` when given.
 */
export const startGateway = async (options: GatewayOptions = {}): Promise<Gateway> => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-web-test-"))
  const template = options.template
  if (template !== undefined) cpSync(template.directory, directory, { recursive: true })
  const pluginsConfig = join(directory, "plugins.json")
  if (options.plugins !== undefined) {
    // The plugins name the mechanism, which only a seeded demo has: without a template, seed it first.
    const mechanismId = template?.mechanismId ?? (await seed(directory))
    writeFileSync(pluginsConfig, JSON.stringify(options.plugins(mechanismId)))
  }
  const running = await startDemo(directory, {
    ...options,
    ...(options.plugins === undefined ? {} : { pluginsConfig }),
  })
  return {
    url: running.url,
    tokens: running.tokens,
    signInLinks: running.signInLinks,
    mechanismId: running.mechanismId,
    close: async () => {
      await running.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}

/** Seeds the demo into `directory`, returning its mechanism's id. */
const seed = async (directory: string): Promise<string> => {
  const seeded = await startDemo(directory, {})
  await seeded.close()
  return seeded.mechanismId
}

/** The server over the demo in `directory` (seeded now if it holds none yet). */
const startDemo = async (
  directory: string,
  options: { readonly port?: number; readonly env?: Record<string, string>; readonly pluginsConfig?: string },
) => {
  const { start } = await import("@bashke/gateway/server")
  const running = await start({
    demo: true,
    port: options.port ?? 0,
    host: "127.0.0.1",
    databaseUrl: `sqlite:${join(directory, "bashke.db")}`,
    webRoot,
    log: () => {},
    env: { BASHKE_SCHEDULER: "off", ...options.env },
    ...(options.pluginsConfig === undefined ? {} : { pluginsConfig: options.pluginsConfig }),
  })
  if (running.mechanismId === undefined) throw new Error("the demo was not seeded")
  return { ...running, mechanismId: running.mechanismId }
}

export interface Browser {
  readonly context: BrowserContext
  /** Every URL a page of this browser navigated to or requested. */
  readonly urls: Array<string>
  /** Every title a page of this browser showed. */
  readonly titles: Array<string>
  /** Messages the pages logged as errors (CSP violations among them). */
  readonly errors: Array<string>
  readonly newPage: (viewport?: keyof typeof viewports) => Promise<Page>
  readonly close: () => Promise<void>
}

const chromiumPath = process.env.BASHKE_CHROMIUM ?? "/usr/bin/chromium"

// One Chromium per test worker: each browser of a test is a context of it (its
// own cookies and storage, as a separate profile has), which starts in a
// fraction of the time a whole Chromium takes.
let chromiumProcess: Promise<ChromiumProcess> | undefined

const chromiumRunning = (): Promise<ChromiumProcess> => {
  chromiumProcess ??= chromium.launch({
    executablePath: chromiumPath,
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
  return chromiumProcess
}

/** Ends the worker's Chromium (a world does it after its file's tests); the next `launch` starts another. */
export const closeChromium = async (): Promise<void> => {
  const running = chromiumProcess
  chromiumProcess = undefined
  await (await running)?.close()
}

/** A browser of its own (cookies, storage, the pages it opened) in the worker's Chromium, headless. */
export const launch = async (): Promise<Browser> => {
  const context = await (await chromiumRunning()).newContext({
    viewport: viewports.desk,
    locale: "sq",
    timezoneId: "UTC",
  })
  context.setDefaultTimeout(60_000)
  context.setDefaultNavigationTimeout(60_000)
  const urls: Array<string> = []
  const titles: Array<string> = []
  const errors: Array<string> = []
  context.on("page", (page) => {
    page.on("request", (request) => urls.push(request.url()))
    page.on("framenavigated", (frame) => urls.push(frame.url()))
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text())
    })
    page.on("pageerror", (error) => errors.push(String(error)))
    page.on("load", () => {
      page.title().then(
        (title) => titles.push(title),
        () => {},
      )
    })
  })
  return {
    context,
    urls,
    titles,
    errors,
    newPage: async (viewport = "desk") => {
      const page = await context.newPage()
      await page.setViewportSize(viewports[viewport])
      return page
    },
    close: () => context.close(),
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

export interface Violation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: ReadonlyArray<string>
}

/** axe-core's serious and critical violations on the page as it is now. */
export const seriousViolations = async (page: Page): Promise<ReadonlyArray<Violation>> => {
  // Injected through the DevTools protocol, so the page's CSP (no inline script) does not apply.
  const present = await page.evaluate(() => "axe" in globalThis)
  if (!present) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    type Result = {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: Array<string> }> }>
    }
    const axe = (globalThis as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe
    const result = await axe.run(document)
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node) => node.target.join(" ")),
    }))
  })
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical")
}

/** How far the page is wider than its viewport (0: nothing overflows). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** A full-page screenshot into the tests' output, named `<name>-<viewport>.png`. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(outputDir, { recursive: true })
  const size = page.viewportSize()
  const file = join(outputDir, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Everything the browser keeps for the origin: local and session storage, IndexedDB. */
export const storedText = (page: Page): Promise<string> =>
  page.evaluate(async () => {
    const dump = (storage: Storage) => {
      const out: Record<string, string | null> = {}
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) as string
        out[key] = storage.getItem(key)
      }
      return out
    }
    const databases = await indexedDB.databases()
    const indexed: Record<string, unknown> = {}
    for (const info of databases) {
      if (info.name === undefined) continue
      indexed[info.name] = await new Promise((resolve) => {
        const open = indexedDB.open(info.name as string)
        open.onsuccess = async () => {
          const db = open.result
          const stores: Record<string, unknown> = {}
          for (const name of Array.from(db.objectStoreNames)) {
            stores[name] = await new Promise((done) => {
              const request = db.transaction(name).objectStore(name).getAll()
              request.onsuccess = () => done(request.result)
              request.onerror = () => done(null)
            })
          }
          db.close()
          resolve(stores)
        }
        open.onerror = () => resolve(null)
      })
    }
    return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage), indexed })
  })

/** Signs in by opening a person's one-time link; the browser keeps the session cookie for every page after. */
export const signInWithLink = async (page: Page, gateway: Gateway, who: string): Promise<void> => {
  const link = gateway.signInLinks[who]
  if (link === undefined) throw new Error(`no sign-in link for ${who}`)
  await page.goto(link)
  await page.getByRole("navigation").first().waitFor()
}

/** Opens a path of the app in a page whose browser is signed in. */
export const open = async (page: Page, gateway: Gateway, path: string): Promise<void> => {
  await page.goto(`${gateway.url}${path}`)
  // The header's navigation comes first; a page may show its own after it (the administration's).
  await page.getByRole("navigation").first().waitFor()
}

// "Loading…" in every language, from the catalogue the app shows it from.
const loadingTexts = Locale.all.flatMap((locale) => Catalogue.messages(webMessages, "web.loading")[locale] ?? [])

/**
 * Waits until no part of the page is loading: several parts (a list and its
 * filters, a case and its referrals) may load at once, so waiting for a single
 * "Loading…" to go is not enough. Bounded generously: the machine is loaded.
 */
export const untilLoaded = async (page: Page, timeout = 60_000): Promise<void> => {
  await page.waitForFunction(
    (texts) =>
      !Array.from(document.querySelectorAll("[role=status]")).some((element) =>
        texts.includes(element.textContent?.trim() ?? ""),
      ),
    loadingTexts,
    { timeout, polling: 100 },
  )
}

/**
 * Moves the focus with Tab alone until it is on `target`, checking on the way
 * that the focused element shows an outline (visible focus). Fails after
 * `limit` presses.
 */
export const tabTo = async (page: Page, target: Locator, limit = 80): Promise<void> => {
  for (let pressed = 0; pressed < limit; pressed++) {
    await page.keyboard.press("Tab")
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      const outline = await target.evaluate((element) => getComputedStyle(element).outlineStyle)
      if (outline === "none") throw new Error("the focused element shows no focus outline")
      return
    }
  }
  throw new Error(`Tab did not reach the element in ${limit} presses`)
}

/** Chooses the page's language with the switch and waits until the page is in it. */
export const chooseLanguage = async (page: Page, locale: Locale.Locale): Promise<void> => {
  await page.getByTestId("language").selectOption(locale)
  await page.locator(`html[lang="${locale}"]`).waitFor()
}

/** Moves to a path of the app without reloading it, as a link does. */
export const go = (page: Page, path: string): Promise<void> =>
  page.evaluate((to) => {
    history.pushState(null, "", to)
    dispatchEvent(new PopStateEvent("popstate"))
  }, path)
