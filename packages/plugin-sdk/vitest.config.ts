import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// The test kit imports the SDK by its name (see src/TestHost.ts): in tests, the sources.
export default mergeConfig(
  shared,
  defineConfig({
    resolve: { alias: { "@bashke/plugin-sdk": new URL("./src/index.ts", import.meta.url).pathname } },
  }),
)
