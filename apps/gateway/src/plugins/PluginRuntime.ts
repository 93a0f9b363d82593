/**
 * The plugin host on Node: the configuration read from the file
 * `BASHKE_PLUGINS_CONFIG` names, its packages imported by name, the host
 * started by `PluginHostRuntime` (re-exported here). Used by the Node server
 * and the tests; the Workers entry imports `PluginHostRuntime` alone, since
 * this module reads files.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { PluginLoader } from "@bashke/plugin-sdk"
import { Effect } from "effect"
import * as PluginConfig from "./PluginConfig"
import * as PluginSecrets from "./PluginSecrets"

export { type RunningPlugins, start } from "./PluginHostRuntime"

/**
 * Imports a configured plugin package by name (Node only: Workers have no
 * dynamic import). Names resolve as Node resolves the gateway's own imports:
 * from the folder of the gateway's code, then each parent's `node_modules` —
 * so install plugins beside `@bashke/gateway` (the same `node_modules`), not
 * in the folder `bashke` is started from.
 */
export const nodeImporter: PluginLoader.Importer = Object.assign((name: string): Promise<unknown> => import(name), {
  resolvesFrom: fileURLToPath(new URL(".", import.meta.url)),
})

/**
 * Reads and decodes the JSON file `BASHKE_PLUGINS_CONFIG` names; its secret
 * references (`{ "$secret": "NAME" }`) are read from the environment.
 */
export const readConfig = (
  path: string,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Promise<PluginConfig.PluginConfig> =>
  Effect.runPromise(
    Effect.try({
      try: () => JSON.parse(readFileSync(path, "utf8")) as unknown,
      catch: () => new Error(`BASHKE_PLUGINS_CONFIG: ${path} is not a readable JSON file`),
    }).pipe(
      Effect.flatMap((input) => PluginSecrets.resolve(input, (name) => environment[name])),
      Effect.flatMap(PluginConfig.decode),
    ),
  )
