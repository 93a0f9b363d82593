import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// The template's own tests run here too, against the SDK of this workspace.
export default mergeConfig(
  shared,
  defineConfig({ test: { include: ["test/**/*.test.ts", "template/test/**/*.test.ts"] } }),
)
