/**
 * The web app's build read from a directory on Node (`apps/web/dist`), for
 * `WebApp`. Only files inside the directory are read; the read is by a path
 * the gateway already refused `..` in, and resolved again to be sure.
 */
import { readFile, stat } from "node:fs/promises"
import { join, resolve, sep } from "node:path"
import { mediaTypeOf, type WebFiles } from "./WebApp"

export const fromDirectory = (directory: string): WebFiles => {
  const root = resolve(directory)
  return {
    read: async (path) => {
      try {
        const file = resolve(join(root, decodeURIComponent(path)))
        if (!file.startsWith(root + sep)) return undefined
        if (!(await stat(file)).isFile()) return undefined
        return { body: new Uint8Array(await readFile(file)), contentType: mediaTypeOf(file) }
      } catch {
        return undefined
      }
    },
  }
}
