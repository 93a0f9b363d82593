import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

/**
 * The build the gateway serves at `/`: hashed file names under `assets/`
 * (cached for ever), `index.html` beside them (never cached), no inline
 * script (the gateway's CSP allows none) and no source maps in production.
 */
export default defineConfig({
  plugins: [react()],
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
