/**
 * The gateway on Cloudflare Workers: the module's default export has the
 * `fetch` handler, serving the same app as on Node over the store the Worker's
 * bindings name (`WorkersStore`: PostgreSQL through Hyperdrive for reads and
 * writes, or D1 read-only), with keys from the Worker's secrets.
 *
 * The runtime (services, keys, store client) and the app are built once per
 * isolate, on its first request (bindings arrive with requests, and I/O is not
 * allowed at module scope), and reused by every request after it; a build that
 * fails answers 503 and is tried again by the next request. Each request runs
 * with connections of its own (`WorkersStore.serve`). This module and what it
 * imports must stay free of Node-only modules (`node:fs`,
 * `@bashke/persistence/node`, `Server.ts`).
 *
 * Secrets and variables (`wrangler secret put`, or `.dev.vars` locally):
 * `BASHKE_VAULT_KEYS`, `BASHKE_BLIND_INDEX_KEY` (required), and optionally
 * `BASHKE_CORS_ORIGINS` (comma-separated) and `BASHKE_RATE_LIMIT_PER_MINUTE`
 * (per isolate: each isolate counts on its own).
 */
import { JurisdictionProfile, Locale } from "@bashke/kernel"
import { Migrations } from "@bashke/persistence"
import { ConfigProvider, Effect, Layer, ManagedRuntime } from "effect"
import * as App from "./App"
import { migrationPlan } from "./MigrationPlan"
import * as Problem from "./Problem"
import * as RequestFingerprint from "./RequestFingerprint"
import { routes } from "./Routes"
import * as Services from "./Services"
import * as WorkersStore from "./WorkersStore"

/** What the Worker is given: its bindings, secrets and variables. */
export interface WorkerEnv extends WorkersStore.StoreBindings {
  readonly BASHKE_VAULT_KEYS?: string
  readonly BASHKE_BLIND_INDEX_KEY?: string
  readonly BASHKE_CORS_ORIGINS?: string
  readonly BASHKE_RATE_LIMIT_PER_MINUTE?: string
}

/** The part of the Worker's execution context the entry uses. */
export interface WorkerContext {
  readonly waitUntil: WorkersStore.WaitUntil
}

type Fetch = (request: Request) => Response | Promise<Response>

/** Configuration read from the Worker's string values only (bindings are objects). */
const configProvider = (env: object): ConfigProvider.ConfigProvider =>
  ConfigProvider.fromMap(
    new Map(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string")),
  )

const build = async (env: WorkerEnv, store: WorkersStore.WorkersStore): Promise<Fetch> => {
  const keys = Services.keysFromConfig.pipe(Layer.provide(Layer.setConfigProvider(configProvider(env))))
  const runtime = ManagedRuntime.make(Services.layer(keys).pipe(Layer.provideMerge(store.layer), Layer.orDie))
  try {
    await runtime.runPromise(store.migrate ? Migrations.run(migrationPlan) : Effect.void)
  } catch (error) {
    await runtime.dispose()
    throw error
  }
  // The blind index key was validated by the keys layer, built above.
  const fingerprint = await RequestFingerprint.make(RequestFingerprint.fromBase64(env.BASHKE_BLIND_INDEX_KEY ?? ""))
  const perMinute = Number(env.BASHKE_RATE_LIMIT_PER_MINUTE ?? 600)
  const app = App.make({
    run: (effect) => runtime.runPromiseExit(effect),
    fingerprint,
    routes,
    readOnly: store.readOnly,
    corsOrigins: (env.BASHKE_CORS_ORIGINS ?? "").split(",").filter((origin) => origin.length > 0),
    rateLimit: { perMinute, burst: Math.max(1, Math.ceil(perMinute / 5)) },
    // biome-ignore lint/suspicious/noConsole: Workers Logs keep what the console prints; the line holds no personal data
    log: (line) => console.log(JSON.stringify(line)),
  })
  return (request) => app.fetch(request)
}

// The failure is logged by name only: a configuration message could quote a value.
const unavailable = (request: Request, error: unknown): Response => {
  console.error(JSON.stringify({ worker: "not started", defect: error instanceof Error ? error.name : typeof error }))
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

let store: WorkersStore.WorkersStore | undefined
let built: Promise<Fetch> | undefined

const fetch = async (request: Request, env: WorkerEnv, context: WorkerContext): Promise<Response> => {
  store ??= WorkersStore.fromBindings(env)
  const chosen = store
  if (chosen === undefined) {
    return unavailable(request, new Error("the Worker has neither a HYPERDRIVE nor a DB binding"))
  }
  return chosen.serve(
    async () => {
      // The first request builds (and migrates) on its own connections; requests arriving meanwhile wait for it.
      built ??= build(env, chosen)
      const current = built
      let handle: Fetch
      try {
        handle = await current
      } catch (error) {
        // Only a failed build is dropped, so that the next request builds again.
        if (built === current) built = undefined
        return unavailable(request, error)
      }
      return handle(request)
    },
    (promise) => context.waitUntil(promise),
  )
}

export default { fetch }
