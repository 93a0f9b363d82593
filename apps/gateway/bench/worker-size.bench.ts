// The Workers bundle's size (`pnpm build:worker` first: the package's `bench`
// script does), against Cloudflare's free-plan limit as its floor: the share of
// floor in docs/benchmarks.md is how much of the limit the gateway uses.
import { join } from "node:path"
import { type Figure, record } from "../../../scripts/benchmark"
import { appDirectory, freePlanLimitBytes, sizeOf } from "./WorkerBundle"

const kib = (bytes: number) => bytes / 1024
const size = sizeOf(join(appDirectory, "dist-worker"))
if (size.rawBytes === 0) throw new Error("dist-worker/ holds no bundle: run `pnpm build:worker` first")

console.log(
  `Workers bundle: ${kib(size.rawBytes).toFixed(1)} KiB raw, ${kib(size.gzipBytes).toFixed(1)} KiB gzip ` +
    `(${((100 * size.gzipBytes) / freePlanLimitBytes).toFixed(1)} % of the free plan's ${kib(freePlanLimitBytes)} KiB)`,
)
const figures: Array<Figure> = [
  {
    measure: `Workers bundle, gzip (raw ${Math.round(kib(size.rawBytes)).toLocaleString("en-US")} KiB)`,
    unit: "KiB",
    value: kib(size.gzipBytes),
    floor: { measure: "Cloudflare free-plan limit, gzip", value: kib(freePlanLimitBytes) },
    goal: "under the limit (test/worker/Worker.test.ts fails above it)",
  },
]
record(appDirectory, "gateway-worker-bundle", figures)
