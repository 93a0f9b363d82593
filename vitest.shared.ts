import { defineConfig } from "vitest/config"

/** Settings every package's vitest.config.ts starts from. */
export const shared = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and real databases: generous but bounded. A deadline here only catches a
    // hang; CI may run beside another process keeping both cores busy (issue 19), where a
    // property test over PostgreSQL took longer than a minute.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Few workers: the suites run three packages at a time (scripts/workspace.mjs), and a
    // loaded machine must not starve vitest's own reporting (its RPC has a fixed deadline).
    maxWorkers: 2,
    minWorkers: 1,
    // The JSON report lets .ci/run print one total over all packages.
    reporters: ["default", "json"],
    outputFile: { json: "./test-results/vitest.json" },
  },
})
