import { defineConfig } from "vitest/config"

/** Settings every package's vitest.config.ts starts from. */
export const shared = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests, real databases, child processes and Chromium: generous but bounded. A
    // deadline here only catches a hang; CI may run beside other processes keeping both cores
    // busy (issue 19), where a property test over PostgreSQL took over a minute and a CLI test
    // that starts `bashke` five times took over four. This is the ONE deadline: a test does not
    // set a shorter one of its own (a shorter one is what failed under load).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Few workers: the suites run three packages at a time (scripts/workspace.mjs), and a
    // loaded machine must not starve vitest's own reporting (its RPC has a fixed deadline).
    maxWorkers: 2,
    minWorkers: 1,
    // One worker process runs many test files, keeping the modules they import (effect, the
    // packages' dist): a fresh process per file spent more CPU loading them than most files spend
    // testing (half of a package's CPU time, measured). Each file still builds its own databases,
    // gateways and layers; a test that changes process state (cwd, env, globals) puts it back.
    isolate: false,
    // The JSON report lets .ci/run print one total over all packages.
    reporters: ["default", "json"],
    outputFile: { json: "./test-results/vitest.json" },
  },
})
