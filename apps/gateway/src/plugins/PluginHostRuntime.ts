/**
 * Runs the plugin host beside a gateway runtime: its own `ManagedRuntime`
 * over the gateway's services (one database, one vault), so the host's loops
 * live and die with it, and a plugin failing never touches the requests the
 * gateway's runtime serves.
 *
 * This part runs on both entries and imports nothing of Node: the Workers
 * entry starts the host from its generated module list with `start: false`
 * (no loops: a Worker runs only while it serves an event), the Node server
 * through `PluginRuntime`, which adds reading the configuration file and
 * importing packages by name.
 */
import type { PluginHost } from "@bashke/plugin-sdk"
import { PluginHost as Host } from "@bashke/plugin-sdk"
import { Effect, Layer, ManagedRuntime } from "effect"
import type * as App from "../App"
import type { GatewayServices } from "../Services"
import * as GatewayPlugins from "./GatewayPlugins"
import type * as PluginConfig from "./PluginConfig"

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
    host = await runtime.runPromise(Host.PluginHost)
  } catch (error) {
    await runtime.dispose()
    throw error
  }
  return {
    host,
    dispatch: (request) => Effect.runPromise(host.dispatch(request)),
    health: () => Effect.runPromise(host.health),
    runner: (run) => (effect) => run(GatewayPlugins.withHost(host)(effect)),
    close: () => runtime.dispose(),
  }
}
