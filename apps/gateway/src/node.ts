#!/usr/bin/env node
/**
 * `node dist/node.js [--demo]`: the gateway on Node for scripts — the crash
 * test and the HTTP bench start it as a child process. People start it with
 * `bashke start`, which speaks their language; this entry prints machine
 * lines only: one JSON line `{ listening, mechanismId?, tokens, signInLinks }` once it
 * serves, then a JSON line per request (`BASHKE_LOG_REQUESTS=0` silences them).
 */
import { start } from "./Server"

const line = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`)

const running = await start({
  demo: process.argv.includes("--demo"),
  log: process.env.BASHKE_LOG_REQUESTS === "0" ? () => {} : line,
})
line({
  listening: running.url,
  mechanismId: running.mechanismId,
  tokens: running.tokens,
  signInLinks: running.signInLinks,
})
const stop = () => {
  running.close().then(() => process.exit(0))
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
