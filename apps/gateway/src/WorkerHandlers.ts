/**
 * The handlers of the Cloudflare Workers entry (`worker.ts`), made from the
 * plugin list generated at build time (`scripts/worker-plugins.ts`):
 *
 * - `fetch` serves the same app as on Node over the store the Worker's
 *   bindings name (`WorkersStore`: PostgreSQL through Hyperdrive for reads and
 *   writes, or D1 read-only), with keys from the Worker's secrets, plugin
 *   webhooks under `/v1/plugins/` and each plugin's health in `/health`.
 * - `scheduled` (Cron Triggers) runs one round of every plugin's pulls,
 *   inbox and event deliveries (`PluginRound`): a Worker keeps no loops
 *   running between events, so the host is started with `start: false`;
 *   and one round of the notifications' scheduler (`NotificationSettings`;
 *   protection orders past their end are expired first, `OrderExpiry`, and
 *   closed cases past their retention erased, `CaseRetention` (both through
 *   the case package's `CaseRounds`);
 *   `BASHKE_SCHEDULER=off` leaves it to a `bashke worker`), in-app only: a
 *   Worker sends no email (a `bashke worker` with `BASHKE_SMTP_URL` over the
 *   same PostgreSQL does, with this one off).
 *
 * The runtime (services, keys, store client, plugin host) and the app are
 * built once per isolate, by its first event (bindings arrive with events,
 * and I/O is not allowed at module scope), and reused after it; a build that
 * fails answers 503 and is tried again by the next event. Each event runs with
 * connections of its own (`WorkersStore.serve`). This module and what it
 * imports must stay free of Node-only modules (`node:fs`,
 * `@bashke/persistence/node`, `Server.ts`, `plugins/PluginRuntime.ts`).
 *
 * Secrets and variables (`wrangler secret put`, or `.dev.vars` locally):
 * `BASHKE_VAULT_KEYS`, `BASHKE_BLIND_INDEX_KEY` (required), optionally
 * `BASHKE_CORS_ORIGINS` (comma-separated) and `BASHKE_RATE_LIMIT_PER_MINUTE`
 * (per isolate: each isolate counts on its own), `BASHKE_SCHEDULER` and
 * `BASHKE_PUBLIC_ORIGIN` (notifications), and every secret the plugin
 * configuration refers to by `{ "$secret": "NAME" }` (`PluginSecrets`).
 */
import { CaseRounds } from "@bashke/case"
import { JurisdictionProfile, Locale } from "@bashke/kernel"
import { Scheduler } from "@bashke/notifications"
import { Migrations } from "@bashke/persistence"
import { PluginStartError } from "@bashke/plugin-sdk"
import { Cause, ConfigProvider, Effect, Layer, ManagedRuntime, Option, Runtime } from "effect"
import * as App from "./App"
import * as GatewaySettings from "./GatewaySettings"
import { migrationPlan } from "./MigrationPlan"
import * as NotificationSettings from "./NotificationSettings"
import * as OidcSettings from "./OidcSettings"
import * as PdfFont from "./PdfFont"
import * as Problem from "./Problem"
import * as PluginConfig from "./plugins/PluginConfig"
import * as PluginHostRuntime from "./plugins/PluginHostRuntime"
import * as PluginRound from "./plugins/PluginRound"
import * as PluginSecrets from "./plugins/PluginSecrets"
import * as RequestFingerprint from "./RequestFingerprint"
import { routes } from "./Routes"
import * as Services from "./Services"
import * as StartFailure from "./StartFailure"
import * as WorkersStore from "./WorkersStore"

/** What the Worker is given: its bindings, secrets and variables. */
export interface WorkerEnv extends WorkersStore.StoreBindings {
  readonly BASHKE_VAULT_KEYS?: string
  readonly BASHKE_BLIND_INDEX_KEY?: string
  readonly BASHKE_CORS_ORIGINS?: string
  readonly BASHKE_RATE_LIMIT_PER_MINUTE?: string
  readonly BASHKE_SCHEDULER?: string
  readonly BASHKE_PUBLIC_ORIGIN?: string
  readonly BASHKE_OIDC_ISSUER?: string
  readonly BASHKE_OIDC_AUDIENCE?: string
  readonly BASHKE_OIDC_JWKS_URL?: string
  readonly BASHKE_OIDC_MAX_LIFETIME?: string
  readonly BASHKE_OIDC_ALGORITHMS?: string
  readonly BASHKE_OIDC_CLIENT_ID?: string
  readonly BASHKE_OIDC_CLIENT_SECRET?: string
  readonly BASHKE_OIDC_CLAIMS?: string
  readonly BASHKE_OIDC_SCOPES?: string
  readonly BASHKE_OIDC_NAME?: string
}

/** The part of the Worker's execution context the entry uses. */
export interface WorkerContext {
  readonly waitUntil: WorkersStore.WaitUntil
}

/** The part of a Cron Trigger's event the entry uses. */
export interface ScheduledController {
  readonly cron: string
  readonly scheduledTime: number
}

/** The generated module (`worker-plugins.generated.ts`): the plugin packages and the configuration they came from. */
export interface GeneratedPlugins {
  readonly plugins: ReadonlyArray<readonly [packageName: string, module: unknown]>
  /** The configuration as written, its secrets as references. */
  readonly configuration: unknown
}

/** What the entry binds besides the plugins: files the bundle carries as Data modules. */
export interface Bundled {
  /** The PDF font's bytes (DejaVu Sans); without it a PDF request fails as a defect. */
  readonly pdfFont?: Uint8Array
}

export interface WorkerHandlers {
  readonly fetch: (request: Request, env: WorkerEnv, context: WorkerContext) => Promise<Response>
  readonly scheduled: (controller: ScheduledController, env: WorkerEnv, context: WorkerContext) => Promise<void>
}

interface Built {
  readonly fetch: (request: Request) => Response | Promise<Response>
  /** One round of the plugins' work; none without plugins. */
  readonly round: () => Promise<ReadonlyArray<PluginRound.PluginRoundOutcome>>
  /** One round of the notifications' scheduler; none when it is off. */
  readonly notify: () => Promise<Scheduler.Round | undefined>
}

/** Configuration read from the Worker's string values only (bindings are objects). */
const stringsOf = (env: object): Map<string, string> =>
  new Map(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string"))

// biome-ignore lint/suspicious/noConsole: Workers Logs keep what the console prints; each line holds no personal data
const log = (line: unknown) => console.log(JSON.stringify(line))

const startPlugins = async (
  runtime: ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>,
  generated: GeneratedPlugins,
  strings: Map<string, string>,
): Promise<PluginHostRuntime.RunningPlugins> => {
  const config = await Effect.runPromise(
    PluginSecrets.resolve(generated.configuration, (name) => strings.get(name)).pipe(
      Effect.flatMap(PluginConfig.decode),
    ),
  )
  return PluginHostRuntime.start(runtime, config, { modules: generated.plugins }, { start: false })
}

const build = async (
  env: WorkerEnv,
  store: WorkersStore.WorkersStore,
  generated: GeneratedPlugins,
  bundled: Bundled,
): Promise<Built> => {
  const strings = stringsOf(env)
  // Email is off on Workers whatever BASHKE_SMTP_URL says: no mailer is provided.
  const notifications = NotificationSettings.readConfig(Object.fromEntries(strings))
  // Checked before anything is built: a malformed value stops the isolate naming the variable.
  const rateLimit = GatewaySettings.rateLimitOf(Object.fromEntries(strings))
  const corsOrigins = GatewaySettings.corsOriginsOf(Object.fromEntries(strings))
  const tokenLifetimes = GatewaySettings.tokenLifetimesOf(Object.fromEntries(strings))
  const oidc = OidcSettings.read(Object.fromEntries(strings))
  const keys = Services.keysFromConfig.pipe(Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(strings))))
  const runtime = ManagedRuntime.make(
    Services.layer(keys, {
      tokenLifetimes,
      ...(bundled.pdfFont === undefined ? {} : { pdfFont: PdfFont.layerOf(bundled.pdfFont) }),
    }).pipe(Layer.provideMerge(store.layer), Layer.orDie),
  )
  let plugins: PluginHostRuntime.RunningPlugins | undefined
  try {
    await runtime.runPromise(store.migrate ? Migrations.run(migrationPlan) : Effect.void)
    plugins = generated.plugins.length === 0 ? undefined : await startPlugins(runtime, generated, strings)
  } catch (error) {
    await runtime.dispose()
    throw error
  }
  // The blind index key was validated by the keys layer, built above.
  const fingerprint = await RequestFingerprint.make(RequestFingerprint.fromBase64(env.BASHKE_BLIND_INDEX_KEY ?? ""))
  const run: App.Runner = (effect) => runtime.runPromiseExit(effect)
  const app = App.make({
    run: plugins === undefined ? run : plugins.runner(run),
    ...(plugins === undefined ? {} : { plugins: { dispatch: plugins.dispatch }, health: plugins.health }),
    fingerprint,
    routes,
    readOnly: store.readOnly,
    corsOrigins,
    rateLimit,
    // Cloudflare sets the client's address; nothing else reaches a Worker directly.
    clientAddress: (c) => c.req.header("cf-connecting-ip"),
    ...OidcSettings.appOptions(oidc, new URL(notifications.email.publicUrl).origin),
    publicOrigin: new URL(notifications.email.publicUrl).origin,
    log,
  })
  const host = plugins?.host
  const holder = await runtime.runPromise(Scheduler.newHolder)
  return {
    fetch: (request) => app.fetch(request),
    round: () => (host === undefined ? Promise.resolve([]) : Effect.runPromise(PluginRound.run(host))),
    notify: () =>
      notifications.scheduler && !store.readOnly
        ? // Orders past their end expire first, so the round's notifications see them expired;
          // cases past their retention are erased in the same trigger (ADR 0012).
          runtime.runPromise(
            Effect.zipRight(
              Effect.flatMap(CaseRounds.CaseRounds, (rounds) => Effect.zipRight(rounds.expireOrders, rounds.eraseDue)),
              Scheduler.runOnce(NotificationSettings.optionsOf(notifications, holder)),
            ),
          )
        : Promise.resolve(undefined),
  }
}

// What a start-up failure was: the runtime wraps an Effect's failure in a FiberFailure.
const startErrorOf = (error: unknown): PluginStartError.PluginStartError | undefined => {
  if (error instanceof PluginStartError.PluginStartError) return error
  if (!Runtime.isFiberFailure(error)) return undefined
  const failure = Cause.failureOption(error[Runtime.FiberFailureCauseId])
  return Option.isSome(failure) && failure.value instanceof PluginStartError.PluginStartError
    ? failure.value
    : undefined
}

// A start-up failure is logged by its name, the setting at fault and the error code inside it
// (`StartFailure.describe`), and, for a plugin's, its reason and field: a message could quote a value.
const logFailure = (event: string, error: unknown) => {
  const refused = startErrorOf(error)
  console.error(
    JSON.stringify({
      worker: "not started",
      event,
      defect: error instanceof Error ? error.name : typeof error,
      ...StartFailure.describe(error),
      ...(refused === undefined ? {} : { plugin: refused.plugin, reason: refused.reason, field: refused.field }),
    }),
  )
}

const unavailable = (request: Request, error: unknown): Response => {
  logFailure("fetch", error)
  const locale = Locale.fromAcceptLanguage(
    request.headers.get("accept-language"),
    JurisdictionProfile.kosovo.languages.defaultLocale,
  )
  const body = Problem.fromGatewayProblem(
    new Problem.GatewayProblem({ type: "unavailable", status: 503, rule: "gateway.internal" }),
    locale,
  )
  return new Response(JSON.stringify(body), { status: 503, headers: { "content-type": Problem.contentType } })
}

/**
 * The Worker's handlers over a generated plugin list and the files the bundle
 * carries; state (store, app, host) is kept per isolate.
 */
export const make = (generated: GeneratedPlugins, bundled: Bundled = {}): WorkerHandlers => {
  let store: WorkersStore.WorkersStore | undefined
  let built: Promise<Built> | undefined

  // Builds once; events arriving meanwhile wait for it. Only a failed build is dropped, so that the next event builds again.
  const current = async (env: WorkerEnv, chosen: WorkersStore.WorkersStore): Promise<Built> => {
    built ??= build(env, chosen, generated, bundled)
    const attempt = built
    try {
      return await attempt
    } catch (error) {
      if (built === attempt) built = undefined
      throw error
    }
  }

  const fetch: WorkerHandlers["fetch"] = async (request, env, context) => {
    store ??= WorkersStore.fromBindings(env)
    const chosen = store
    if (chosen === undefined) {
      return unavailable(request, new Error("the Worker has neither a HYPERDRIVE nor a DB binding"))
    }
    return chosen.serve(
      async () => {
        let handlers: Built
        try {
          handlers = await current(env, chosen)
        } catch (error) {
          return unavailable(request, error)
        }
        return handlers.fetch(request)
      },
      (promise) => context.waitUntil(promise),
    )
  }

  const scheduled: WorkerHandlers["scheduled"] = async (controller, env, context) => {
    if (generated.plugins.length === 0 && env.BASHKE_SCHEDULER === "off") return
    store ??= WorkersStore.fromBindings(env)
    const chosen = store
    if (chosen === undefined) return logFailure("scheduled", new Error("no store binding"))
    // A D1 store is read-only: a pull could write nothing.
    if (chosen.readOnly) return log({ scheduled: controller.cron, skipped: "read-only store" })
    const round = chosen.serve(
      async () => {
        try {
          const handlers = await current(env, chosen)
          const outcomes = await handlers.round()
          const notified = await handlers.notify()
          log({
            scheduled: controller.cron,
            plugins: outcomes,
            ...(notified === undefined ? {} : { notifications: notified }),
          })
        } catch (error) {
          logFailure("scheduled", error)
          throw error
        }
      },
      (promise) => context.waitUntil(promise),
    )
    context.waitUntil(round)
    await round
  }

  return { fetch, scheduled }
}
