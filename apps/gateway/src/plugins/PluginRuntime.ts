/**
 * Runs the plugin host beside a gateway runtime: its own `ManagedRuntime`
 * over the gateway's services (one database, one vault), so the host's loops
 * live and die with it, and a plugin failing never touches the requests the
 * gateway's runtime serves. Used by the Node server and the tests.
 */
import { readFileSync } from "node:fs"
import { PluginHost } from "@bashke/plugin-sdk"
import { Effect, Layer, ManagedRuntime } from "effect"
import type * as App from "../App"
import type { GatewayServices } from "../Services"
import * as GatewayPlugins from "./GatewayPlugins"
import * as PluginConfig from "./PluginConfig"

export interface RunningPlugins {
  readonly host: PluginHost.Service
  /** For `App.make({ plugins })`. */
  readonly dispatch: (request: Request) => Promise<Response>
  /** For `App.make({ health })`: each plugin as `plugin:<name>`. */
  readonly health: () => Promise<Record<string, "ok" | "degraded">>
  /** Wraps the gateway's runner so the admin routes see the host. */
  readonly runner: (run: App.Runner) => App.Runner
  readonly close: () => Promise<void>
}

/** Imports a configured plugin package by name (Node only: Workers have no dynamic import). */
export const nodeImporter = (name: string): Promise<unknown> => import(name)

/** Reads and decodes the JSON file `BASHKE_PLUGINS_CONFIG` names. */
export const readConfig = (path: string): Promise<PluginConfig.PluginConfig> =>
  Effect.runPromise(
    Effect.flatMap(
      Effect.try({
        try: () => JSON.parse(readFileSync(path, "utf8")) as unknown,
        catch: () => new Error(`BASHKE_PLUGINS_CONFIG: ${path} is not a readable JSON file`),
      }),
      PluginConfig.decode,
    ),
  )

/** Starts the host (its loops too unless `start: false`); a start-up error rejects, naming the plugin. */
export const start = async (
  gateway: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
  config: PluginConfig.PluginConfig,
  source: GatewayPlugins.Source,
  options: { readonly start?: boolean } = {},
): Promise<RunningPlugins> => {
  const services = Layer.succeedContext((await gateway.runtime()).context)
  const runtime = ManagedRuntime.make(GatewayPlugins.layer(config, source, options).pipe(Layer.provide(services)))
  let host: PluginHost.Service
  try {
    host = await runtime.runPromise(PluginHost.PluginHost)
  } catch (error) {
    await runtime.dispose()
    throw error
  }
  return {
    host,
    dispatch: (request) => Effect.runPromise(host.dispatch(request)),
    health: async () => {
      const checks = await Effect.runPromise(host.health)
      return checks
    },
    runner: (run) => (effect) => run(GatewayPlugins.withHost(host)(effect)),
    close: () => runtime.dispose(),
  }
}
