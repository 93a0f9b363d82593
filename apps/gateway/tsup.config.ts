import { defineConfig } from "tsup"

// An application: ESM entries, dependencies left external (the Workers bundle is wrangler's job).
export default defineConfig({
  entry: ["src/index.ts", "src/node.ts", "src/Server.ts"],
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "es2022",
})
