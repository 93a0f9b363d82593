import { defineConfig } from "tsup"
import { packageBuild } from "../../tsup.shared"

// One bundle per entry: `index`, `d1` and `pg` must stay free of Node modules and drivers (Workers).
export default defineConfig(packageBuild(["src/index.ts", "src/node.ts", "src/d1.ts", "src/pg.ts", "src/testing.ts"]))
