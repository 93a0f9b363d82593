// The gateway's CPU profile under the HTTP bench's load on one route: the
// demo gateway (as bench/http.bench.ts starts it) under `node --cpu-prof`,
// loaded by autocannon at 32 connections, then stopped so that V8 writes the
// profile, which `scripts/cpu-profile.mjs` sums by self and inclusive time.
//
//   pnpm --filter @bashke/gateway exec tsx bench/profile.ts [case|details] [seconds]
//
// Prints the profile's path and its summary; the CPU time a request is read
// from `/proc`, as the bench reads it.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import autocannon from "autocannon"
import { appDirectory, start, stop } from "./GatewayProcess"

const route = process.argv[2] ?? "case"
const seconds = Number(process.argv[3] ?? 10)
const directory = mkdtempSync(join(tmpdir(), "bashke-profile-"))
const profiles = join(directory, "profiles")

const cpuTime = (pid: number | undefined): number => {
  if (pid === undefined) throw new Error("the gateway has no pid")
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

const gateway = await start(join(directory, "bashke.db"), { BASHKE_RATE_LIMIT_PER_MINUTE: "1000000000" }, [
  "--cpu-prof",
  `--cpu-prof-dir=${profiles}`,
])
try {
  const token = gateway.tokens.caseManager
  const coordinator = gateway.tokens.coordinator
  if (token === undefined || coordinator === undefined) throw new Error("the demo printed no tokens")
  const headers = { authorization: `Bearer ${token}` }
  const list = (await (
    await fetch(`${gateway.url}/v1/cases?mechanismId=${gateway.mechanismId}&riskLevel=high`, {
      headers: { authorization: `Bearer ${coordinator}` },
    })
  ).json()) as { items: ReadonlyArray<{ id: string }> }
  const caseId = list.items[0]?.id
  if (caseId === undefined) throw new Error("no high-risk case")
  const aCase = (await (await fetch(`${gateway.url}/v1/cases/${caseId}`, { headers })).json()) as {
    persons: ReadonlyArray<{ id: string; role: string }>
  }
  const victim = aCase.persons.find((person) => person.role === "victim")?.id
  const options: autocannon.Options =
    route === "details"
      ? {
          url: `${gateway.url}/v1/cases/${caseId}/persons/${victim}/details/read`,
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ purpose: "case-management" }),
        }
      : { url: `${gateway.url}/v1/cases/${caseId}`, headers }
  await autocannon({ ...options, connections: 32, amount: 3000, timeout: 30 })
  const before = cpuTime(gateway.process.pid)
  const result = await autocannon({ ...options, connections: 32, duration: seconds, timeout: 30 })
  const cpu = cpuTime(gateway.process.pid) - before
  console.log(
    `${route}: ${result.requests.total} requests, ${Math.round(result.requests.average)} requests/s, p99 ${result.latency.p99} ms, ` +
      `${((1000 * cpu) / result.requests.total).toFixed(0)} µs CPU a request, ${result.non2xx} not 2xx`,
  )
} finally {
  await stop(gateway)
}
const written = readdirSync(profiles).filter((name) => name.endsWith(".cpuprofile"))
const largest = written
  .map((name) => join(profiles, name))
  .sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0]
if (largest === undefined) throw new Error("no profile was written")
console.log(largest)
console.log(
  execFileSync(
    process.execPath,
    [join(appDirectory, "../../scripts/cpu-profile.mjs"), largest, "--top", "40", "--last", String(seconds * 1000)],
    {
      encoding: "utf8",
    },
  ),
)
