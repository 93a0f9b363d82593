import type { Options } from "tsup"

/** The build every publishable package shares: ESM + CJS + types, with sourcemaps. */
export const packageBuild = (entry: Array<string> = ["src/index.ts"]): Options => ({
  entry,
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
  target: "es2022",
})
