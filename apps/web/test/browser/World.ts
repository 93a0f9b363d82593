/**
 * One test file's world: its gateway (from a copy of the run's seeded demo)
 * and a browser per person, made before the file's first test and closed
 * after its last. Kept apart from `Harness.ts` because it needs vitest's
 * hooks, which the web bench (run outside vitest) cannot load.
 */
import type { Locale } from "@bashke/kernel"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, inject } from "vitest"
// The template's type (`inject("demoTemplate")`).
import type {} from "./DemoTemplate"
import {
  type Browser,
  chooseLanguage,
  closeChromium,
  type Gateway,
  type GatewayOptions,
  launch,
  open,
  signInWithLink,
  startGateway,
  type viewports,
} from "./Harness"
import { type Enrolled, enrol } from "./PasswordSignIn"

export interface WorldOptions {
  /** People signed in with their one-time link before the first test, each in a browser of their own. */
  readonly people?: ReadonlyArray<string>
  /** Browsers for people who sign in during the tests, named as the tests call them. */
  readonly browsers?: ReadonlyArray<string>
  /** People given a password and an authenticator app through the API before the first test (their links spent). */
  readonly enrolled?: ReadonlyArray<string>
  /** The gateway's port and more environment, when the file needs them (an identity provider's settings). */
  readonly gateway?: () => Promise<GatewayOptions>
}

/** What a test file works with: its gateway and the browsers of its people. */
export interface World {
  readonly gateway: Gateway
  /** The browser of someone in `people` or `browsers`. */
  readonly browser: (who: string) => Browser
  /** How someone in `enrolled` signs in. */
  readonly enrolled: (who: string) => Enrolled
  /**
   * A new page of `who`'s browser (signed in) at `path` of the app, the
   * navigation shown, at `size`, in `locale` when given.
   */
  readonly page: (
    who: string,
    options?: { readonly path?: string; readonly size?: keyof typeof viewports; readonly locale?: Locale.Locale },
  ) => Promise<Page>
  /** Another browser, for one test (someone who is in no other); closed with the world. */
  readonly launch: () => Promise<Browser>
  /** Every browser the world opened: for the checks over all of them (URLs, titles, CSP reports). */
  readonly browsers: () => ReadonlyArray<Browser>
}

/**
 * The real gateway on a fresh demo database and a browser per person, for
 * the tests of one file: made before its first test, closed after its last.
 */
export const testWorld = (options: WorldOptions = {}): World => {
  let gateway: Gateway | undefined
  const named = new Map<string, Browser>()
  const others: Array<Browser> = []
  const enrolments = new Map<string, Enrolled>()
  const required = <A>(value: A | undefined, what: string): A => {
    if (value === undefined) throw new Error(`the world has no ${what}: name it in testWorld`)
    return value
  }

  beforeAll(async () => {
    gateway = await startGateway({
      ...(options.gateway === undefined ? {} : await options.gateway()),
      template: inject("demoTemplate"),
    })
    for (const who of options.enrolled ?? []) enrolments.set(who, await enrol(gateway, who))
    for (const who of [...(options.people ?? []), ...(options.browsers ?? [])]) named.set(who, await launch())
    for (const who of options.people ?? []) {
      const page = await (named.get(who) as Browser).newPage()
      await signInWithLink(page, gateway, who)
      await page.close()
    }
  }, 240_000)

  afterAll(async () => {
    for (const browser of [...named.values(), ...others]) await browser.close().catch(() => {})
    await closeChromium()
    await gateway?.close()
  })

  const world: World = {
    get gateway() {
      return required(gateway, "gateway yet (it starts before the first test)")
    },
    browser: (who) => required(named.get(who), `browser for ${who}`),
    enrolled: (who) => required(enrolments.get(who), `enrolment of ${who}`),
    page: async (who, { path = "/", size = "desk", locale } = {}) => {
      const page = await world.browser(who).newPage(size)
      await open(page, world.gateway, path)
      if (locale !== undefined) await chooseLanguage(page, locale)
      return page
    },
    launch: async () => {
      const browser = await launch()
      others.push(browser)
      return browser
    },
    browsers: () => [...named.values(), ...others],
  }
  return world
}
