import { defineConfig } from "tsup"

// ESM and CommonJS with declarations. The peers (the SDK, effect) stay outside the bundle:
// the gateway brings its own, so a Workers bundle carries them once.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
})
