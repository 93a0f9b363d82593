// Starting the configured plugins: every check that can refuse a plugin runs
// before its setup, and each refusal is a PluginStartError naming the plugin.
import { Outbox } from "@bashke/persistence"
import type { Redacted } from "effect"
import { Context, Duration, Effect, Either, Exit, Option, Schema, Scope } from "effect"
import type { NonEmptyReadonlyArray } from "effect/Array"
import * as Capability from "../Capability"
import type * as CircuitBreaker from "../CircuitBreaker"
import { DirectoryCapacity } from "../DirectoryCapacity"
import type { AnyHooks, Process, ProcessBatch, Pull, Subscription } from "../Hooks"
import * as HostApi from "../HostApi"
import * as HostConfig from "../HostConfig"
import { IncidentImport } from "../IncidentImport"
import * as Manifest from "../Manifest"
import { Notices } from "../Notices"
import { PersonMatch } from "../PersonMatch"
import type * as Plugin from "../Plugin"
import * as PluginFailure from "../PluginFailure"
import type { CapabilityProvider, PluginIdentity } from "../PluginIdentity"
import { PluginStartError } from "../PluginStartError"
import { ProtectionOrderSync } from "../ProtectionOrderSync"
import { SourceName } from "../RecordRef"
import { ReviewQueue } from "../ReviewQueue"
import * as Isolation from "./Isolation"
import * as Webhooks from "./Webhooks"

/** The host application's capability providers, each present when the application wired it. */
export type Providers = {
  readonly [C in Capability.ServiceCapability]?: CapabilityProvider<Capability.Services[C]["service"]>
}

/** The providers found in the context. */
export const providers: Effect.Effect<Providers> = Effect.gen(function* () {
  const out: { -readonly [C in keyof Providers]: Providers[C] } = {}
  const incidents = yield* Effect.serviceOption(IncidentImport)
  if (Option.isSome(incidents)) out["incidents:import"] = incidents.value
  const persons = yield* Effect.serviceOption(PersonMatch)
  if (Option.isSome(persons)) out["persons:match"] = persons.value
  const orders = yield* Effect.serviceOption(ProtectionOrderSync)
  if (Option.isSome(orders)) out["protection-orders:sync"] = orders.value
  const review = yield* Effect.serviceOption(ReviewQueue)
  if (Option.isSome(review)) out["review-queue:write"] = review.value
  const notices = yield* Effect.serviceOption(Notices)
  if (Option.isSome(notices)) out["notices:send"] = notices.value
  const capacity = yield* Effect.serviceOption(DirectoryCapacity)
  if (Option.isSome(capacity)) out["directory:capacity"] = capacity.value
  return out
})

export interface RunningPull {
  readonly name: string
  readonly every: Duration.Duration
  readonly source: string
  readonly run: Pull["run"]
}

/** A started plugin, as the host runs it. */
export interface Running {
  readonly identity: PluginIdentity
  readonly granted: ReadonlyArray<Capability.Capability>
  readonly process: Process | undefined
  /** Only beside `process`: the per-record path is what a failed page falls back to. */
  readonly processBatch: ProcessBatch | undefined
  readonly pulls: ReadonlyArray<RunningPull>
  readonly subscriptions: ReadonlyArray<Subscription>
  readonly routes: ReadonlyArray<Webhooks.CompiledRoute>
  readonly webhook:
    | {
        readonly secrets: NonEmptyReadonlyArray<Redacted.Redacted<string>>
        readonly toleranceSeconds?: number | undefined
      }
    | undefined
  readonly timeouts: { readonly [K in keyof HostConfig.Timeouts]-?: Duration.Duration }
  readonly retry: Outbox.RetryPolicy
  readonly breaker: CircuitBreaker.Settings
  readonly guard: Isolation.Guard
}

const namePattern = /^[a-z0-9][a-z0-9._-]{0,62}$/
const topicPattern = /^(?:\*|[a-z0-9][a-z0-9._-]*(?:\.\*)?)$/

const refuse = (plugin: string, reason: PluginStartError["reason"], detail: string, field?: string) =>
  Effect.fail(new PluginStartError({ plugin, reason, detail, ...(field === undefined ? {} : { field }) }))

const list = (items: ReadonlyArray<string>): string => items.join(", ")

const checkHooks = (
  name: string,
  hooks: AnyHooks,
  granted: ReadonlySet<Capability.Capability>,
  settings: HostConfig.PluginSettings,
): Effect.Effect<
  {
    readonly process: Process | undefined
    readonly processBatch: ProcessBatch | undefined
    readonly pulls: ReadonlyArray<RunningPull>
    readonly subscriptions: ReadonlyArray<Subscription>
    readonly routes: ReadonlyArray<Webhooks.CompiledRoute>
  },
  PluginStartError
> =>
  Effect.gen(function* () {
    if (typeof hooks !== "object" || hooks === null)
      return yield* refuse(name, "hook-invalid", "setup returned no hooks")
    if (hooks.process !== undefined && typeof hooks.process !== "function")
      return yield* refuse(name, "hook-invalid", "process is not a function")
    if (hooks.processBatch !== undefined && typeof hooks.processBatch !== "function")
      return yield* refuse(name, "hook-invalid", "processBatch is not a function")
    if (hooks.processBatch !== undefined && hooks.process === undefined)
      return yield* refuse(name, "hook-invalid", "processBatch needs process to fall back to")
    // A hook whose capability was not granted (an optional one) is left out, not an error.
    const pulls: Array<RunningPull> = []
    if (granted.has("schedule:pull")) {
      const names = new Set<string>()
      for (const pull of hooks.pulls ?? []) {
        if (typeof pull.name !== "string" || !namePattern.test(pull.name) || names.has(pull.name))
          return yield* refuse(name, "hook-invalid", `pull ${JSON.stringify(pull.name)} has a bad or repeated name`)
        names.add(pull.name)
        const source = pull.source ?? pull.name
        if (!Schema.is(SourceName)(source))
          return yield* refuse(name, "hook-invalid", `pull ${pull.name} has a bad source name`)
        const configured = settings.pulls?.[pull.name]?.every
        const every = configured ?? Option.getOrUndefined(Duration.decodeUnknown(pull.every))
        if (every === undefined || Duration.toMillis(every) <= 0)
          return yield* refuse(name, "hook-invalid", `pull ${pull.name} has no positive interval`)
        pulls.push({ name: pull.name, every, source, run: pull.run })
      }
    }
    const subscriptions: Array<Subscription> = []
    if (granted.has("events:subscribe")) {
      const names = new Set<string>()
      for (const subscription of hooks.subscriptions ?? []) {
        if (!namePattern.test(subscription.name) || names.has(subscription.name))
          return yield* refuse(
            name,
            "hook-invalid",
            `subscription ${JSON.stringify(subscription.name)} has a bad or repeated name`,
          )
        names.add(subscription.name)
        if (subscription.topics.length === 0 || !subscription.topics.every((topic) => topicPattern.test(topic)))
          return yield* refuse(name, "hook-invalid", `subscription ${subscription.name} has a bad topic`)
        subscriptions.push(subscription)
      }
    }
    const routes: Array<Webhooks.CompiledRoute> = []
    if (granted.has("routes:webhook")) {
      const keys = new Set<string>()
      for (const route of hooks.webhooks ?? []) {
        const compiled = Webhooks.compile(route)
        if (typeof compiled === "string") return yield* refuse(name, "hook-invalid", `webhook route: ${compiled}`)
        const key = Webhooks.keyOf(compiled)
        if (keys.has(key)) return yield* refuse(name, "hook-invalid", `webhook route ${key} is declared twice`)
        keys.add(key)
        if (route.source !== undefined && !Schema.is(SourceName)(route.source))
          return yield* refuse(name, "hook-invalid", `webhook route ${key} has a bad source name`)
        routes.push(compiled)
      }
      if (routes.length > 0 && settings.webhook === undefined)
        return yield* refuse(
          name,
          "webhook-secret-missing",
          "it has webhook routes but the host configuration gives it no webhook secrets",
          "webhook.secrets",
        )
    }
    return { process: hooks.process, processBatch: hooks.processBatch, pulls, subscriptions, routes }
  })

/**
 * Checks and starts one plugin: manifest, host API, capabilities, providers,
 * configuration, then `setup` (in `scope`, within its time limit).
 */
export const startOne = (
  plugin: Plugin.Any,
  settings: HostConfig.PluginSettings,
  found: Providers,
  scope: Scope.Scope,
): Effect.Effect<Running, PluginStartError> =>
  Effect.gen(function* () {
    const name = settings.package
    const problems = Manifest.problems(plugin.manifest)
    if (problems.length > 0) return yield* refuse(name, "manifest-invalid", list(problems))
    const manifest = plugin.manifest
    if (manifest.name !== name)
      return yield* refuse(name, "name-mismatch", `the package's plugin is named ${manifest.name}`)

    const range = Either.getOrThrow(HostApi.parseRange(manifest.hostApi))
    if (!HostApi.satisfies(HostApi.hostApiVersion, range))
      return yield* refuse(
        name,
        "host-api-mismatch",
        `version ${manifest.version} supports host API ${manifest.hostApi}, but this host implements ${HostApi.hostApiVersion}`,
      )

    const required = manifest.capabilities
    const optional = manifest.optionalCapabilities ?? []
    const grant = new Set(settings.grant)
    const missing = required.filter((capability) => !grant.has(capability))
    if (missing.length > 0)
      return yield* refuse(
        name,
        "capability-not-granted",
        `it requires ${list(missing)}, which the host configuration does not grant (grant: ${list([...grant]) || "nothing"})`,
      )
    const unprovided = required.filter(
      (capability) => Capability.isService(capability) && found[capability] === undefined,
    )
    if (unprovided.length > 0)
      return yield* refuse(
        name,
        "capability-not-provided",
        `this host application provides no service for ${list(unprovided)}`,
      )
    // An optional capability is used when granted and provided; otherwise the plugin runs without it.
    const granted = [
      ...required,
      ...optional.filter(
        (capability) =>
          grant.has(capability) &&
          !required.includes(capability) &&
          (!Capability.isService(capability) || found[capability] !== undefined),
      ),
    ]

    const decoded = Schema.decodeUnknownEither(manifest.config, { errors: "all", onExcessProperty: "error" })(
      settings.config ?? {},
    )
    if (Either.isLeft(decoded)) {
      const { field, problem } = HostConfig.firstProblem(decoded.left)
      return yield* refuse(name, "config-invalid", `configuration field ${field} is ${problem}`, field)
    }

    const identity: PluginIdentity = Object.freeze({
      name: manifest.name,
      version: manifest.version,
      id: Manifest.idOf(manifest.name),
    })
    const services: Record<string, unknown> = {}
    for (const capability of granted) {
      if (!Capability.isService(capability)) continue
      const provider = found[capability] as CapabilityProvider<unknown>
      services[Capability.contextKeys[capability]] = provider.forPlugin(identity)
    }
    // Only the granted services are keys of the context: nothing else is reachable from it.
    const context = Object.freeze({
      plugin: identity,
      config: decoded.right,
      capabilities: Object.freeze([...granted]),
      ...services,
    })

    const timeouts = { ...HostConfig.defaultTimeouts, ...definedOnly(settings.timeouts ?? {}) }
    const exit = yield* Effect.suspend(() => {
      const made = plugin.setup(context as never)
      return Effect.isEffect(made) ? made : Effect.succeed(made)
    }).pipe(
      Effect.mapInputContext((_: Context.Context<never>) => Context.make(Scope.Scope, scope)),
      Effect.timeoutFail({
        duration: timeouts.setup,
        onTimeout: () => new PluginFailure.PluginFailure({ code: PluginFailure.timeoutCode }),
      }),
      Effect.exit,
    )
    if (Exit.isFailure(exit))
      return yield* refuse(name, "setup-failed", `setup failed (${PluginFailure.classifyCause(exit.cause).code})`)
    const hooks = yield* checkHooks(name, exit.value, new Set(granted), settings)

    const breaker = {
      threshold: settings.breaker?.threshold ?? 5,
      coolDownMillis: Duration.toMillis(settings.breaker?.coolDown ?? Duration.seconds(30)),
    }
    const retry: Outbox.RetryPolicy = {
      maxAttempts: settings.retry?.maxAttempts ?? Outbox.defaultRetryPolicy.maxAttempts,
      initialDelay: settings.retry?.initialDelay ?? Outbox.defaultRetryPolicy.initialDelay,
      factor: settings.retry?.factor ?? Outbox.defaultRetryPolicy.factor,
      maxDelay: settings.retry?.maxDelay ?? Outbox.defaultRetryPolicy.maxDelay,
    }
    return {
      identity,
      granted,
      ...hooks,
      webhook: settings.webhook,
      timeouts,
      retry,
      breaker,
      guard: yield* Isolation.make(breaker),
    }
  })

const definedOnly = <A extends object>(record: A): { [K in keyof A]?: Exclude<A[K], undefined> } =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof A]?: Exclude<A[K], undefined>
  }

/** Starts every enabled plugin of the configuration, in its order; the first refusal stops the host. */
export const startAll = (
  plugins: ReadonlyArray<Plugin.Any>,
  config: HostConfig.HostConfig,
  found: Providers,
  scope: Scope.Scope,
): Effect.Effect<ReadonlyArray<Running>, PluginStartError> =>
  Effect.gen(function* () {
    const byName = new Map<string, Plugin.Any>()
    for (const plugin of plugins) {
      const name = typeof plugin.manifest?.name === "string" ? plugin.manifest.name : "(unnamed)"
      if (byName.has(name)) return yield* refuse(name, "duplicate", "two loaded modules define a plugin of this name")
      byName.set(name, plugin)
    }
    const running: Array<Running> = []
    const ids = new Map<string, string>()
    const configured = new Set<string>()
    for (const settings of config.plugins) {
      if (configured.has(settings.package))
        return yield* refuse(settings.package, "duplicate", "the host configuration lists it twice")
      configured.add(settings.package)
      if (settings.enabled === false) continue
      const plugin = byName.get(settings.package)
      if (plugin === undefined)
        return yield* refuse(settings.package, "import-failed", "no loaded module provides a plugin of this name")
      const id = Manifest.idOf(settings.package)
      const other = ids.get(id)
      if (other !== undefined)
        return yield* refuse(settings.package, "duplicate", `its id ${id} is already the id of ${other}`)
      ids.set(id, settings.package)
      running.push(yield* startOne(plugin, settings, found, scope))
    }
    return running
  })
