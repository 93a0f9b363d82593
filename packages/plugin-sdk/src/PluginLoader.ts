/**
 * Loading plugins: on Node, the packages named in the configuration are
 * imported dynamically; on Workers, which cannot import by name at run time,
 * the application's build writes a static import list from the same
 * configuration ({@link staticImports}) and hands the imported modules to
 * {@link fromModules}. Either way the host then checks each plugin.
 *
 * ```ts
 * // Node: the importer is written in the application, so the application's
 * // node_modules resolve the names (the SDK's own would not, under pnpm).
 * const plugins = yield* PluginLoader.importAll(PluginLoader.packagesOf(config), (name) => import(name))
 * ```
 */
import { Effect, Layer } from "effect"
import type * as HostConfig from "./HostConfig"
import * as Plugin from "./Plugin"
import * as PluginHost from "./PluginHost"
import { PluginStartError } from "./PluginStartError"

/**
 * Imports a module by package name: `(name) => import(name)`, written in the
 * application. `resolvesFrom`, when set, is the directory package names
 * resolve from (Node looks in its `node_modules` and those of its parents):
 * an import that fails names it, so an operator knows where to install the
 * plugin.
 */
export type Importer = ((packageName: string) => Promise<unknown>) & { readonly resolvesFrom?: string }

/**
 * The packages of the configuration's enabled plugins, in its order.
 */
export const packagesOf = (config: HostConfig.HostConfig): ReadonlyArray<string> =>
  config.plugins.filter((settings) => settings.enabled !== false).map((settings) => settings.package)

const errorCode = (error: unknown): string => {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === "string" && /^[A-Z0-9_]{1,60}$/.test(code) ? code : "unknown"
}

/**
 * The plugin of each module, in order: a module whose default export (or
 * `plugin` export) is not a plugin made by `definePlugin` fails with
 * `not-a-plugin`, naming the package.
 */
export const fromModules = (
  modules: ReadonlyArray<readonly [packageName: string, module: unknown]>,
): Effect.Effect<ReadonlyArray<Plugin.Any>, PluginStartError> =>
  Effect.forEach(modules, ([packageName, module]) => {
    const plugin = Plugin.fromModule(module)
    return plugin === undefined
      ? Effect.fail(
          new PluginStartError({
            plugin: packageName,
            reason: "not-a-plugin",
            detail: "its default export is not a plugin made by definePlugin",
          }),
        )
      : Effect.succeed(plugin)
  })

/**
 * Imports each package and takes its plugin. A package that cannot be
 * imported fails with `import-failed` and the error's code
 * (`ERR_MODULE_NOT_FOUND`), not its message.
 */
export const importAll = (
  packages: ReadonlyArray<string>,
  importer: Importer,
): Effect.Effect<ReadonlyArray<Plugin.Any>, PluginStartError> =>
  Effect.forEach(packages, (packageName) =>
    Effect.tryPromise({
      try: () => importer(packageName),
      catch: (error) =>
        new PluginStartError({
          plugin: packageName,
          reason: "import-failed",
          detail:
            importer.resolvesFrom === undefined
              ? `the package could not be imported (${errorCode(error)}); is it installed?`
              : `the package could not be imported (${errorCode(error)}) from ${importer.resolvesFrom}; install it there or in a parent folder's node_modules`,
        }),
    }).pipe(Effect.map((module) => [packageName, module] as const)),
  ).pipe(Effect.flatMap(fromModules))

/**
 * The source of a module that imports the configuration's enabled plugins
 * statically, for bundlers that need every import written out (the Workers
 * entry): `export const plugins = [["@bashke/plugin-police", plugin0], …]`,
 * ready for {@link fromModules}.
 */
export const staticImports = (config: HostConfig.HostConfig): string => {
  const packages = packagesOf(config)
  const lines = [
    "// Generated from the plugin host configuration by PluginLoader.staticImports: do not edit.",
    ...packages.map((name, index) => `import * as plugin${index} from ${JSON.stringify(name)}`),
    "",
    `export const plugins = [${packages.map((name, index) => `[${JSON.stringify(name)}, plugin${index}]`).join(", ")}] as const`,
    "",
  ]
  return lines.join("\n")
}

/**
 * The host over the plugins the configuration names, imported on Node.
 */
export const layerNode = (
  options: Omit<PluginHost.Options, "plugins"> & { readonly importer: Importer; readonly start?: boolean },
): Layer.Layer<PluginHost.PluginHost, PluginStartError, PluginHost.Requirements> =>
  Layer.unwrapEffect(
    Effect.map(importAll(packagesOf(options.config), options.importer), (plugins) =>
      PluginHost.layer({ ...options, plugins }),
    ),
  )

/**
 * The host over statically imported modules (the Workers entry's generated
 * list, see {@link staticImports}).
 */
export const layerStatic = (
  options: Omit<PluginHost.Options, "plugins"> & {
    readonly modules: ReadonlyArray<readonly [packageName: string, module: unknown]>
    readonly start?: boolean
  },
): Layer.Layer<PluginHost.PluginHost, PluginStartError, PluginHost.Requirements> =>
  Layer.unwrapEffect(Effect.map(fromModules(options.modules), (plugins) => PluginHost.layer({ ...options, plugins })))
