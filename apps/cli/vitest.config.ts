import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// The CLI's tests start `bashke` as a child process, several times in one test, and
// each start loads the gateway: on a machine whose cores are busy that alone takes
// many seconds, so the bound is generous (a hung child still fails the test).
export default mergeConfig(shared, defineConfig({ test: { testTimeout: 300_000 } }))
