import { defineConfig } from "vitest/config"

/** Settings every package's vitest.config.ts starts from. */
export const shared = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and real databases: generous but bounded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report lets .ci/run print one total over all packages.
    reporters: ["default", "json"],
    outputFile: { json: "./test-results/vitest.json" },
  },
})
