// The Workers bundle as Cloudflare would receive it: built by wrangler from
// wrangler.toml (`wrangler deploy --dry-run`, which bundles and uploads nothing),
// and measured the way Cloudflare limits it, gzip-compressed. Used by the size
// bench (docs/benchmarks.md) and by the Workers tests.
import { execFile } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { basename, join } from "node:path"
import { promisify } from "node:util"
import { gzipSync } from "node:zlib"

/** The gateway's directory, where wrangler.toml is. */
export const appDirectory = new URL("..", import.meta.url).pathname

/** Cloudflare's limit on a Worker's compressed size on the free plan (10 MiB on paid plans). */
export const freePlanLimitBytes = 3 * 1024 * 1024

const wranglerBin = join(createRequire(import.meta.url).resolve("wrangler/package.json"), "..", "bin", "wrangler.js")

/**
 * Bundles src/worker.ts (or `entry`, with the same settings) into `outdir`;
 * resolves with the bundle's path.
 */
export const build = async (outdir: string, entry?: string): Promise<string> => {
  const args = [
    wranglerBin,
    "deploy",
    ...(entry === undefined ? [] : [entry, "--config", "wrangler.toml"]),
    "--dry-run",
    "--outdir",
    outdir,
  ]
  await promisify(execFile)(process.execPath, args, {
    cwd: appDirectory,
    // No telemetry, no banner; everything else as `pnpm build:worker`.
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true" },
    maxBuffer: 16 * 1024 * 1024,
  })
  return join(outdir, entry === undefined ? "worker.js" : `${basename(entry).replace(/\.[cm]?[jt]s$/, "")}.js`)
}

export interface Size {
  readonly rawBytes: number
  readonly gzipBytes: number
}

/**
 * The uploaded modules' size, raw and gzip: the JavaScript and every file
 * carried beside it (wasm, the PDF font as a Data module; ADR 0025). Source
 * maps do not count towards the limit.
 */
export const sizeOf = (outdir: string): Size => {
  let rawBytes = 0
  let gzipBytes = 0
  for (const name of readdirSync(outdir).filter((file) => !/\.(map|md)$/.test(file))) {
    const bytes = readFileSync(join(outdir, name))
    rawBytes += bytes.length
    gzipBytes += gzipSync(bytes).length
  }
  return { rawBytes, gzipBytes }
}
