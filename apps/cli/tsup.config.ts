import { defineConfig } from "tsup"

// An application, not a library: one ESM entry with a shebang, dependencies left external.
export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "es2022",
  banner: { js: "#!/usr/bin/env node" },
})
