import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The test kit runs the real plugin host over a SQLite file: generous bounds for a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
