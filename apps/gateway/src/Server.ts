/**
 * The gateway on Node: configuration from the environment, the database by
 * `BASHKE_DATABASE_URL` (a SQLite file by default), migrations, optionally the
 * demo, and `@hono/node-server` listening on `HOST:PORT`.
 *
 * Keys: `BASHKE_VAULT_KEYS` and `BASHKE_BLIND_INDEX_KEY`. With `demo: true`
 * and no keys set, the demo generates keys once into `demo-keys.json` beside
 * the SQLite file (mode 0600) — fine for invented data, never for real data.
 *
 * Plugins: `BASHKE_PLUGINS_CONFIG` names a JSON file (docs/gateway-plugins.md);
 * the packages it lists are imported, their host started, their webhooks
 * mounted under `/v1/plugins/` and their health added to `/health`.
 *
 * Notifications: the scheduler runs in the server unless `BASHKE_SCHEDULER=off`
 * (then `bashke worker`, {@link startWorker}, runs it apart); email goes out
 * when `BASHKE_SMTP_URL` is set (`NotificationSettings`). Those settings are
 * checked first: a malformed one stops the start, naming the variable, before
 * anything is migrated.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import type { Id } from "@bashke/kernel"
import { DatabaseUrl, Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { BlindIndex, Vault } from "@bashke/security"
import { serve } from "@hono/node-server"
import { ConfigProvider, Effect, Layer, ManagedRuntime } from "effect"
import { ApiTokens } from "./ApiTokens"
import * as App from "./App"
import { seed } from "./demo/Seed"
import { principal } from "./demo/World"
import { migrationPlan } from "./MigrationPlan"
import * as NotificationScheduler from "./NotificationScheduler"
import * as NotificationSettings from "./NotificationSettings"
import * as PluginRuntime from "./plugins/PluginRuntime"
import * as RequestFingerprint from "./RequestFingerprint"
import { routes } from "./Routes"
import * as Services from "./Services"

export interface ServerOptions {
  readonly port?: number
  readonly host?: string
  readonly databaseUrl?: string
  /** Seed the demo into an empty database and issue demo tokens. */
  readonly demo?: boolean
  readonly log?: (line: App.RequestLogLine) => void
  /** A JSON file of plugin host configuration; `BASHKE_PLUGINS_CONFIG` by default, none when unset. */
  readonly pluginsConfig?: string
  /** The environment the notification settings are read from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Who notifications reach, when not the default binding (`Services.RecipientsLayer`). */
  readonly recipients?: Services.RecipientsLayer
}

export interface Running {
  readonly url: string
  readonly tokens: Readonly<Record<string, string>>
  readonly mechanismId?: Id.MechanismId
  readonly seeded: boolean
  readonly close: () => Promise<void>
}

const keyBytes = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))

/** Demo keys beside the SQLite file, made once (or only read, if `made` is false). */
const demoKeys = (
  databaseUrl: string,
  made = true,
): { readonly layer: Services.Keys; readonly blindIndex: string } | undefined => {
  const parsed = Effect.runSync(Effect.either(DatabaseUrl.decode(databaseUrl)))
  const directory =
    parsed._tag === "Right" && parsed.right._tag === "Sqlite" && parsed.right.filename !== DatabaseUrl.memory
      ? dirname(resolve(parsed.right.filename))
      : resolve("data")
  const file = join(directory, "demo-keys.json")
  if (!made && !existsSync(file)) return undefined
  if (!existsSync(file)) {
    mkdirSync(directory, { recursive: true })
    writeFileSync(file, JSON.stringify({ vault: `demo-1:${keyBytes()}`, blindIndex: keyBytes() }), { mode: 0o600 })
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as { vault: string; blindIndex: string }
  const layer = Layer.merge(
    Vault.layerConfig(Vault.keysConfig("BASHKE_DEMO_VAULT_KEYS")),
    BlindIndex.layerConfig(BlindIndex.keyConfig("BASHKE_DEMO_BLIND_INDEX_KEY")),
  ).pipe(
    // Only the demo's own names, so a real key in the environment is never mixed in.
    Layer.provide(
      Layer.setConfigProvider(
        ConfigProvider.fromMap(
          new Map([
            ["BASHKE_DEMO_VAULT_KEYS", stored.vault],
            ["BASHKE_DEMO_BLIND_INDEX_KEY", stored.blindIndex],
          ]),
        ),
      ),
    ),
  )
  return { layer, blindIndex: stored.blindIndex }
}

const hasKeys = () => process.env.BASHKE_VAULT_KEYS !== undefined && process.env.BASHKE_BLIND_INDEX_KEY !== undefined

/** The services over the database, migrated; demo keys when asked for and none are set. */
const migratedRuntime = async (
  databaseUrl: string,
  demo: "make" | "existing" | "none",
  recipients: Services.RecipientsLayer | undefined,
) => {
  const demoKeyLayer = demo !== "none" && !hasKeys() ? demoKeys(databaseUrl, demo === "make") : undefined
  const keys = demoKeyLayer?.layer ?? Services.keysFromConfig
  const database = Layer.orDie(Database.layer(databaseUrl))
  const services = Services.layer(keys, recipients === undefined ? {} : { recipients })
  const runtime = ManagedRuntime.make(services.pipe(Layer.provideMerge(database), Layer.orDie))
  try {
    await runtime.runPromise(Migrations.run(migrationPlan))
  } catch (error) {
    await runtime.dispose()
    throw error
  }
  return { runtime, demo: demoKeyLayer }
}

export const start = async (options: ServerOptions = {}): Promise<Running> => {
  const notifications = NotificationSettings.readConfig(options.env ?? process.env)
  const databaseUrl = options.databaseUrl ?? process.env.BASHKE_DATABASE_URL ?? DatabaseUrl.defaultValue
  const { runtime, demo } = await migratedRuntime(
    databaseUrl,
    options.demo === true ? "make" : "none",
    options.recipients,
  )

  const tokens: Record<string, string> = {}
  let mechanismId: Id.MechanismId | undefined
  let seeded = false
  if (options.demo === true) {
    const result = await runtime.runPromise(seed)
    mechanismId = result.mechanismId
    seeded = result.created
    for (const name of ["coordinator", "caseManager", "policeOfficer"] as const) {
      const issued = await runtime.runPromise(
        Effect.flatMap(ApiTokens, (service) => service.issue(principal(name, result.mechanismId), `demo-${name}`)),
      )
      tokens[name] = issued.token
    }
  }

  const corsOrigins = (process.env.BASHKE_CORS_ORIGINS ?? "").split(",").filter((origin) => origin.length > 0)
  const perMinute = Number(process.env.BASHKE_RATE_LIMIT_PER_MINUTE ?? 600)
  // The blind index key is validated by the keys layer above (already built).
  const fingerprint = await RequestFingerprint.make(
    RequestFingerprint.fromBase64(demo?.blindIndex ?? process.env.BASHKE_BLIND_INDEX_KEY ?? ""),
  )
  // Plugins: imported by package name, their loops started; a start-up error stops the server.
  const pluginsConfig = options.pluginsConfig ?? process.env.BASHKE_PLUGINS_CONFIG
  const plugins =
    pluginsConfig === undefined || pluginsConfig === ""
      ? undefined
      : await PluginRuntime.readConfig(pluginsConfig)
          .then((config) => PluginRuntime.start(runtime, config, { importer: PluginRuntime.nodeImporter }))
          .catch(async (error: unknown) => {
            await runtime.dispose()
            throw error
          })
  const scheduler = notifications.scheduler ? await NotificationScheduler.start(runtime, notifications) : undefined
  const run: App.Runner = (effect) => runtime.runPromiseExit(effect)
  const app = App.make({
    run: plugins === undefined ? run : plugins.runner(run),
    ...(plugins === undefined ? {} : { plugins: { dispatch: plugins.dispatch }, health: plugins.health }),
    fingerprint,
    routes,
    corsOrigins,
    rateLimit: { perMinute, burst: Math.max(1, Math.ceil(perMinute / 5)) },
    ...(options.log === undefined ? {} : { log: options.log }),
  })
  const port = options.port ?? Number(process.env.PORT ?? 8787)
  const host = options.host ?? process.env.HOST ?? "127.0.0.1"
  // A port taken (EADDRINUSE) or denied (EACCES) rejects with Node's error, after what started is closed.
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, rejectServer) => {
    const listening = serve({ fetch: app.fetch, port, hostname: host }, () => resolveServer(listening))
    listening.once("error", rejectServer)
  }).catch(async (error: unknown) => {
    await scheduler?.close()
    await plugins?.close()
    await runtime.dispose()
    throw error
  })
  const address = server.address()
  const actualPort = typeof address === "object" && address !== null ? address.port : port
  return {
    url: `http://${host}:${actualPort}`,
    tokens,
    ...(mechanismId === undefined ? {} : { mechanismId }),
    seeded,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()))
      await scheduler?.close()
      await plugins?.close()
      await runtime.dispose()
    },
  }
}

/**
 * Checks the notification settings of `env` (by default the process's) as
 * {@link start} and {@link startWorker} do first; throws an error naming a
 * malformed variable. For a command line that checks before it migrates.
 */
export const checkNotificationSettings = (env: Readonly<Record<string, string | undefined>> = process.env): void => {
  NotificationSettings.readConfig(env)
}

export interface WorkerOptions {
  readonly databaseUrl?: string
  /** The environment the notification settings are read from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Who notifications reach, when not the default binding (`Services.RecipientsLayer`). */
  readonly recipients?: Services.RecipientsLayer
}

export interface RunningWorker {
  /** This scheduler's name in the store's leases. */
  readonly holder: string
  readonly close: () => Promise<void>
}

/**
 * `bashke worker`: the notifications' scheduler without the HTTP server, over
 * the same database (migrated first) and keys — for a gateway started with
 * `BASHKE_SCHEDULER=off`, or beside a Workers deployment for email. Any number
 * may run at once: the leases in the store share the work.
 */
export const startWorker = async (options: WorkerOptions = {}): Promise<RunningWorker> => {
  const env = options.env ?? process.env
  const notifications = NotificationSettings.readConfig({ ...env, BASHKE_SCHEDULER: "on" })
  const databaseUrl = options.databaseUrl ?? env.BASHKE_DATABASE_URL ?? DatabaseUrl.defaultValue
  // The demo's keys when it runs beside a demo (`bashke start` made them), else BASHKE_VAULT_KEYS.
  const { runtime } = await migratedRuntime(databaseUrl, "existing", options.recipients)
  const scheduler = await NotificationScheduler.start(runtime, notifications)
  return {
    holder: scheduler.holder,
    close: async () => {
      await scheduler.close()
      await runtime.dispose()
    },
  }
}
