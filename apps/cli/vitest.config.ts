import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// The CLI's tests start `bashke` as a child process, several times in one test, and each start
// loads the gateway: on a busy machine that alone takes many seconds. The shared deadline
// (vitest.shared.ts) is generous enough; a hung child still fails the test.
export default mergeConfig(shared, defineConfig({}))
