/**
 * Where the web app's build is: `BASHKE_WEB_ROOT`, else `@bashke/web`'s
 * `dist/` when that package is installed and built (`npm start` builds it),
 * else nowhere — the gateway then serves the API alone.
 */
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"

export const find = (env: Readonly<Record<string, string | undefined>> = process.env): string | undefined => {
  const configured = env.BASHKE_WEB_ROOT
  if (configured !== undefined && configured !== "") return configured
  try {
    const root = join(dirname(createRequire(import.meta.url).resolve("@bashke/web/package.json")), "dist")
    return existsSync(join(root, "index.html")) ? root : undefined
  } catch {
    return undefined
  }
}
