import { defineConfig } from "tsup"
import { packageBuild } from "../../tsup.shared"

// ESM only: the starter is a command (`npm create @bashke/plugin`) that finds its template beside itself.
export default defineConfig({ ...packageBuild(["src/index.ts", "src/bin.ts"]), format: ["esm"] })
