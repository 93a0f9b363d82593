#!/usr/bin/env node
/**
 * `node dist/node.js [--demo]`: the gateway on Node. Prints where it listens
 * and, with `--demo`, a token to try it with.
 */
import { start } from "./Server"

const say = (line: string) => process.stdout.write(`${line}\n`)

const demo = process.argv.includes("--demo")
const running = await start({
  demo,
  log: process.env.BASHKE_LOG_REQUESTS === "0" ? () => {} : (line) => say(JSON.stringify(line)),
})
say(`Bashkë gateway on ${running.url} (API description: ${running.url}/docs)`)
if (demo) {
  say(running.seeded ? "Demo data seeded (Gjilan mechanism)." : "Demo data already present.")
  for (const [name, token] of Object.entries(running.tokens)) say(`  token for the demo ${name}: ${token}`)
  const token = running.tokens.caseManager
  if (token !== undefined) {
    say(`Try: curl -H "Authorization: Bearer ${token}" "${running.url}/v1/cases?mechanismId=${running.mechanismId}"`)
  }
}
const stop = () => {
  running.close().then(() => process.exit(0))
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
