import { defineConfig } from "tsup"
import { packageBuild } from "../../tsup.shared"

// `index` stays free of Node modules and drivers (the Workers entry loads it).
// `testing` brings SQLite through @bashke/persistence/testing and imports the
// SDK by its own name, kept external: it uses the built `index` rather than a
// copy, so the two entries share one set of types (no shared chunk).
export default defineConfig({ ...packageBuild(["src/index.ts", "src/testing.ts"]), external: ["@bashke/plugin-sdk"] })
