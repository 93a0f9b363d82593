/**
 * The renderer's files for `/docs` on Node: read from the installed, pinned
 * `swagger-ui-dist` package, only the names `ApiDocs` serves.
 */
import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { type DocsAssets, rendererFiles } from "./ApiDocs"

export const fromInstalledPackage = (): DocsAssets => {
  const directory = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"))
  return {
    read: async (name) => (name in rendererFiles ? new Uint8Array(await readFile(join(directory, name))) : undefined),
  }
}
