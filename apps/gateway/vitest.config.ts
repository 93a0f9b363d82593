import { defineConfig, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared"

// Each test file in a process of its own, unlike the packages (vitest.shared.ts): starting the Node
// server (@hono/node-server) replaces the global Request and Response for the rest of the process,
// and a later file comparing answers with a plain Hono app's (CrossOrigin.test.ts) then sees its
// Response, not the platform's.
export default mergeConfig(shared, defineConfig({ test: { isolate: true } }))
