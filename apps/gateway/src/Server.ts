/**
 * The gateway on Node: configuration from the environment, the database by
 * `BASHKE_DATABASE_URL` (a SQLite file by default), migrations, optionally the
 * demo, and `@hono/node-server` listening on `HOST:PORT`.
 *
 * The order of a start: every setting checked (`GatewaySettings`), the port
 * bound (answering 503 until ready), the database opened and migrated, its
 * state read, the keys chosen, the demo seeded, the app served. A start that
 * fails at any step closes what it opened; one that fails before the database
 * is opened (a malformed setting, a busy port) creates nothing.
 *
 * Keys: `BASHKE_VAULT_KEYS` and `BASHKE_BLIND_INDEX_KEY`. Only a database the
 * demo itself made (`DemoDatabase`) may run on the demo's throwaway keys,
 * generated once into `demo-keys.json` beside the SQLite file (mode 0600) when
 * the keys are unset; any other database without them refuses to start
 * ({@link VaultKeysRequired}). The demo's tokens are issued only for the
 * demo's database, and the previous start's are revoked first.
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
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { SignInLinks } from "@bashke/identity"
import type { Id } from "@bashke/kernel"
import { DatabaseUrl, Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import type { PluginHost } from "@bashke/plugin-sdk"
import { BlindIndex, Vault } from "@bashke/security"
import { getConnInfo } from "@hono/node-server/conninfo"
import { ConfigProvider, Duration, Effect, Layer, ManagedRuntime } from "effect"
import * as AbandonedUploadsRunner from "./AbandonedUploadsRunner"
import { ApiTokens } from "./ApiTokens"
import * as App from "./App"
import * as ClientAddress from "./ClientAddress"
import * as DemoDatabase from "./demo/DemoDatabase"
import { seedPeople } from "./demo/PeopleDemo"
import { principal } from "./demo/World"
import * as GatewaySettings from "./GatewaySettings"
import { migrationPlan } from "./MigrationPlan"
import * as NodeListener from "./NodeListener"
import * as NodeTransferMemory from "./NodeTransferMemory"
import * as NotificationScheduler from "./NotificationScheduler"
import * as NotificationSettings from "./NotificationSettings"
import * as OidcSettings from "./OidcSettings"
import * as OrderExpiryRunner from "./OrderExpiryRunner"
import * as PdfFontFile from "./PdfFontFile"
import * as PluginRuntime from "./plugins/PluginRuntime"
import * as RequestFingerprint from "./RequestFingerprint"
import * as RetentionRunner from "./RetentionRunner"
import { routes } from "./Routes"
import * as Services from "./Services"
import * as SwaggerUiFiles from "./SwaggerUiFiles"
import * as ThrottlePurgeRunner from "./ThrottlePurgeRunner"
import * as WebFiles from "./WebFiles"

export { ConfigInvalid } from "./GatewaySettings"
export * as PluginImport from "./plugins/PluginImport"

export interface ServerOptions {
  readonly port?: number
  readonly host?: string
  readonly databaseUrl?: string
  /** Seed the demo into an empty database and issue demo tokens (only ever for the demo's own database). */
  readonly demo?: boolean
  readonly log?: (line: App.RequestLogLine) => void
  /** A JSON file of plugin host configuration; `BASHKE_PLUGINS_CONFIG` by default, none when unset. */
  readonly pluginsConfig?: string
  /** The environment every setting is read from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Who notifications reach, when not the default binding (`Services.RecipientsLayer`). */
  readonly recipients?: Services.RecipientsLayer
  /** The web app's build directory, served at `/`; `BASHKE_WEB_ROOT` by default, none when unset. */
  readonly webRoot?: string
}

/**
 * What became of the demo: seeded now; the demo's own database again; asked
 * for on a database the demo did not make (so no demo, no demo tokens); not
 * asked for.
 */
export type DemoOutcome = "seeded" | "existing" | "not-a-demo-database" | "off"

export interface Running {
  readonly url: string
  readonly tokens: Readonly<Record<string, string>>
  /**
   * With the demo: a one-time sign-in link per demo person (8 hours), for the
   * web app's `/sign-in` page, which posts the fragment's token to
   * `POST /v1/sign-in/link`.
   */
  readonly signInLinks: Readonly<Record<string, string>>
  readonly mechanismId?: Id.MechanismId
  readonly seeded: boolean
  readonly demo: DemoOutcome
  readonly close: () => Promise<void>
}

/**
 * A database the demo did not make, without its keys: the start stops, naming
 * the missing variable, before anything is sealed with keys nobody keeps.
 */
export class VaultKeysRequired extends Error {
  override readonly name = "VaultKeysRequired"
  constructor(readonly variable: "BASHKE_VAULT_KEYS" | "BASHKE_BLIND_INDEX_KEY") {
    super(`${variable} is required: this database was not made by the demo`)
  }
}

type Env = GatewaySettings.Env

/** How long the demo's printed sign-in links last: a working day. */
const demoLinkLifetime = Duration.hours(8)

const keyBytes = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))

/**
 * Where the demo keeps its files (its keys; the CLI's credentials file): beside
 * the SQLite file, or `./data` for another database.
 */
export const demoDirectory = (databaseUrl: string): string => {
  const parsed = Effect.runSync(Effect.either(DatabaseUrl.decode(databaseUrl)))
  return parsed._tag === "Right" && parsed.right._tag === "Sqlite" && parsed.right.filename !== DatabaseUrl.memory
    ? dirname(resolve(parsed.right.filename))
    : resolve("data")
}

const demoKeysFile = (databaseUrl: string): string => join(demoDirectory(databaseUrl), "demo-keys.json")

/** The keys of `env` alone, so a key elsewhere in the process is never mixed in. */
const keysOf = (env: Env, vault: string, blindIndex: string): Services.Keys =>
  Layer.merge(
    Vault.layerConfig(Vault.keysConfig(vault)),
    BlindIndex.layerConfig(BlindIndex.keyConfig(blindIndex)),
  ).pipe(
    Layer.provide(
      Layer.setConfigProvider(
        ConfigProvider.fromMap(
          new Map(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
        ),
      ),
    ),
  )

const vaultVariable = "BASHKE_VAULT_KEYS"
const blindIndexVariable = "BASHKE_BLIND_INDEX_KEY"
const missingKey = (env: Env) =>
  [vaultVariable, blindIndexVariable].find((name) => (env[name] ?? "").trim() === "") as
    | typeof vaultVariable
    | typeof blindIndexVariable
    | undefined

/** The keys of `env`, if set, checked now: a malformed key stops the start naming its variable. */
const checkKeys = async (env: Env): Promise<void> => {
  const built = <A, E>(layer: Layer.Layer<A, E>) => Effect.asVoid(Effect.scoped(Layer.build(layer)))
  const checks: ReadonlyArray<readonly [string, Effect.Effect<void, unknown>]> = [
    [vaultVariable, built(Vault.layerConfig(Vault.keysConfig(vaultVariable)))],
    [blindIndexVariable, built(BlindIndex.layerConfig(BlindIndex.keyConfig(blindIndexVariable)))],
  ]
  for (const [variable, check] of checks) {
    if ((env[variable] ?? "").trim() === "") continue
    const checked = await Effect.runPromise(
      Effect.either(
        check.pipe(
          Effect.withConfigProvider(
            ConfigProvider.fromMap(
              new Map(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
            ),
          ),
        ),
      ),
    )
    if (checked._tag === "Left") throw new GatewaySettings.ConfigInvalid(variable, "see the README's configuration")
  }
}

interface Opened {
  readonly runtime: ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>
  readonly state: DemoDatabase.State
  /** The blind index key the demo made, when its keys are used. */
  readonly demoBlindIndex?: string
  /** Set when this start made the demo's keys file (removed again if the seed fails). */
  readonly madeKeysFile?: string
  readonly close: () => Promise<void>
}

/**
 * The database opened and migrated, its state read, and the services over it
 * with the right keys: the environment's, or the demo's for the demo's own
 * database (made now when the demo is about to fill an empty one).
 */
const open = async (env: Env, databaseUrl: string, seedDemo: boolean, options: Services.Options): Promise<Opened> => {
  const database = ManagedRuntime.make(Layer.orDie(Database.layer(databaseUrl)))
  try {
    await database.runPromise(Migrations.run(migrationPlan))
    const state = await database.runPromise(DemoDatabase.state)
    const demoKeysAllowed = state === "demo" || (state === "empty" && seedDemo)
    const missing = missingKey(env)
    let keys: Services.Keys = keysOf(env, vaultVariable, blindIndexVariable)
    let demoBlindIndex: string | undefined
    let madeKeysFile: string | undefined
    if (missing !== undefined) {
      if (!demoKeysAllowed) throw new VaultKeysRequired(missing)
      const file = demoKeysFile(databaseUrl)
      if (!existsSync(file)) {
        // The demo's own database whose keys are gone cannot be opened: say which keys it needs.
        if (state === "demo") throw new VaultKeysRequired(missing)
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, JSON.stringify({ vault: `demo-1:${keyBytes()}`, blindIndex: keyBytes() }), { mode: 0o600 })
        madeKeysFile = file
      }
      const stored = JSON.parse(readFileSync(file, "utf8")) as { vault: string; blindIndex: string }
      keys = keysOf(
        { BASHKE_DEMO_VAULT_KEYS: stored.vault, BASHKE_DEMO_BLIND_INDEX_KEY: stored.blindIndex },
        "BASHKE_DEMO_VAULT_KEYS",
        "BASHKE_DEMO_BLIND_INDEX_KEY",
      )
      demoBlindIndex = stored.blindIndex
    }
    const context = (await database.runtime()).context
    const services = Services.layer(keys, { pdfFont: PdfFontFile.layer, ...options })
    const runtime = ManagedRuntime.make(services.pipe(Layer.provideMerge(Layer.succeedContext(context)), Layer.orDie))
    await runtime.runPromise(Effect.void).catch(async (error: unknown) => {
      await runtime.dispose()
      throw error
    })
    return {
      runtime,
      state,
      ...(demoBlindIndex === undefined ? {} : { demoBlindIndex }),
      ...(madeKeysFile === undefined ? {} : { madeKeysFile }),
      close: async () => {
        await runtime.dispose()
        await database.dispose()
      },
    }
  } catch (error) {
    await database.dispose()
    throw error
  }
}

export const start = async (options: ServerOptions = {}): Promise<Running> => {
  const env = options.env ?? process.env
  // Every setting first: a malformed one stops the start before anything is bound or opened.
  const settings = GatewaySettings.read(env, {
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
  })
  await checkKeys(env)
  const pluginsConfig = options.pluginsConfig ?? env.BASHKE_PLUGINS_CONFIG
  const pluginHostConfig =
    pluginsConfig === undefined || pluginsConfig === "" ? undefined : await PluginRuntime.readConfig(pluginsConfig)
  // Then the port: a busy one stops the start before the database is touched.
  const listening = await NodeListener.bind(settings.port, settings.host, settings.timeouts)
  // Closed in reverse, after the server stops taking requests.
  const closers: Array<() => Promise<void>> = []
  const closeAll = async () => {
    await listening.close()
    for (const close of closers.reverse()) await close()
  }
  try {
    const demoAsked = options.demo === true
    const opened = await open(env, settings.databaseUrl, demoAsked, {
      tokenLifetimes: settings.tokenLifetimes,
      ...(options.recipients === undefined ? {} : { recipients: options.recipients }),
    })
    const { runtime } = opened
    closers.push(opened.close)

    const tokens: Record<string, string> = {}
    let mechanismId: Id.MechanismId | undefined
    let demo: DemoOutcome = demoAsked ? "not-a-demo-database" : "off"
    if (demoAsked && opened.state === "empty") {
      const made = opened.madeKeysFile
      const result = await runtime.runPromise(DemoDatabase.seedAndMark).catch((error: unknown) => {
        // Nothing was committed: the keys made for it go too.
        if (made !== undefined) rmSync(made, { force: true })
        throw error
      })
      mechanismId = result.mechanismId
      demo = "seeded"
    } else if (opened.state === "demo") {
      mechanismId = await runtime.runPromise(DemoDatabase.mechanism)
      if (demoAsked) demo = "existing"
    }
    if (opened.state === "demo" || demo === "seeded") {
      // The previous start's tokens end here; a start without the demo issues none.
      await runtime.runPromise(Effect.flatMap(ApiTokens, (service) => service.revokeDemo))
      if (demo !== "off" && mechanismId !== undefined) {
        for (const name of ["coordinator", "caseManager", "policeOfficer"] as const) {
          const demoMechanism = mechanismId
          const issued = await runtime.runPromise(
            Effect.flatMap(ApiTokens, (service) =>
              service.issue(principal(name, demoMechanism), `demo-${name}`, { demo: true }),
            ),
          )
          tokens[name] = issued.token
        }
      }
    }

    // The blind index key was validated by the keys layer above (already built).
    const fingerprint = await RequestFingerprint.make(
      RequestFingerprint.fromBase64(opened.demoBlindIndex ?? env.BASHKE_BLIND_INDEX_KEY ?? ""),
    )
    // Plugins: imported by package name, their loops started; a start-up error stops the server.
    const plugins =
      pluginHostConfig === undefined
        ? undefined
        : await PluginRuntime.start(runtime, pluginHostConfig, { importer: PluginRuntime.nodeImporter })
    if (plugins !== undefined) closers.push(plugins.close)
    const scheduler = settings.notifications.scheduler
      ? await NotificationScheduler.start(runtime, settings.notifications)
      : undefined
    if (scheduler !== undefined) closers.push(scheduler.close)
    // Orders expire, and cases past retention are erased, where the scheduler runs
    // (one switch for the server's background work).
    if (scheduler !== undefined) closers.push(OrderExpiryRunner.start(runtime).close)
    if (scheduler !== undefined) closers.push(RetentionRunner.start(runtime).close)
    // Uploads a killed process left behind are swept on every start, scheduler or not.
    closers.push(AbandonedUploadsRunner.start(runtime).close)
    // Throttle counts nobody consults any more are dropped in every serving process.
    closers.push(ThrottlePurgeRunner.start(runtime).close)
    const run: App.Runner = (effect) => runtime.runPromiseExit(effect)
    const webRoot = options.webRoot ?? env.BASHKE_WEB_ROOT
    const app = App.make({
      run: plugins === undefined ? run : plugins.runner(run),
      ...(webRoot === undefined || webRoot === "" ? {} : { web: WebFiles.fromDirectory(webRoot) }),
      docs: SwaggerUiFiles.fromInstalledPackage(),
      ...(plugins === undefined ? {} : { plugins: { dispatch: plugins.dispatch }, health: plugins.health }),
      fingerprint,
      routes,
      // Documents' buffers collected as they pile up, not 64 MiB later (ADR 0026).
      transferMemory: NodeTransferMemory.make(),
      corsOrigins: settings.corsOrigins,
      ...OidcSettings.appOptions(settings.oidc, new URL(settings.notifications.email.publicUrl).origin),
      // BASHKE_PUBLIC_ORIGIN, checked with the notification settings: browsers' requests come from there.
      publicOrigin: new URL(settings.notifications.email.publicUrl).origin,
      rateLimit: settings.rateLimit,
      // The socket's peer, or behind BASHKE_TRUSTED_PROXIES the client their X-Forwarded-For names.
      clientAddress: (c) =>
        ClientAddress.of(getConnInfo(c).remote.address, c.req.header("x-forwarded-for"), settings.trustedProxies),
      ...(options.log === undefined ? {} : { log: options.log }),
    })
    listening.serve((request, bindings) => app.fetch(request, bindings))
    const showDemo = demo === "seeded" || demo === "existing"
    const url = `http://${settings.host}:${listening.port}`
    const signInLinks: Record<string, string> = {}
    if (showDemo && mechanismId !== undefined) {
      const demoMechanism = mechanismId
      const secrets = await runtime.runPromise(
        Effect.gen(function* () {
          // A demo seeded before people existed gets them now.
          const people = yield* seedPeople(demoMechanism)
          const links = yield* SignInLinks.SignInLinks
          const issued: Array<readonly [string, string]> = []
          for (const [name, id] of Object.entries(people))
            issued.push([name, yield* links.issue(id, "sign-in", demoLinkLifetime)])
          return issued
        }),
      )
      // The token rides in the fragment, which no server, proxy or log sees.
      for (const [name, secret] of secrets) signInLinks[name] = `${url}/sign-in#token=${secret}`
    }
    return {
      url,
      tokens,
      signInLinks,
      ...(showDemo && mechanismId !== undefined ? { mechanismId } : {}),
      seeded: demo === "seeded",
      demo,
      close: closeAll,
    }
  } catch (error) {
    await closeAll()
    throw error
  }
}

/** The gateway's services over a database, for a command that acts on it, until closed. */
export interface OpenedServices {
  readonly runtime: ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>
  readonly close: () => Promise<void>
}

/**
 * The gateway's services over `databaseUrl` (by default `BASHKE_DATABASE_URL`),
 * migrated first, with the keys a start would use: the environment's, or the
 * demo's for the demo's own database — for the CLI's commands that act on
 * people. Throws {@link VaultKeysRequired} naming the missing key otherwise.
 */
export const openServices = async (
  options: { readonly databaseUrl?: string; readonly env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<OpenedServices> => {
  const env = options.env ?? process.env
  await checkKeys(env)
  const opened = await open(env, options.databaseUrl ?? env.BASHKE_DATABASE_URL ?? DatabaseUrl.defaultValue, false, {
    tokenLifetimes: GatewaySettings.tokenLifetimesOf(env),
  })
  return { runtime: opened.runtime, close: opened.close }
}

/**
 * No plugin configuration to act on: `BASHKE_PLUGINS_CONFIG` is unset (or
 * empty), for a command that needs the plugins (`bashke import`).
 */
export class PluginsConfigRequired extends Error {
  override readonly name = "PluginsConfigRequired"
  readonly variable = "BASHKE_PLUGINS_CONFIG"
  constructor() {
    super("BASHKE_PLUGINS_CONFIG is required: it names the plugins' configuration file")
  }
}

/** The configured plugins' host over the gateway's services, its loops not running, until closed. */
export interface OpenedPlugins {
  readonly host: PluginHost.Service
  readonly close: () => Promise<void>
}

/**
 * The plugins of `pluginsConfig` (by default `BASHKE_PLUGINS_CONFIG`; throws
 * {@link PluginsConfigRequired} when neither is given) over the services of
 * {@link openServices}, imported by package name as a start would, with their
 * host's loops **not** started: for a command that runs their work itself
 * (`bashke import`), so a schedule never runs beside it.
 */
export const openPlugins = async (
  options: {
    readonly databaseUrl?: string
    readonly pluginsConfig?: string
    readonly env?: Readonly<Record<string, string | undefined>>
  } = {},
): Promise<OpenedPlugins> => {
  const env = options.env ?? process.env
  const path = options.pluginsConfig ?? env.BASHKE_PLUGINS_CONFIG
  if (path === undefined || path === "") throw new PluginsConfigRequired()
  // The configuration first: a malformed one stops before the database is opened.
  const config = await PluginRuntime.readConfig(path, env)
  const services = await openServices({
    env,
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
  })
  try {
    const plugins = await PluginRuntime.start(
      services.runtime,
      config,
      { importer: PluginRuntime.nodeImporter },
      { start: false },
    )
    return {
      host: plugins.host,
      close: async () => {
        await plugins.close()
        await services.close()
      },
    }
  } catch (error) {
    await services.close()
    throw error
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

/**
 * Checks every setting of `env` (by default the process's) as {@link start}
 * does first, and returns them; throws {@link ConfigInvalid} naming a
 * malformed variable.
 */
export const checkSettings = (
  env: Readonly<Record<string, string | undefined>> = process.env,
): GatewaySettings.Settings => GatewaySettings.read(env)

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
  await checkKeys(env)
  // The demo's keys only for the demo's own database (`bashke start` made both), else BASHKE_VAULT_KEYS.
  const opened = await open(env, databaseUrl, false, {
    tokenLifetimes: GatewaySettings.tokenLifetimesOf(env),
    ...(options.recipients === undefined ? {} : { recipients: options.recipients }),
  })
  const scheduler = await NotificationScheduler.start(opened.runtime, notifications).catch(async (error: unknown) => {
    await opened.close()
    throw error
  })
  const expiry = OrderExpiryRunner.start(opened.runtime)
  const retention = RetentionRunner.start(opened.runtime)
  // Beside a Workers deployment, this is where abandoned uploads are swept.
  const abandoned = AbandonedUploadsRunner.start(opened.runtime)
  return {
    holder: scheduler.holder,
    close: async () => {
      await abandoned.close()
      await retention.close()
      await expiry.close()
      await scheduler.close()
      await opened.close()
    },
  }
}
