import { fileURLToPath } from "node:url"
import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// The browser tests share one gateway and one Chromium per file and run one
// file at a time: generous timeouts, because CI machines are loaded. Each
// file's gateway starts from a copy of the demo seeded once for the run.
export default mergeConfig(
  shared,
  defineConfig({
    // The gateway from its source: the tests always drive the code of this commit.
    resolve: {
      alias: { "@bashke/gateway/server": fileURLToPath(new URL("../gateway/src/Server.ts", import.meta.url)) },
    },
    test: {
      include: ["test/**/*.test.ts"],
      // The demo seeded once for the run; each file's gateway starts from a copy of it.
      globalSetup: ["test/browser/DemoTemplate.ts"],
      fileParallelism: false,
      // A poll (`expect.poll`) waits as long as a locator does: the machine is loaded.
      expect: { poll: { timeout: 60_000, interval: 250 } },
    },
  }),
)
