import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { start, stop } from "/work/main/apps/gateway/bench/GatewayProcess"
const dir = mkdtempSync(join(tmpdir(), "trace-"))
const gw = await start(join(dir, "b.db"), { BASHKE_TRACE_SQL: "1", BASHKE_RATE_LIMIT_PER_MINUTE: "1000000" })
let buf = ""
gw.process.stderr.on("data", (d) => { buf += d.toString() })
const token = gw.tokens.caseManager!
const headers = { authorization: `Bearer ${token}` }
const list = (await (await fetch(`${gw.url}/v1/cases?mechanismId=${gw.mechanismId}&riskLevel=high`, { headers: { authorization: `Bearer ${gw.tokens.coordinator}` } })).json()) as any
const caseId = list.items[0].id
const c = (await (await fetch(`${gw.url}/v1/cases/${caseId}`, { headers })).json()) as any
const victim = c.persons.find((p: any) => p.role === "victim").id
for (let i = 0; i < 3; i++) await fetch(`${gw.url}/v1/cases/${caseId}`, { headers })
await new Promise((r) => setTimeout(r, 200)); buf = ""
await fetch(`${gw.url}/v1/cases/${caseId}`, { headers })
await new Promise((r) => setTimeout(r, 200)); console.log("=== GET case\n" + buf); buf = ""
for (let i = 0; i < 3; i++) await fetch(`${gw.url}/v1/cases/${caseId}/persons/${victim}/details/read`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ purpose: "case-management" }) })
await new Promise((r) => setTimeout(r, 200)); buf = ""
const r = await fetch(`${gw.url}/v1/cases/${caseId}/persons/${victim}/details/read`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ purpose: "case-management" }) })
console.log(r.status)
await new Promise((r) => setTimeout(r, 200)); console.log("=== details\n" + buf)
await stop(gw)
