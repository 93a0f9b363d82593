import { fileURLToPath } from "node:url"
import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

// The workspace's domain packages from their sources: their published dist is
// one bundled file per package, which a bundler cannot prune module by module,
// so importing one catalogue pulled in every schema and service of the package.
const source = (name: string) => fileURLToPath(new URL(`../../packages/${name}/src/index.ts`, import.meta.url))

/**
 * The build the gateway serves at `/`: hashed file names under `assets/`
 * (cached for ever), `index.html` beside them (never cached), no inline
 * script (the gateway's CSP allows none) and no source maps in production.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@bashke/kernel": source("kernel"),
      "@bashke/case": source("case"),
      "@bashke/referral": source("referral"),
      "@bashke/security": source("security"),
      "@bashke/action-plan": source("action-plan"),
      "@bashke/reporting": source("reporting"),
    },
  },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    assetsInlineLimit: 0,
    sourcemap: false,
    modulePreload: { polyfill: false },
    target: "es2022",
  },
  server: { proxy: { "/v1": "http://127.0.0.1:8787" } },
})
