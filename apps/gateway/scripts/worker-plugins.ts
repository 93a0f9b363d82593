// Writes the Workers entry's plugin list (run by `pnpm build:worker` before
// wrangler bundles): src/worker-plugins.generated.ts from the JSON file
// BASHKE_PLUGINS_CONFIG names, or the empty list when it is unset. The
// configured packages are resolved from the generated file's directory, as
// the bundler will resolve its imports.
//
//   tsx scripts/worker-plugins.ts [--out <file>]
import { readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { Effect } from "effect"
import * as WorkerPlugins from "./WorkerPlugins"

const flag = process.argv.indexOf("--out")
const out = resolve(
  flag === -1 ? join(import.meta.dirname, "..", "src", "worker-plugins.generated.ts") : (process.argv[flag + 1] ?? ""),
)
const path = process.env.BASHKE_PLUGINS_CONFIG

const read = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown
  } catch {
    throw new Error(`BASHKE_PLUGINS_CONFIG: ${file} is not a readable JSON file`)
  }
}

const require = createRequire(join(dirname(out), "worker-plugins.generated.ts"))
const importer = (name: string) => import(pathToFileURL(require.resolve(name)).href)

try {
  const text = await Effect.runPromise(
    WorkerPlugins.generate(path === undefined || path === "" ? undefined : read(path), importer),
  )
  writeFileSync(out, text)
  console.error(`worker plugins: ${out}`)
} catch (error) {
  // The message names a field or a file, never a value from the configuration.
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
