import { fileURLToPath } from "node:url"
import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// The gateway from its sources, as in tsconfig.json's `paths`: the schema test
// compares against the routes as they are now, not as last built.
export default mergeConfig(
  shared,
  defineConfig({
    resolve: {
      alias: { "@bashke/gateway": fileURLToPath(new URL("../../apps/gateway/src/index.ts", import.meta.url)) },
    },
  }),
)
