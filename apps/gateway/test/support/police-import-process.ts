// The police import as a process of its own, for the kill test
// (test/plugins/PoliceImportKilled.test.ts): `bashke import police` over the
// gateway's real capabilities on the SQLite file BASHKE_IMPORT_FILE, from a
// fake police API it serves itself (the same reports on every start; the
// cursor saved in the file says where the pull goes on).
//
// BASHKE_IMPORT_STALL_AT=n: the n-th page applied through `processBatch`
// stops after all of its writes, before its transaction commits, and says so
// on stdout (`stalled`) — a place to be killed in, found without timing.
// BASHKE_IMPORT_CLOCK_AHEAD_MS: the process's clock runs that far ahead, as a
// restart after the inbox's lease on the records a killed run held has
// expired (5 minutes) would find it.
import type { Hooks, Plugin } from "@bashke/plugin-sdk"
import { Effect } from "effect"
import * as PoliceImport from "../../bench/PoliceImport"

const env = (name: string): string => {
  const value = process.env[name]
  if (value === undefined) throw new Error(`${name} is not set`)
  return value
}

const file = env("BASHKE_IMPORT_FILE")
const mechanismId = env("BASHKE_IMPORT_MECHANISM") as never
const total = Number(env("BASHKE_IMPORT_TOTAL"))
const page = Number(env("BASHKE_IMPORT_PAGE"))
const cases = Number(env("BASHKE_IMPORT_CASES"))
const stallAt = Number(process.env.BASHKE_IMPORT_STALL_AT ?? "0")
const ahead = Number(process.env.BASHKE_IMPORT_CLOCK_AHEAD_MS ?? "0")

let pages = 0
const police = PoliceImport.policePlugin
const plugin: Plugin.Any =
  stallAt === 0
    ? police
    : {
        ...police,
        setup: (context: never) => {
          const hooks = police.setup(context) as { processBatch: Hooks.ProcessBatch }
          return {
            ...hooks,
            processBatch: (records: Parameters<Hooks.ProcessBatch>[0]) =>
              Effect.flatMap(hooks.processBatch(records), () => {
                pages += 1
                if (pages < stallAt) return Effect.void
                return Effect.zipRight(
                  Effect.sync(() => process.stdout.write("stalled\n")),
                  Effect.never,
                )
              }),
          } as never
        },
      }

const api = await PoliceImport.policeApi(total, page, cases)
const runtime = await PoliceImport.gateway(file)
const config = PoliceImport.configFor(mechanismId, api.baseUrl, page, plugin)
const outcome = await PoliceImport.importAll(runtime, config, plugin, () => {}, ahead)
process.stdout.write(`${JSON.stringify({ done: outcome.processed })}\n`)
await runtime.dispose()
api.close()
