import * as SqlTime from "./_sqltime"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as PoliceImport from "./PoliceImport"
const total = Number(process.env.N ?? 2000)
const cases = Math.max(1, Math.round(total / 50))
const dir = mkdtempSync(join(tmpdir(), "prof-"))
const file = join(dir, "b.db")
const api = await PoliceImport.policeApi(total, 1000, cases)
const mechanismId = await PoliceImport.seedCases(file, cases)
const runtime = await PoliceImport.gateway(file)
const config = PoliceImport.configFor(mechanismId, api.baseUrl, 1000, PoliceImport.policePlugin)
SqlTime.reset()
const t = performance.now()
const inspector = await import("node:inspector")
const session = new inspector.Session()
session.connect()
await new Promise((r) => session.post("Profiler.enable", () => session.post("Profiler.start", r)))
await PoliceImport.importAll(runtime, config, PoliceImport.policePlugin)
const el = (performance.now() - t) / 1000
await new Promise((r) => session.post("Profiler.stop", async (err, { profile }) => { (await import("node:fs")).writeFileSync("/tmp/police.cpuprofile", JSON.stringify(profile)); r(null) }))
console.log(total / el, "records/s", el); SqlTime.report()
await runtime.dispose(); api.close()
