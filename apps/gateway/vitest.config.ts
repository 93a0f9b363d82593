import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// Two projects in two pools. `server`: the files that start the Node server (@hono/node-server,
// which replaces the global Request and Response for the rest of its process) or gateway
// processes of their own, in child processes (forks). `in-process`: the rest — most of the suite,
// over `app.request` — in worker threads that never load the Node server (test/TestProjects.test.ts
// checks it), so they keep the platform's Response, which CrossOrigin.test.ts compares with. Before,
// every file ran in a process of its own: loading effect, Hono and the packages again per file
// took more time than most files spend testing (collect 514 s of the suite's 18 min under load).
export const serverFiles = [
  "test/ApiDocs.browser.test.ts",
  "test/ClientAddress.test.ts",
  "test/Crash.test.ts",
  "test/DocumentMemory.test.ts",
  "test/DocumentUploadKilled.test.ts",
  "test/KillDuringEmail.test.ts",
  "test/OidcSignInSettings.test.ts",
  "test/SmtpUrlAtStart.test.ts",
  "test/plugins/PoliceImportBatch.test.ts",
  "test/plugins/PoliceImportKilled.test.ts",
  "test/plugins/PoliceImportRefusedCase.test.ts",
  "test/plugins/ServerConfig.test.ts",
  "test/routes/CalendarFeeds.test.ts",
  "test/security/DemoOnRealDatabase.test.ts",
  "test/security/Hardening.test.ts",
  "test/security/JwtLifetime.test.ts",
  "test/security/TokensAndThrottling.test.ts",
  "test/worker/**/*.test.ts",
]

// Each project is the shared settings with its own files (`extends` would append to `include`).
const { reporters: _reporters, outputFile: _outputFile, ...settings } = shared.test ?? {}

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      projects: [
        { test: { ...settings, name: "in-process", exclude: serverFiles, pool: "threads" } },
        { test: { ...settings, name: "server", include: serverFiles, pool: "forks" } },
      ],
    },
  }),
)
