/**
 * `definePlugin`: a manifest and a `setup` that returns the plugin's hooks.
 *
 * ```ts
 * export default definePlugin({
 *   manifest: {
 *     name: "@acme/plugin-hello",
 *     version: "0.1.0",
 *     hostApi: "^0.1.0",
 *     config: Schema.Struct({ greeting: Schema.String }),
 *     capabilities: ["events:subscribe"],
 *   },
 *   setup: (context) =>
 *     Effect.succeed({
 *       subscriptions: [
 *         { name: "cases", topics: ["case.*"], handle: (event) => Effect.log(context.config.greeting, event.topic) },
 *       ],
 *     }),
 * })
 * ```
 *
 * The context `setup` receives holds the plugin's identity, its decoded
 * configuration, the granted capabilities and the service of each granted
 * service capability — nothing else, in its type and at run time.
 */
import type { Effect, Scope } from "effect"
import type { Capability, ContextServices } from "./Capability"
import type { AnyHooks, Hooks } from "./Hooks"
import type { Manifest } from "./Manifest"
import type { HookError } from "./PluginFailure"
import type { PluginIdentity } from "./PluginIdentity"

/**
 * Marks values made by {@link definePlugin}. A global symbol, so a plugin
 * built with another copy of the SDK is still recognised.
 */
export const TypeId: unique symbol = Symbol.for("@bashke/plugin-sdk/Plugin")

export type TypeId = typeof TypeId

/**
 * What `setup` receives. `capabilities` lists the granted ones (the required,
 * and the optional ones the host granted).
 */
export type PluginContext<Config, Required extends Capability, Optional extends Capability = never> = {
  readonly plugin: PluginIdentity
  readonly config: Config
  readonly capabilities: ReadonlyArray<Capability>
} & ContextServices<Required, Optional>

/**
 * Builds the plugin's hooks: returns them, or an Effect that makes them. The
 * Effect may acquire resources (an HTTP client, a timer) in its `Scope`, which
 * the host closes when it stops. Returning the hooks as a plain object keeps
 * their literal types (`every: "5 minutes"`, `method: "POST"`) without
 * annotations; inside an Effect, build them with `Hooks.pull`,
 * `Hooks.subscription` and `Hooks.webhook`.
 */
export type Setup<Config, Required extends Capability, Optional extends Capability> = (
  context: PluginContext<Config, Required, Optional>,
) => Hooks<Required | Optional> | Effect.Effect<Hooks<Required | Optional>, HookError, Scope.Scope>

/**
 * A plugin.
 */
export interface Plugin<Config = unknown, Required extends Capability = never, Optional extends Capability = never> {
  readonly [TypeId]: TypeId
  readonly manifest: Manifest<Config, unknown, Required, Optional>
  readonly setup: Setup<Config, Required, Optional>
}

/**
 * Any plugin, as the host holds them.
 */
export interface Any {
  readonly [TypeId]: TypeId
  // biome-ignore lint/suspicious/noExplicitAny: each plugin's configuration type is its own (schemas are invariant); the host only decodes it with the plugin's schema
  readonly manifest: Manifest<any, any, Capability, Capability>
  readonly setup: (context: never) => AnyHooks | Effect.Effect<AnyHooks, HookError, Scope.Scope>
}

/**
 * Defines a plugin. The capability lists are read as literal types, so the
 * context's type has exactly the services they name.
 */
export const definePlugin = <
  Config,
  ConfigEncoded,
  const Required extends Capability = never,
  const Optional extends Capability = never,
>(definition: {
  readonly manifest: Manifest<Config, ConfigEncoded, Required, Optional>
  readonly setup: Setup<Config, Required, Optional>
}): Plugin<Config, Required, Optional> =>
  Object.freeze({
    [TypeId]: TypeId as TypeId,
    manifest: definition.manifest as Manifest<Config, unknown, Required, Optional>,
    setup: definition.setup,
  })

/**
 * Whether `value` is a plugin made by {@link definePlugin}.
 */
export const isPlugin = (value: unknown): value is Any =>
  typeof value === "object" && value !== null && (value as Record<PropertyKey, unknown>)[TypeId] === TypeId

/**
 * The plugin a module exports: its default export, or an export named
 * `plugin`. Also accepts the plugin itself.
 */
export const fromModule = (module: unknown): Any | undefined => {
  if (isPlugin(module)) return module
  if (typeof module !== "object" || module === null) return undefined
  const record = module as Record<string, unknown>
  for (const candidate of [record.default, record.plugin]) {
    if (isPlugin(candidate)) return candidate
    // CommonJS through ESM interop: `import()` of a CJS module nests `default` once more.
    if (typeof candidate === "object" && candidate !== null) {
      const nested = (candidate as Record<string, unknown>).default
      if (isPlugin(nested)) return nested
    }
  }
  return undefined
}
