import { defineConfig } from "vitest/config"

/** Settings every package's vitest.config.ts starts from. */
export const shared = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests and real databases: generous but bounded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
})
